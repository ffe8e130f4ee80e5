// A message that reached a dead-letter topic, kept as it came for an administrator to inspect. Dapr forwards the
// original message unchanged, so the reason is not in it: what is known is the original topic (from the dead-letter
// topic's name), the CloudEvent's attributes (source, type, time, trace ids, any extension a publisher added) and the data.
import { createHash } from 'node:crypto';
import { cloudEventData, cloudEventSchema } from '@commercex/platform';

export interface DeadLetter {
  /** `<dead-letter topic>/<CloudEvent id>`: a redelivered message is kept once. */
  id: string;
  topic: string;
  deadLetterTopic: string;
  eventId: string;
  data: unknown;
  attributes: Record<string, unknown>;
  receivedAt: string;
}

const dlqSuffix = '.dlq';

export function originalTopic(deadLetterTopic: string): string {
  return deadLetterTopic.endsWith(dlqSuffix) ? deadLetterTopic.slice(0, -dlqSuffix.length) : deadLetterTopic;
}

/** Whatever arrived: a CloudEvent (the usual case) or, failing that, the raw body under an id derived from its content. */
export function deadLetterFrom(deadLetterTopic: string, body: unknown, receivedAt: Date): DeadLetter {
  const envelope = cloudEventSchema.safeParse(body);
  const base = { topic: originalTopic(deadLetterTopic), deadLetterTopic, receivedAt: receivedAt.toISOString() };
  if (!envelope.success) {
    const raw = Buffer.isBuffer(body) ? body.toString('utf8') : body;
    const eventId = `sha256:${createHash('sha256').update(JSON.stringify(raw) ?? '').digest('hex')}`;
    return { ...base, id: `${deadLetterTopic}/${eventId}`, eventId, data: raw, attributes: {} };
  }
  const { data: _data, data_base64: _base64, id, ...attributes } = envelope.data;
  return { ...base, id: `${deadLetterTopic}/${id}`, eventId: id, data: cloudEventData(envelope.data), attributes };
}
