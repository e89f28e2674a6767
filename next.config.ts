import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships a WASM Postgres and its own data files; bundling it breaks the file
  // lookups, and keeping it external makes the server run the same code as vitest.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@neondatabase/serverless', 'ws', 'bcryptjs'],
  poweredByHeader: false,
  // forbidden() answers a signed-in buyer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
