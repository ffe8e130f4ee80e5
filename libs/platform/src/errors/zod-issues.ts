import type { z } from 'zod';

export interface InputIssue {
  path: string;
  message: string;
  in?: 'body' | 'query' | 'params';
}

/** zod issues as the API's VALIDATION_FAILED details: a flat list of dotted paths and messages. */
export function inputIssues(error: z.ZodError, location?: InputIssue['in']): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    ...(location ? { in: location } : {}),
  }));
}
