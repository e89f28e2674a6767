import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // The database drivers load as plain Node modules, exactly as in vitest and the scripts.
  // PGlite must: it reads its WASM Postgres and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@neondatabase/serverless', 'ws'],
  poweredByHeader: false,
  // forbidden() answers a signed-in buyer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
