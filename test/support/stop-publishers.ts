// Setup file of the integration project: the sidecars publish() started for a file stop with it, not with the run.
import { afterAll } from 'vitest';
import { stopPublishers } from './test-stack.js';

afterAll(stopPublishers);
