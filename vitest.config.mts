import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Outside Next's react-server bundle the marker package throws on import.
      'server-only': path.join(root, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    environment: 'node',
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses;
    // bundled through vite it resolves like it does in Next.
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'machines/**/*.test.ts', 'components/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
