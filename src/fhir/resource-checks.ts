import type { FhirContext, FhirRequest } from './context.js';
import { badRequest, FhirError } from './outcome.js';
import { isValidId } from './ids.js';
import { AUDIT_RESOURCE_TYPE } from '../security/audit-trail.js';

/** The URL's resource type must be one this server serves. */
export function checkType(context: FhirContext, type: string | undefined): string {
  if (!type || !context.resourceTypes.has(type)) {
    throw new FhirError(404, 'not-supported', `Unknown resource type "${type}"`);
  }
  return type;
}

/** Types the server writes itself; the API may read them but never create, change or delete them. */
export function checkWritable(type: string): string {
  if (type === AUDIT_RESOURCE_TYPE) {
    throw new FhirError(405, 'not-supported', `${type} records are written by the server and cannot be created, changed or deleted`);
  }
  return type;
}

export function checkId(id: string | undefined): string {
  if (!id || !isValidId(id)) throw badRequest(`"${id}" is not a valid FHIR id (1-64 of A-Z a-z 0-9 - .)`);
  return id;
}

/** The request body must be a resource of the URL's type (and, for updates, carry the URL's id). */
export function bodyResource(request: FhirRequest, type: string, id?: string): fhir4.Resource {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be a FHIR resource (a JSON object)');
  }
  const resource = body as fhir4.Resource;
  if (resource.resourceType !== type) {
    throw badRequest(`Body resourceType "${resource.resourceType}" does not match the URL's type "${type}"`, ['resourceType']);
  }
  if (id !== undefined) {
    if (resource.id === undefined) throw badRequest(`Body has no id; an update of ${type}/${id} needs id "${id}"`, [`${type}.id`]);
    if (resource.id !== id) throw badRequest(`Body id "${resource.id}" does not match the URL's id "${id}"`, [`${type}.id`]);
  }
  return resource;
}
