import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkId, checkType, checkWritable } from '../resource-checks.js';
import { issue, operationOutcome } from '../outcome.js';
import { etag, versionFromEtag } from '../respond.js';
import { conflictToPrecondition } from './update.js';

/** delete: DELETE [type]/[id]. Soft: a deletion version is written and later reads answer 410. */
export async function remove(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const type = checkWritable(checkType(context, request.type));
  const id = checkId(request.id);
  const ifMatch = request.headers['if-match'];
  try {
    const deleted = await context.store.delete(type, id, { ifMatch: ifMatch === undefined ? undefined : versionFromEtag(ifMatch) });
    const message = deleted ? `Deleted ${type}/${id}` : `${type}/${id} did not exist; nothing to delete`;
    return {
      status: 200,
      headers: deleted ? { ETag: etag(deleted.versionId) } : {},
      body: operationOutcome([issue('information', 'informational', message)]),
    };
  } catch (error) {
    throw conflictToPrecondition(error);
  }
}
