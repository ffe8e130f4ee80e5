// What makes an answer a Server-Sent Events stream.

/** True for text/event-stream, with or without parameters (charset). */
export function isEventStream(contentType: string | null | undefined): boolean {
  return /^text\/event-stream\s*(;|$)/i.test(contentType ?? '');
}
