// Full-jitter backoff between attempts of a change that lost an ETag race, so racing writers spread out instead of colliding again.

export function backoffMs(attempt: number, random: number, baseMs = 4, capMs = 100): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 10));
  return Math.floor(random * ceiling);
}
