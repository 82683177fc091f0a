// Lint for every host. The core/ boundary (no DOM, no Node, no Electron) is enforced twice: by core/tsconfig.json
// (no DOM or Node types exist there) and by the import rule below (no node:, electron or host-specific modules).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';

// The IPC contract (ipc/) is compiled into the main process and the preload; the renderer may only see its types,
// so no main-process code can reach the page's bundle through it.
const IPC_TYPES_ONLY = {
  regex: '(^|/)ipc/ipc-contract$',
  allowTypeImports: true,
  message: 'The renderer uses the IPC contract for its types only: `import type { … }`.',
};

const CORE_ENTRY_POINTS_ONLY = {
  regex: '(^|/)core/(?!(annotations|archive|case|evidence|export|geo|report|scenarios|sources|timeline|token)$)[^/]+',
  message:
    'Import core through its entry points: core, core/<feature> (annotations, archive, case, evidence, export, geo, report, scenarios, sources, timeline, token). Export what you need from that index.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
      ],
    },
  },
  {
    // Evidence is hostile: a pattern that backtracks over a long run turns one planted line into hours of work.
    // test/unit/core/linear-time.test.ts measures the readers; this catches the shapes before they land.
    files: ['core/**/*.ts', 'cli/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/**/*.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  {
    // Hosts reach the engine through its entry points only (core/index.ts and each area's index.ts), so what core
    // offers is decided in one place per area and its internals can move without touching a host.
    // main.tsx opens the store: it is the one .tsx file that holds `db`.
    files: ['cli/**/*.ts', 'electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_ENTRY_POINTS_ONLY] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_ENTRY_POINTS_ONLY, IPC_TYPES_ONLY] }] },
  },
  {
    // Components read the store through their feature's queries (renderer/<feature>/queries.ts), never inline.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CORE_ENTRY_POINTS_ONLY,
            IPC_TYPES_ONLY,
            {
              regex: '(^|/)db/schema$',
              importNames: ['db'],
              message:
                "Components do not query the store inline: put the query in the feature's queries.ts and call it.",
            },
          ],
        },
      ],
    },
  },
  {
    // core/ and the IPC contract (ipc/) are compiled into more than one host: neither may import Node or a host.
    files: ['core/**/*.ts', 'ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Bare names go in `paths` (exact match): as patterns, 'crypto' would also forbid core's own ./crypto/ folder.
          paths: [
            'fs',
            'path',
            'crypto',
            'os',
            'child_process',
            'worker_threads',
            'stream',
            'buffer',
            'electron',
            'react',
            'react-dom',
            'dexie',
          ].map((name) => ({
            name,
            message:
              'core/ runs in every host: no Node modules and no host libraries. Take what you need as an injected interface.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'core/ runs in every host: no Node modules. Take what you need as an injected interface.',
            },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'core/ must not depend on a host.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
