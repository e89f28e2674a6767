import { and, eq } from 'drizzle-orm';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { db } from '@/db';
import { payments } from '@/db/schema';
import { currentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { depositReturnPath } from '@/lib/deposits/deposit-return-path';
import { env } from '@/lib/env';
import { formatFen } from '@/lib/money';
import { submitSandboxCharge } from '@/actions/sandbox-checkout';

const RESULTS = ['applied', 'failed', 'refunded', 'already_settled', 'closed'] as const;

/** The built-in provider's checkout: what a WeChat Pay or Alipay page is for real providers. */
export default async function SandboxPayPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ result?: string }>;
}) {
  const { reference } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/sandbox/pay/${reference}`)}`);
  const [payment] = await db()
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.provider, 'sandbox'),
        eq(payments.providerRef, reference.slice(0, 100)),
        eq(payments.userId, user.id),
      ),
    );
  if (!payment) notFound();
  const [t, tLot, locale, query, back] = await Promise.all([
    getTranslations('sandbox'),
    getTranslations('lotPage'),
    getLocale(),
    searchParams,
    depositReturnPath({ db: db(), depositId: payment.depositId }),
  ]);
  const result = RESULTS.find((value) => value === query.result);
  // The sandbox refuses a charge past its expiry or closed by Gavel; say so instead of offering to pay.
  const closed =
    (payment.status === 'cancelled' && payment.succeededAt === null) ||
    (payment.status === 'pending' && payment.expiresAt !== null && now() > payment.expiresAt);
  const config = env();
  return (
    <section className="mx-auto max-w-md space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
      {config.NODE_ENV === 'production' && config.PAYMENT_PROVIDER === 'sandbox' && (
        // A real deployment running the sandbox must never look like it takes money.
        <p
          role="alert"
          data-testid="test-payments"
          className="rounded-lg border-2 border-amber-500 bg-amber-50 px-3 py-2 text-base font-bold text-amber-900"
        >
          {t('testPayments')}
        </p>
      )}
      <h1 className="font-serif text-xl font-bold text-stone-900">{t('title')}</h1>
      <p className="text-sm text-stone-600">{t('intro')}</p>
      <p className="text-sm text-stone-500">
        {t('amount')} <span className="text-2xl font-bold text-seal-600">{formatFen(payment.amount, locale)}</span>
      </p>
      {result || closed || payment.status !== 'pending' ? (
        <p role="status" className="rounded-lg bg-stone-50 px-3 py-2 text-stone-800">
          {t(
            result === 'applied' || (!result && payment.status === 'succeeded')
              ? 'succeeded'
              : (result ?? (closed ? 'closed' : 'already_settled')),
          )}
        </p>
      ) : (
        <form action={submitSandboxCharge} className="flex gap-3">
          <input type="hidden" name="reference" value={reference} />
          <Button type="submit" name="outcome" value="succeeded" className="flex-1">
            {t('pay')}
          </Button>
          <Button type="submit" name="outcome" value="failed" variant="secondary" className="flex-1">
            {t('cancel')}
          </Button>
        </form>
      )}
      <Link href={back ?? '/'} className="block text-sm text-brand-700 underline" data-testid="checkout-back">
        {back ? tLot('checkoutBack') : t('back')}
      </Link>
    </section>
  );
}
