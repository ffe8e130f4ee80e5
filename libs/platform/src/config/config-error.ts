export interface ConfigProblem {
  variable: string;
  problem: string;
  description?: string;
}

/** Thrown at boot when the environment does not satisfy the service's configuration schema. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  - ${p.variable}: ${p.problem}${p.description ? ` — ${p.description}` : ''}`);
    super(['Invalid configuration (environment variables):', ...lines].join('\n'));
  }
}
