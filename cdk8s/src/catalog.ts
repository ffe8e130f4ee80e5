// The service catalog is the one source of names, ports, topics and invocations.
export { services, type ServiceName, type ServiceSpec } from '@commercex/contracts';

/** The only service reachable from outside the cluster. */
export const publicEntry = 'gateway';
