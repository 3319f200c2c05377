import { setOperatorDecision } from '../../registry/linkage/linker.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, FhirError, issue, notFound, operationOutcome } from '../outcome.js';
import { checkId } from '../resource-checks.js';

/** The Patient id of the "other" parameter: a valueReference `Patient/[id]` (relative or absolute). */
function otherPatientId(body: unknown): string {
  const parameters = body as fhir4.Parameters | undefined;
  if (!parameters || typeof parameters !== 'object' || parameters.resourceType !== 'Parameters') {
    throw badRequest('Patient/[id]/$unlink needs a Parameters body with an "other" parameter (Reference to the other Patient)');
  }
  const others = (Array.isArray(parameters.parameter) ? parameters.parameter : []).filter((parameter) => parameter?.name === 'other');
  const reference = others.length === 1 ? others[0].valueReference?.reference : undefined;
  const id = reference ? /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference)?.[1] : undefined;
  if (!id) throw badRequest('"other" must be exactly one valueReference to a Patient (e.g. "Patient/123")', ['Parameters.parameter']);
  return id;
}

/**
 * The two Patients of an operator's link decision ($link, $unlink): the instance and the "other" parameter, both
 * stored. Registry staff only (and any caller when authentication is off).
 */
export async function operatorPair(context: FhirContext, request: FhirRequest, what: string): Promise<{ id: string; otherId: string; operator: string }> {
  const principal = request.principal;
  if (principal && principal.role !== 'registry-staff') {
    throw new FhirError(403, 'forbidden', `${what} patients is a registry operator's decision; a ${principal.role} client may not make it`);
  }
  const id = checkId(request.id);
  const otherId = otherPatientId(request.body);
  if (otherId === id) throw badRequest(`${what} a Patient with itself is meaningless`, ['Parameters.parameter']);
  for (const patientId of [id, otherId]) {
    const stored = await context.store.read('Patient', patientId);
    if (!stored || stored.deleted) throw notFound(`Patient/${patientId} not found`);
  }
  return { id, otherId, operator: principal?.clientId ?? 'operator' };
}

/**
 * POST [base]/Patient/[id]/$unlink: an operator separates two Patient records that linkage tied together. Both keep
 * every other element; the seealso links between them are removed and a do-not-link decision is recorded, so
 * automatic linkage (document ingest, link-patients) never links the pair again. Registry staff only.
 */
export async function patientUnlink(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const { id, otherId, operator } = await operatorPair(context, request, 'Unlinking');
  await setOperatorDecision(context, id, otherId, 'do-not-link', operator);
  const message = `Patient/${id} and Patient/${otherId} are unlinked; automatic linkage will not link them again`;
  return { status: 200, headers: {}, body: operationOutcome([issue('information', 'informational', message)]) };
}
