import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** What src/ may never import: tests, benchmarks and the evaluation harness stay outside the product's graph. */
const OUTSIDE_PRODUCT = [
  { group: ['**/test/**', '../test/*', '../../test/*'], message: 'src/ must not import test code (put what both need in src/).' },
  { group: ['**/bench/**'], message: 'src/ must not import benchmarks; the CLI loads them on demand with import().' },
];
/** The sandbox is a guest: main.ts loads it with import() when there is no token; types may be shared. */
const SANDBOX = { group: ['**/sandbox/*', '**/sandbox/**', '!./*'], allowTypeImports: true, message: 'Only main.ts loads the sandbox, with import() when there is no token.' };
/** The Bot API double stands in for Telegram: the sandbox runs it, the product itself never does. */
const DOUBLE = { group: ['**/telegram-double/*', '**/telegram-double/**', '!./*'], allowTypeImports: true, message: 'Only the sandbox (and tests, benches) may use the Telegram double.' };
const EVAL = { group: ['**/eval/*', '!./*'], message: 'Only src/eval/ and the CLI\'s eval command may import the evaluation harness.' };

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'migrations', 'bin', 'coverage', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      // A cycle hides which module is the lower layer; type-only imports count too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...OUTSIDE_PRODUCT, EVAL, SANDBOX, DOUBLE] }],
    },
  },
  {
    // Enrichment is pure: text in, language, summary, regions, topics and fingerprints out; no SQL, no I/O layers.
    files: ['src/enrich/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [...OUTSIDE_PRODUCT, EVAL, SANDBOX, DOUBLE, { group: ['**/db/*', '**/articles/*', '**/digests/*', '**/delivery/*', '**/bot/*', '**/http/*', '**/sources/*', '**/admin/*'], message: 'enrich/ is pure: it may import text/, taxonomy/ and itself only.' }],
      }],
    },
  },
  {
    files: ['src/sandbox/**/*.ts', 'src/telegram-double/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...OUTSIDE_PRODUCT, EVAL] }] },
  },
  {
    files: ['src/eval/**/*.ts', 'src/cli/eval.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...OUTSIDE_PRODUCT, SANDBOX, DOUBLE] }] },
  },
);
