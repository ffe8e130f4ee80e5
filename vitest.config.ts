import { defineConfig } from 'vitest/config';

// unit: no servers needed. integration: needs the stack that `npm test` starts first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/*/test/**/*.test.ts', 'services/*/test/unit/**/*.test.ts', 'cdk8s/test/**/*.test.ts', 'dev/**/test/**/*.test.ts'],
          exclude: ['**/integration/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['libs/*/test/integration/**/*.test.ts', 'services/*/test/integration/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
