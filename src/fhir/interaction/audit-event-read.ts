import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { checkId } from '../resource-checks.js';
import { notFound } from '../outcome.js';

/** read of an AuditEvent: served from the append-only audit trail, not from resource storage. */
export async function auditEventRead(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const id = checkId(request.id);
  const event = await context.audit.read(id);
  if (!event) throw notFound(`AuditEvent/${id} not found`);
  return { status: 200, headers: {}, body: event };
}
