import type { FhirRequest } from './context.js';
import { badRequest } from './outcome.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** `_count` as a page size: default 50, at most 1000. */
export function pageSize(request: FhirRequest): number {
  return nonNegativeInt(request, '_count') ?? DEFAULT_PAGE_SIZE;
}

export function nonNegativeInt(request: FhirRequest, name: string): number | undefined {
  const raw = request.query.find(([key]) => key === name)?.[1];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw badRequest(`${name} must be a non-negative integer, got "${raw}"`, [name]);
  return name === '_count' ? Math.min(value, MAX_PAGE_SIZE) : value;
}
