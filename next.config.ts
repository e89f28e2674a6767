import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { locales } from './lib/i18n/config';
import { API_CONTENT_SECURITY_POLICY, fixedSecurityHeaders } from './lib/server/security-headers';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled at build time, so pages ship a tiny formatter instead of an ICU
  // parser (about 9 kB gzip off every page that translates in the browser).
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales, precompile: true } },
});

const nextConfig: NextConfig = {
  // The database drivers load as plain Node modules, exactly as in vitest and the scripts.
  // PGlite must: it reads its WASM Postgres and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@neondatabase/serverless', 'ws'],
  poweredByHeader: false,
  // Server actions and the proxy keep Next's default body limits: Next reads an action's body
  // before the action authorises, so uploads go to a route handler (app/api/admin/uploads)
  // that checks the admin first and caps the body while reading it.
  // forbidden() answers a signed-in buyer who opens /admin with a real 403 page.
  experimental: { authInterrupts: true },
  // Pages get their nonce policy from proxy.ts; route handlers, which it skips, get theirs here.
  async headers() {
    return [
      { source: '/:path*', headers: fixedSecurityHeaders({ production: process.env.NODE_ENV === 'production' }) },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
