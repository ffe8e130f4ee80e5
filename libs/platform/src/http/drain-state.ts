// Apps that are shutting down: /ready answers 503 and responses close their connection.
const draining = new WeakSet<object>();

export function markDraining(app: object): void {
  draining.add(app);
}

export function isDraining(app: object): boolean {
  return draining.has(app);
}
