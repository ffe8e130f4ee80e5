// Kubernetes quantity strings (as in values.yaml) to the typed amounts cdk8s-plus takes.
import { Size } from 'cdk8s';
import { Cpu, type ContainerResources } from 'cdk8s-plus-34';
import type { ResourceSettings } from '../settings.js';

export const cpuPattern = /^([0-9]+m|[0-9]+(\.[0-9]+)?)$/;
export const memoryPattern = /^[0-9]+(Ki|Mi|Gi|Ti)$/;

export function cpu(quantity: string): Cpu {
  if (!cpuPattern.test(quantity)) throw new Error(`CPU quantity ${quantity} is neither millicores (250m) nor cores (0.5)`);
  return quantity.endsWith('m') ? Cpu.millis(Number(quantity.slice(0, -1))) : Cpu.units(Number(quantity));
}

export function memory(quantity: string): Size {
  if (!memoryPattern.test(quantity)) throw new Error(`memory quantity ${quantity} must use a binary unit (Ki, Mi, Gi, Ti)`);
  const amount = Number(quantity.slice(0, -2));
  const unit = quantity.slice(-2);
  if (unit === 'Ki') return Size.kibibytes(amount);
  if (unit === 'Mi') return Size.mebibytes(amount);
  if (unit === 'Gi') return Size.gibibytes(amount);
  return Size.tebibytes(amount);
}

export function containerResources(r: ResourceSettings): ContainerResources {
  return {
    cpu: { request: cpu(r.requests.cpu), limit: cpu(r.limits.cpu) },
    memory: { request: memory(r.requests.memory), limit: memory(r.limits.memory) },
  };
}
