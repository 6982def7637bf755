// Lint for the API, the libraries, the tests and the scripts. Besides the usual rules it enforces
// the layer arrows of docs/architecture.md with no-restricted-imports, so they cannot rot.
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});
const FRAMEWORKS = [['@nestjs/*', '@angular/*', 'typeorm', 'class-validator', 'class-transformer', 'exceljs', 'pg', 'express'], 'libs/domain and libs/contracts are framework-free'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'test-results/**', 'coverage/**', 'apps/web/.angular/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['apps/web/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['libs/contracts/src/**/*.ts'], rules: restrict(FRAMEWORKS, [['@sinergi/*'], 'contracts depend on nothing']) },
  { files: ['libs/domain/src/**/*.ts'], rules: restrict(FRAMEWORKS, [['@sinergi/persistence', '@sinergi/xlsx'], 'the domain depends only on contracts']) },
  {
    files: ['libs/persistence/src/**/*.ts'],
    rules: restrict([['@nestjs/*', '@angular/*', 'exceljs', 'class-validator'], 'persistence is TypeORM and SQL only'], [['@sinergi/xlsx'], 'persistence does not read files']),
  },
  { files: ['libs/xlsx/src/**/*.ts'], rules: restrict([['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'class-validator'], 'xlsx adapts files to domain inputs only'], [['@sinergi/persistence'], 'xlsx does not touch the database']) },
  {
    // The web app: the layer rule only (Angular has its own compiler checks). The bundle must never
    // pull in server code: TypeORM, class-validator, NestJS, or the server-side libraries.
    files: ['apps/web/src/**/*.ts'],
    rules: {
      ...restrict(
        [['typeorm', 'class-validator', 'class-transformer', '@nestjs/*', 'exceljs', 'pg', 'express'], 'the web app talks to the API over HTTP only'],
        [['@sinergi/domain', '@sinergi/persistence', '@sinergi/xlsx'], 'the web app shares only @sinergi/contracts with the API'],
      ),
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    plugins: { jest },
    languageOptions: { globals: jest.environments.globals.globals },
    rules: {
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-identical-title': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
    },
  },
);
