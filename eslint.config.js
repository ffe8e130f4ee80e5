// One lint configuration for every package in the workspace.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // .cluster and .stack hold what runs (image contexts, container filesystems), not sources.
  { ignores: ['**/dist/**', '**/node_modules/**', 'charts/**', 'cdk8s/imports/**', '**/*.d.ts', '.cluster/**', '.stack/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['dev/**', 'bench/**', 'test/**', '**/test/**', 'cdk8s/**'],
    rules: { 'no-console': 'off' },
  },
);
