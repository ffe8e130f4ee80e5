// Renders components/local/*.yaml with the stack's addresses (Dapr does not expand variables in components).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './settings.js';

export const localComponentsDir = path.join(repoRoot, 'components/local');

function expand(text: string, vars: Record<string, string>, file: string): string {
  return text.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${file} uses \${${name}}, which the stack does not define`);
    return value;
  });
}

/** Writes the rendered resources to <stateDir>/resources and returns it and the rendered configuration file. */
export function renderResources(vars: Record<string, string>, stateDir: string): { resourcesDir: string; configFile: string } {
  const resourcesDir = path.join(stateDir, 'resources');
  fs.rmSync(resourcesDir, { recursive: true, force: true });
  fs.mkdirSync(resourcesDir, { recursive: true });
  let configFile = '';
  for (const name of fs.readdirSync(localComponentsDir).filter((f) => f.endsWith('.yaml'))) {
    const text = expand(fs.readFileSync(path.join(localComponentsDir, name), 'utf8'), vars, name);
    if (name === 'configuration.yaml') {
      configFile = path.join(stateDir, name);
      fs.writeFileSync(configFile, text);
    } else {
      fs.writeFileSync(path.join(resourcesDir, name), text);
    }
  }
  if (!configFile) throw new Error(`${localComponentsDir} has no configuration.yaml`);
  return { resourcesDir, configFile };
}
