import { z } from 'zod';

// Only what routing and deduplication need; everything else Dapr puts in the envelope is kept but not required.
export const cloudEventSchema = z.looseObject({
  id: z.string().min(1),
  source: z.string().optional(),
  type: z.string().optional(),
  topic: z.string().optional(),
  time: z.string().optional(),
  data: z.unknown().optional(),
  data_base64: z.string().optional(),
});

export type CloudEvent = z.output<typeof cloudEventSchema>;

/** The event data: JSON `data`, or `data_base64` holding JSON (some publishers send binary). */
export function cloudEventData(event: CloudEvent): unknown {
  if (event.data !== undefined) return typeof event.data === 'string' ? tryJson(event.data) : event.data;
  if (event.data_base64 !== undefined) return tryJson(Buffer.from(event.data_base64, 'base64').toString('utf8'));
  return undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
