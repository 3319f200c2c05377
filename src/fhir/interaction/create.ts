import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { bodyResource, checkType, checkWritable } from '../resource-checks.js';
import { newId } from '../ids.js';
import { FhirError } from '../outcome.js';
import { versionHeaders, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';
import { searchMatches } from './search-type.js';

/** create: POST [type], server-assigned id; conditional with If-None-Exist. */
export async function create(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkWritable(checkType(context, request.type));
  const resource = bodyResource(request, type);
  const issues = validateForWrite(context, resource);
  const condition = request.headers['if-none-exist'];
  if (!condition) {
    const created = await context.store.create(resource, newId());
    return writeResponse(request, 201, created, `Created ${type}/${created.id}`, issues);
  }
  return context.store.transaction(async (store) => {
    await store.lockKey(`${type}?${condition}`);
    const criteria = [...new URLSearchParams(condition)];
    const existing = await searchMatches({ ...context, store }, type, criteria, 'If-None-Exist', 2);
    if (existing.length > 1) {
      throw new FhirError(412, 'multiple-matches', `If-None-Exist "${condition}" matches ${existing.length} or more ${type} resources`);
    }
    if (existing.length === 1) {
      const found = await store.read(type, existing[0].id);
      if (found) return { status: 200, headers: versionHeaders(request.baseUrl, found, true), body: found.resource };
    }
    const created = await store.create(resource, newId());
    return writeResponse(request, 201, created, `Created ${type}/${created.id}`, issues);
  });
}
