import { describe, expect, it } from 'vitest';
import { clusterId } from '../kafka.js';

describe('clusterId', () => {
  it('when many ids are made, then each is 22 URL-safe base64 characters and none starts with a dash', () => {
    const ids = Array.from({ length: 5_000 }, clusterId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
