// Which error codes a public route can answer, by status: its own plus those its access, input and limits imply.
import { apiErrorStatus, type ApiErrorCode } from '@commercex/contracts';
import type { ApiRoute } from '../api/route-definition.js';

export function errorCodesOf(route: ApiRoute): Map<number, ApiErrorCode[]> {
  const codes = new Set<ApiErrorCode>(route.errors ?? []);
  if (route.params || route.query || route.headers || route.body) codes.add('VALIDATION_FAILED');
  if (route.body) ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE'].forEach((c) => codes.add(c as ApiErrorCode));
  if (route.access !== 'public') codes.add('UNAUTHENTICATED');
  if (route.access === 'admin') codes.add('FORBIDDEN');
  codes.add('RATE_LIMITED');
  codes.add('UNAVAILABLE');
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) byStatus.set(apiErrorStatus[code], [...(byStatus.get(apiErrorStatus[code]) ?? []), code]);
  return new Map([...byStatus.entries()].sort(([a], [b]) => a - b));
}

/** /api/v1/products/{id} → /api/v1/products/:id */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
