import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { validationFailed } from '../errors/app-error.js';
import { inputIssues, type InputIssue } from '../errors/zod-issues.js';

type Location = NonNullable<InputIssue['in']>;

/** Parses one part of a request, typed; throws AppError VALIDATION_FAILED listing every issue. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: Location = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(inputIssues(result.error, location));
  return result.data;
}

/** Middleware form: validates and replaces req.body / req.query / req.params with the parsed values. */
export function validate(schemas: Partial<Record<Location, z.ZodType>>): RequestHandler {
  return (req, _res, next) => {
    const issues: InputIssue[] = [];
    const parsed: Partial<Record<Location, unknown>> = {};
    for (const location of ['params', 'query', 'body'] as const) {
      const schema = schemas[location];
      if (!schema) continue;
      const result = schema.safeParse(req[location]);
      if (result.success) parsed[location] = result.data;
      else issues.push(...inputIssues(result.error, location));
    }
    if (issues.length > 0) return next(validationFailed(issues));
    if ('body' in parsed) req.body = parsed.body;
    if ('params' in parsed) req.params = parsed.params as typeof req.params;
    // Express 5 exposes req.query through a getter; an own property shadows it.
    if ('query' in parsed) Object.defineProperty(req, 'query', { value: parsed.query, enumerable: true });
    next();
  };
}
