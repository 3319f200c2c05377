import { VersionConflictError } from '../../store/resource-store.js';
import { TenantWriteError } from '../../store/tenancy.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { bodyResource, checkId, checkType, checkWritable } from '../resource-checks.js';
import { FhirError } from '../outcome.js';
import { versionFromEtag, writeResponse } from '../respond.js';
import { validateForWrite } from '../write-validation.js';

/** update: PUT [type]/[id]; creates the resource when absent (client-assigned id); If-Match makes it conditional. */
export async function update(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkWritable(checkType(context, request.type));
  const id = checkId(request.id);
  const resource = bodyResource(request, type, id);
  const issues = validateForWrite(context, resource);
  const ifMatch = request.headers['if-match'];
  try {
    const { version, created } = await context.store.put(resource, id, {
      ifMatch: ifMatch === undefined ? undefined : versionFromEtag(ifMatch),
    });
    return writeResponse(request, created ? 201 : 200, version, `${created ? 'Created' : 'Updated'} ${type}/${id}`, issues);
  } catch (error) {
    throw conflictToPrecondition(error);
  }
}

/** If-Match failures are 412 Precondition Failed; changing another hospital's resource is 403 Forbidden. */
export function conflictToPrecondition(error: unknown): unknown {
  if (error instanceof TenantWriteError) return new FhirError(403, 'forbidden', error.message);
  return error instanceof VersionConflictError ? new FhirError(412, 'conflict', `If-Match failed: ${error.message}`) : error;
}
