// A JSON schema of values.yaml derived from the default settings: same keys, same types, nothing else.
type Schema = Record<string, unknown>;

export function valuesSchema(defaults: object): Schema {
  return { $schema: 'https://json-schema.org/draft-07/schema#', ...schemaOf(defaults) };
}

function schemaOf(value: unknown): Schema {
  if (typeof value === 'boolean') return { type: 'boolean' };
  // `--set x=0.5` and `--set tag=123` arrive as numbers; templates render them with toString.
  if (typeof value === 'string') return { type: ['string', 'number'] };
  if (typeof value === 'number') return Number.isInteger(value) ? { type: 'integer', minimum: 0 } : { type: 'number' };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    return {
      type: 'object',
      additionalProperties: false,
      required: entries.map(([k]) => k),
      properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOf(v)])),
    };
  }
  throw new Error(`no values schema for ${JSON.stringify(value)}`);
}
