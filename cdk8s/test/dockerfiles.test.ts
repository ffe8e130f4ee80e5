// Each service's Dockerfile: multi-stage on node:24, non-root, running node on the compiled output.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/app.js';
import { services } from '../src/catalog.js';

interface Stage { from: string; name?: string; lines: string[] }

function stages(dockerfile: string): Stage[] {
  const result: Stage[] = [];
  for (const raw of dockerfile.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) result.push({ from: from[1]!, name: from[2], lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(repoRoot, file));

describe.each(services.map((s) => [s.name, s] as const))('services/%s/Dockerfile', (name, spec) => {
  const dockerfile = read(`services/${name}/Dockerfile`);
  const all = stages(dockerfile);
  const runtime = all.at(-1)!;

  it('when built, then it compiles in a node:24 stage and runs in a separate, small node:24 stage', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-alpine$/m);
    expect(all.map((s) => s.name)).toEqual(['build', 'dev', 'production-dependencies', 'runtime']);
    expect(runtime.from).toBe('${NODE_IMAGE}');
    expect(runtime.lines.filter((l) => l.startsWith('COPY')).every((l) => l.startsWith('COPY --from='))).toBe(true);
  });

  it('when run, then it is the unprivileged node user starting node on the compiled entry point', () => {
    expect(runtime.lines).toContain('USER node');
    expect(runtime.lines).toContain(`WORKDIR /app/services/${name}`);
    expect(runtime.lines).toContain('CMD ["node", "--import", "@commercex/platform/telemetry", "dist/main.js"]');
    expect(runtime.lines).toContain(`EXPOSE ${spec.appPort}`);
  });

  it('when built, then the build context is narrowed to the workspace manifests, the libraries and this service', () => {
    const ignore = read(`services/${name}/Dockerfile.dockerignore`).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('**');
    expect(ignore.slice(1)).toEqual(['!package.json', '!package-lock.json', '!tsconfig.base.json', '!cdk8s/package.json', '!libs/*/package.json',
      '!libs/*/tsconfig.json', '!libs/*/src', '!services/*/package.json', `!services/${name}/tsconfig.json`, `!services/${name}/src`]);
  });

  it('when built, then every path the image copies exists or is what its build produces', () => {
    const copied = runtime.lines.filter((l) => l.startsWith('COPY --from=')).map((l) => l.split(/\s+/)[2]!.replace(/^\/app\//, ''));
    const tsconfig = (dir: string) => JSON.parse(read(`${dir}/tsconfig.json`)) as { compilerOptions: { rootDir: string; outDir: string } };
    for (const source of copied) {
      const dist = /^(.*)\/dist$/.exec(source);
      if (dist) {
        // dist/ is tsc's output for the package: its tsconfig must compile src/ into it.
        expect(tsconfig(dist[1]!).compilerOptions, source).toMatchObject({ rootDir: 'src', outDir: 'dist' });
        expect(exists(`${dist[1]}/src`), `${dist[1]}/src`).toBe(true);
      } else if (source !== 'node_modules') {
        expect(exists(source), source).toBe(true);
      }
    }
  });

  it('when built, then the command is its own start script on the compiled src/main.ts', () => {
    const pkg = JSON.parse(read(`services/${name}/package.json`)) as { main?: string; scripts?: Record<string, string> };
    expect(exists(`services/${name}/src/main.ts`)).toBe(true);
    expect(pkg.scripts?.start).toBe('node --import @commercex/platform/telemetry dist/main.js');
    const platform = JSON.parse(read('libs/platform/package.json')) as { exports: Record<string, unknown> };
    expect(Object.keys(platform.exports)).toContain('./telemetry');
  });
});

describe('.dockerignore', () => {
  it('when a builder ignores Dockerfile.dockerignore, then the root one still keeps the context to sources and manifests', () => {
    const lines = read('.dockerignore').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    expect(lines).not.toContain('!services');
    expect(lines.filter((l) => l.includes('dist') || l.includes('node_modules'))).toEqual([]);
  });
});
