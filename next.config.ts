import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CONTENT_SECURITY_POLICY, fixedSecurityHeaders } from './lib/server/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // The database drivers load as plain Node modules, exactly as in vitest and the scripts.
  // PGlite must: it reads its WASM Postgres and data files from its own package folder.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@neondatabase/serverless', 'ws'],
  poweredByHeader: false,
  // forbidden() answers a signed-in buyer who opens /admin with a real 403 page.
  experimental: {
    authInterrupts: true,
    // The local store's upload action (actions/uploads.ts) takes one file: a preview video
    // of up to 32 MB (lib/uploads/upload-rules.ts) plus the form's envelope. The proxy reads
    // an action's body before Next does, so its cap must let the same size through.
    serverActions: { bodySizeLimit: '33mb' },
    proxyClientMaxBodySize: '33mb',
  },
  // Pages get their nonce policy from proxy.ts; route handlers, which it skips, get theirs here.
  async headers() {
    return [
      { source: '/:path*', headers: fixedSecurityHeaders({ production: process.env.NODE_ENV === 'production' }) },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
