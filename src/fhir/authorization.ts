import { allows, type Permission } from '../security/scopes.js';
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
export function authorize(request: FhirRequest, route: Pick<FhirRoute, 'interaction' | 'operation'>, resourceType = request.type ?? '*'): void {
  const principal = request.principal;
  if (!principal) return;
  const [what, permission, type] = route.operation
    ? [`$${route.operation.name}`, route.operation.permission, '*']
    : [route.interaction, route.interaction ? INTERACTION_PERMISSION[route.interaction] : undefined, resourceType];
  if (!permission) return;
  if (!allows(principal.scopes, type, permission)) {
    throw new FhirError(403, 'forbidden', `Client ${principal.clientId} has no scope for ${what} on ${type} (needs system/${type}.${permission})`);
  }
}
