// The directory layout `dapr run` expects after `dapr init --slim`, pointing at our daprd, without running init.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';

const version = TOOL_VERSIONS.daprd;

// The CLI passes <runtime>/.dapr/config.yaml to daprd whenever an app names no configuration of its own.
const defaultConfig = `# Used by \`dapr run\` only when neither the run file nor the app's .dapr/ names a configuration.
apiVersion: dapr.io/v1alpha1
kind: Configuration
metadata:
  name: daprConfig
spec: {}
`;

async function build(out: string): Promise<void> {
  const dapr = path.join(out, '.dapr');
  fs.mkdirSync(path.join(dapr, 'bin'), { recursive: true });
  // Relative, so it resolves the same from the temp dir and the final dir (both sit directly in the cache).
  fs.symlinkSync(path.join('..', '..', '..', `daprd-${version}`, 'daprd'), path.join(dapr, 'bin', 'daprd'));
  // The CLI stats this default resources dir when an app names none, and fails if it is missing.
  fs.mkdirSync(path.join(dapr, 'components'));
  fs.writeFileSync(path.join(dapr, 'config.yaml'), defaultConfig);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const { stdout } = await run(path.join(out, '.dapr', 'bin', 'daprd'), ['--version'], { logFile: ctx.logFile });
  if (stdout.trim() !== version) throw new Error(`.dapr/bin/daprd --version printed "${stdout.trim()}", expected ${version}`);
  return `.dapr/bin/daprd -> daprd-${version}`;
}

export const daprRuntimeStep: CachedStep = {
  kind: 'cached',
  id: 'dapr-runtime',
  tool: 'daprd',
  version,
  estimate: 'instant',
  buildNeeds: [],
  inputs: [],
  recipe: `layout:bin/daprd,components/,config.yaml\n${defaultConfig}`,
  artifact: '.dapr',
  build,
  verify,
};
