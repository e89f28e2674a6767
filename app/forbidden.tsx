import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/layout/status-page';

export default async function Forbidden() {
  const t = await getTranslations('auth');
  return (
    <StatusPage code={403} title={t('forbiddenTitle')} body={t('forbiddenBody')} codeClassName="text-seal-500/40" />
  );
}
