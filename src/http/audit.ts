import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FhirResponse } from '../fhir/context.js';
import type { FhirRoute } from '../fhir/routes.js';
import type { AuditAction, AuditTrail } from '../security/audit-trail.js';
import type { Principal } from '../security/token-service.js';

/** What a FHIR route handler learned about the request, for its audit record. */
export interface AuditContext {
  route: FhirRoute;
  principal?: Principal;
  response?: FhirResponse;
}

declare module 'fastify' {
  interface FastifyRequest {
    auditContext?: AuditContext;
  }
}

/** AuditEvent.action by interaction, as R4 recommends for RESTful events (searches and operations execute). */
const ACTION: Record<string, AuditAction> = {
  read: 'R',
  vread: 'R',
  'history-instance': 'R',
  'history-type': 'R',
  'history-system': 'R',
  capabilities: 'R',
  create: 'C',
  update: 'U',
  delete: 'D',
};

const REFERENCE = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Type/id` of every resource a response carries or names. */
function entitiesOf(response: FhirResponse | undefined): string[] {
  const found = new Set<string>();
  const add = (url: string | undefined) => {
    const match = url && REFERENCE.exec(url);
    if (match) found.add(`${match[1]}/${match[2]}`);
  };
  add(response?.headers.Location);
  const body = response?.body;
  if (body?.resourceType === 'Bundle') {
    for (const entry of (body as fhir4.Bundle<fhir4.Resource>).entry ?? []) {
      if (entry.resource?.resourceType === 'OperationOutcome') continue;
      add(entry.fullUrl ?? entry.response?.location);
    }
  } else if (body?.id && body.resourceType !== 'OperationOutcome') {
    found.add(`${body.resourceType}/${body.id}`);
  }
  return [...found];
}

/** Appends the audit record of one answered FHIR request; a failure to audit is logged, never thrown at the client. */
export async function auditFhirRequest(audit: AuditTrail, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const context = request.auditContext;
  const route = context?.route;
  const params = request.params as { type?: string; id?: string };
  const entities = entitiesOf(context?.response);
  if (entities.length === 0 && params.type && params.id) entities.push(`${params.type}/${params.id}`);
  try {
    await audit.record({
      action: route?.interaction ? (ACTION[route.interaction] ?? 'E') : 'E',
      subtype: route?.interaction ?? route?.operation?.name ?? 'unknown',
      method: request.method,
      path: request.url,
      status: reply.statusCode,
      clientId: context?.principal?.clientId,
      role: context?.principal?.role,
      hospitalCode: context?.principal?.hospitalCode,
      address: request.ip,
      entities,
    });
  } catch (error) {
    request.log.error({ err: error }, 'could not write the audit record');
  }
}
