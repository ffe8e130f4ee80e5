import type { z } from 'zod';
import { configProblems } from './base-config.js';
import { ConfigError, type ConfigProblem } from './config-error.js';

// Variables read under another name when theirs is unset (Dapr sets APP_PORT, platforms often set PORT).
const aliases: Record<string, string> = { APP_PORT: 'PORT' };

/**
 * Validates the environment against a zod object schema, once, at boot.
 * Fails with every bad or missing variable at once, each with its description; values are never echoed (they may be secrets).
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const source = readEnv(Object.keys(schema.shape), env);
  const result = schema.safeParse(source);
  if (result.success) {
    const rules = configProblems(result.data as Parameters<typeof configProblems>[0]);
    if (rules.length > 0) throw new ConfigError(rules);
    return result.data;
  }

  const problems = new Map<string, ConfigProblem>();
  for (const issue of result.error.issues) {
    const variable = String(issue.path[0] ?? '(environment)');
    const missing = source[variable] === undefined;
    const problem = missing ? 'is missing' : `is invalid: ${issue.message}`;
    const known = problems.get(variable);
    if (known) {
      if (!known.problem.includes(problem)) known.problem += `; ${problem}`;
      continue;
    }
    problems.set(variable, { variable, problem, description: descriptionOf(schema, variable) });
  }
  throw new ConfigError([...problems.values()]);
}

function readEnv(keys: readonly string[], env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const source: Record<string, string | undefined> = {};
  for (const key of keys) {
    const alias = aliases[key];
    // An empty variable counts as unset, so `FOO=` in a file does not defeat a default.
    source[key] = nonEmpty(env[key]) ?? (alias ? nonEmpty(env[alias]) : undefined);
  }
  return source;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function descriptionOf(schema: z.ZodObject, key: string): string | undefined {
  const field = schema.shape[key] as z.ZodType | undefined;
  return field?.description;
}
