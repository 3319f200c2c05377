import type { AuditAction, AuditQuery } from '../../security/audit-trail.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { fullUrl, linkUrl } from '../bundle.js';
import { badRequest } from '../outcome.js';
import { nonNegativeInt, pageSize } from '../paging.js';

const DATE = /^(ge|le|gt|lt)?(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)$/;
const ACTIONS = new Set(['C', 'R', 'U', 'D', 'E']);

/** The AuditEvent search parameters the audit trail answers (R4 names), applied to an AuditQuery. */
const PARAMETERS: Record<string, (query: AuditQuery, value: string) => void> = {
  date(query, value) {
    const match = DATE.exec(value);
    if (!match) throw badRequest(`date "${value}" must be [ge|le|gt|lt]YYYY-MM-DD[Thh:mm[:ss][zone]]`, ['date']);
    const [, prefix, instant] = match;
    if (prefix === 'ge' || prefix === 'gt') query.from = instant;
    else if (prefix === 'le' || prefix === 'lt') query.to = instant;
    else throw badRequest('date needs a ge/gt/le/lt prefix on the audit trail', ['date']);
  },
  agent(query, value) {
    query.clientId = value.replace(/^urn:jp-cvd-registry:client\|/, '');
  },
  entity(query, value) {
    query.entity = value;
  },
  action(query, value) {
    if (!ACTIONS.has(value)) throw badRequest(`action "${value}" is not one of C R U D E`, ['action']);
    query.action = value as AuditAction;
  },
  subtype(query, value) {
    query.subtype = value.replace(/^.*\|/, '');
  },
};
const CONTROL = new Set(['_count', '_cursor']);

/** search-type on AuditEvent: the audit trail, newest first, filtered by date, agent, entity, action, subtype. */
export async function auditEventSearch(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const query: AuditQuery = { count: pageSize(request), before: nonNegativeInt(request, '_cursor') };
  for (const [name, value] of request.query) {
    if (CONTROL.has(name)) continue;
    const apply = PARAMETERS[name];
    if (!apply) throw badRequest(`AuditEvent search supports ${Object.keys(PARAMETERS).join(', ')}, _count; not "${name}"`, [name]);
    apply(query, value);
  }
  const { events, cursor } = await context.audit.search(query);
  const base = `${request.baseUrl}/AuditEvent`;
  const criteria = request.query.filter(([name]) => name !== '_cursor');
  const bundle: fhir4.Bundle<fhir4.Resource> = {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [
      { relation: 'self', url: linkUrl(base, request.query) },
      ...(cursor !== undefined ? [{ relation: 'next', url: linkUrl(base, [...criteria, ['_cursor', String(cursor)]]) }] : []),
    ],
    entry: events.map((event) => ({ fullUrl: fullUrl(request.baseUrl, 'AuditEvent', event.id!), resource: event, search: { mode: 'match' } })),
  };
  return { status: 200, headers: {}, body: bundle };
}

/** For the CapabilityStatement: exactly the parameters above. */
export const AUDIT_EVENT_SEARCH_PARAMETERS: fhir4.CapabilityStatementRestResourceSearchParam[] = [
  { name: 'date', type: 'date', documentation: 'recorded, with a ge/gt/le/lt prefix' },
  { name: 'agent', type: 'reference', documentation: 'client id of the requester' },
  { name: 'entity', type: 'reference', documentation: 'Type/id of a resource read or written' },
  { name: 'action', type: 'token', documentation: 'C, R, U, D or E' },
  { name: 'subtype', type: 'token', documentation: 'the interaction or operation (read, search-type, create, login …)' },
];
