import { defineConfig } from 'vitest/config';
import { TiltLast } from './test/cluster/sequencer.js';

// unit: no servers needed. integration: needs the stack that `npm test` starts first. cluster: the local Kubernetes.
export default defineConfig({
  test: {
    // Here, not in a project: vitest reads the sequencer from the root config only (a project's is ignored).
    sequence: { sequencer: TiltLast },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/*/test/**/*.test.ts', 'services/*/test/unit/**/*.test.ts', 'cdk8s/test/**/*.test.ts', 'dev/**/test/**/*.test.ts'],
          exclude: ['**/integration/**', '**/node_modules/**', 'dev/cluster/test/**'],
        },
      },
      {
        test: {
          name: 'integration',
          setupFiles: ['test/support/stop-publishers.ts'],
          include: ['libs/*/test/integration/**/*.test.ts', 'services/*/test/integration/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/cluster/**', '**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The local Kubernetes cluster (`npm run cluster`): brought up once for the whole suite.
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts', 'dev/cluster/test/**/*.test.ts'],
          globalSetup: ['test/cluster/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
