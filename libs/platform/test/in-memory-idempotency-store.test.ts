import { describe } from 'vitest';
import { InMemoryIdempotencyStore } from '../src/testing/index.js';
import { itBehavesLikeAnIdempotencyStore } from './idempotency-contract.js';

describe('InMemoryIdempotencyStore', () => {
  itBehavesLikeAnIdempotencyStore(() => new InMemoryIdempotencyStore());
});
