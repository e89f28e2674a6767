import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import prettier from 'eslint-config-prettier/flat';

/**
 * The server boundary, as import rules: each layer may import only the layers below it.
 * `app/` (routes) uses `actions/` ('use server' functions) and `components/`; those use the
 * domain in `lib/` and `machines/`, which use `db/`. The patterns match the `@/` alias and a
 * relative climb (`../app/...`) alike.
 */
const layer = (path, message) => ({ regex: `^(@/|(\\.\\./)+)${path}`, message });
const noRoutes = layer('app(/|$)', 'app/ holds routes only; move what is shared to components/, actions/ or lib/.');
const noUi = [
  layer('components(/|$)', 'The domain must not depend on the UI.'),
  layer('actions(/|$)', "Server actions are the UI's entry to the domain; the domain must not call them."),
];
// db/ reads its settings from lib/env; anything else in lib/ is built on top of db/.
const noDomain = layer('lib(/(?!env$)|$)', 'db/ sits below lib/: only @/lib/env may be imported.');
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      // A bare db.delete(table) / db.update(table) wipes every row: demand a where clause.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  { files: ['components/**'], rules: restrict(noRoutes) },
  { files: ['lib/**', 'machines/**'], rules: restrict(noRoutes, ...noUi) },
  { files: ['db/**'], rules: restrict(noRoutes, ...noUi, noDomain) },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['actions/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // One folder for every server endpoint a browser can call, so that a review finds them all.
          selector: "ExpressionStatement[directive='use server']",
          message: "'use server' functions live in actions/ (one file per feature).",
        },
      ],
    },
  },
  // Layout is Prettier's (npm run format); ESLint keeps to rules about meaning.
  prettier,
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'next-env.d.ts',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
];

export default config;
