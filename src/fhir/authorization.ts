import { allows, type Permission } from '../security/scopes.js';
import type { Principal } from '../security/token-service.js';
import type { FhirRequest } from './context.js';
import type { FhirRoute } from './routes.js';
import { FhirError } from './outcome.js';

/** The SMART permission each interaction needs (v2 letters: create, read, update, delete, search). */
const INTERACTION_PERMISSION: Record<string, Permission> = {
  read: 'r',
  vread: 'r',
  'history-instance': 'r',
  'history-type': 'r',
  'history-system': 'r',
  'search-type': 's',
  'search-system': 's',
  create: 'c',
  update: 'u',
  delete: 'd',
};

/**
 * Checks the caller's scopes for what a route does: an interaction on the request's type ('*' for system-level
 * work), or an operation's declared permission on every type ('*'). Requests without a principal pass: the HTTP
 * layer admits them only when authentication is off.
 */
export function authorize(
  request: FhirRequest,
  route: Pick<FhirRoute, 'interaction' | 'operation' | 'resourceType'>,
  resourceType = request.type ?? route.resourceType ?? '*',
): void {
  const principal = request.principal;
  if (!principal) return;
  const [what, permission, type] = route.operation
    ? [`$${route.operation.name}`, route.operation.permission, '*']
    : [route.interaction, route.interaction ? INTERACTION_PERMISSION[route.interaction] : undefined, resourceType];
  if (!permission) return;
  if (!route.operation) checkRole(principal, what!, type);
  if (!allows(principal.scopes, type, permission)) {
    throw new FhirError(403, 'forbidden', `Client ${principal.clientId} has no scope for ${what} on ${type} (needs system/${type}.${permission})`);
  }
}

/**
 * What a role may do with the REST interactions on stored data, whatever its scopes (docs/SECURITY.md, Roles and
 * tenancy): researchers work only through de-identified export and aggregates, administrators manage clients and
 * review the audit trail, and the audit trail (every hospital's accesses) is not a hospital's to read.
 */
function checkRole(principal: Principal, interaction: string, type: string): void {
  const auditReview = type === 'AuditEvent';
  const allowed =
    principal.role === 'registry-staff' ||
    (principal.role === 'hospital' && !auditReview) ||
    (principal.role === 'administrator' && auditReview);
  if (!allowed) {
    const what = principal.role === 'researcher' ? 'identifiable data (use de-identified $export or the aggregate operations)' : auditReview ? 'the audit trail' : 'clinical data';
    throw new FhirError(403, 'forbidden', `Client ${principal.clientId} (role ${principal.role}) may not ${interaction} on ${type}: no access to ${what}`);
  }
}
