// One public route: what it accepts (the zod schemas that validate it and document it), who may call it, and where it goes.
import type { ApiErrorCode } from '@commercex/contracts';
import type { z } from 'zod';

export type Access = 'public' | 'user' | 'admin';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Upstream {
  /** Dapr app id of the service that answers. */
  appId: string;
  /** Its method path, from the validated path parameters. */
  path: (params: Record<string, string>) => string;
  /** Request headers passed on as they came (the caller's identity is always passed on). */
  headers?: readonly string[];
  /** A time limit of the gateway's own, for services whose sidecar policy sets none. */
  timeoutMs?: number;
}

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI style: /api/v1/products/{id}. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** 'auth': also the stricter per-IP limit for credentials (each guess costs a password hash). */
  limit?: 'auth';
  /** The codes this route itself may answer besides the ones every route shares. */
  errors?: readonly ApiErrorCode[];
  /** The answer is a Server-Sent Events stream relayed as it flows; each event's data by event name. */
  eventStream?: Readonly<Record<string, z.ZodType>>;
  upstream: Upstream;
}

const enc = encodeURIComponent;

/** A method path with each `{name}` replaced by its encoded parameter. */
export function upstreamPath(template: string): (params: Record<string, string>) => string {
  return (params) => template.replace(/\{(\w+)\}/g, (_m, name: string) => enc(params[name] ?? ''));
}
