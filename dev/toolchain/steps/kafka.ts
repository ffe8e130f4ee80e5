// Kafka's broker classpath from Maven Central, resolved by Maven from our pom (no tarball downloads).
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../exec.js';
import { buildDir, sourcesDir } from '../layout.js';
import type { CachedStep, StepContext } from '../step.js';
import { TOOL_VERSIONS } from '../versions.js';

const version = TOOL_VERSIONS.kafka;
const pom = path.join(sourcesDir, 'kafka', 'pom.xml');

/** Quiet by default: warnings and the line that says the broker is up. */
export const defaultLog4j2 = `Configuration:
  status: warn
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: warn
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: info
`;

async function build(out: string, ctx: StepContext): Promise<void> {
  // Maven writes target/ next to the pom, so it runs on a copy instead of in the checkout.
  const dir = buildDir(ctx.cache, 'kafka');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(pom, path.join(dir, 'pom.xml'));
  await run('mvn', ['-q', '-B', `-Dkafka.version=${version}`, 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(out, 'libs')}`, '-DincludeScope=runtime'], {
    cwd: dir,
    logFile: ctx.logFile,
  });
  fs.writeFileSync(path.join(out, 'log4j2.yaml'), defaultLog4j2);
}

async function verify(out: string, ctx: StepContext): Promise<string> {
  const jar = `kafka_2.13-${version}.jar`;
  if (!fs.existsSync(path.join(out, 'libs', jar))) throw new Error(`Maven did not fetch ${jar}`);
  const { stdout, stderr } = await run('java', [`-Dlog4j2.configurationFile=${path.join(out, 'log4j2.yaml')}`, '-cp', path.join(out, 'libs', '*'), 'kafka.Kafka', '--version'], { logFile: ctx.logFile });
  if (!stdout.startsWith(version)) throw new Error(`kafka.Kafka --version printed "${stdout.trim()}", expected ${version}`);
  // slf4j falls back to a silent logger when no binding matches its API version; a broker without logs is no use.
  if (stderr.includes('SLF4J')) throw new Error(`Kafka's logging is not bound to log4j2:\n${stderr.trim()}`);
  return `kafka.Kafka --version: ${stdout.trim()}`;
}

export const kafkaStep: CachedStep = {
  kind: 'cached',
  id: 'kafka',
  tool: 'kafka',
  version,
  estimate: '~1 min',
  buildNeeds: ['mvn', 'java'],
  runNeeds: ['java'],
  inputs: [pom],
  recipe: `copy-dependencies runtime\n${defaultLog4j2}`,
  artifact: 'libs',
  build,
  verify,
};
