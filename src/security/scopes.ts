/**
 * SMART on FHIR v2 scopes for backend services: `system/<Type|*>.<cruds>` (v1 `.read`/`.write`/`.*` accepted and
 * mapped to their v2 letters). A request is allowed when one granted scope covers its type and permission.
 */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface Scope {
  resourceType: string; // a type or '*'
  permissions: Set<Permission>;
}

const V1_PERMISSIONS: Record<string, Permission[]> = { read: ['r', 's'], write: ['c', 'u', 'd'], '*': ['c', 'r', 'u', 'd', 's'] };
const SCOPE = /^system\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/;

/** Parses one scope; undefined for scopes that are not system resource scopes (e.g. `openid`). */
export function parseScope(text: string): Scope | undefined {
  const match = SCOPE.exec(text);
  if (!match) return undefined;
  const [, resourceType, access] = match;
  if (V1_PERMISSIONS[access]) return { resourceType, permissions: new Set(V1_PERMISSIONS[access]) };
  if (!/^c?r?u?d?s?$/.test(access) || access === '') return undefined;
  return { resourceType, permissions: new Set(access.split('') as Permission[]) };
}

export function parseScopes(text: string): Scope[] {
  return text.split(/\s+/).filter(Boolean).flatMap((one) => parseScope(one) ?? []);
}

export function allows(scopes: Scope[], resourceType: string, permission: Permission): boolean {
  return scopes.some((scope) => (scope.resourceType === '*' || scope.resourceType === resourceType) && scope.permissions.has(permission));
}

/**
 * The scopes a client may receive: each requested scope narrowed to what one of its registered scopes covers
 * (requesting `system/Patient.rs` with `system/*.rs` registered yields `system/Patient.rs`).
 */
export function grantScopes(requested: string, registered: string[]): string[] {
  const registeredScopes = registered.flatMap((one) => parseScope(one) ?? []);
  const granted: string[] = [];
  for (const text of requested.split(/\s+/).filter(Boolean)) {
    const scope = parseScope(text);
    if (!scope) continue;
    const permitted = [...scope.permissions].filter((permission) =>
      registeredScopes.some((own) => (own.resourceType === '*' || own.resourceType === scope.resourceType) && own.permissions.has(permission)),
    );
    if (permitted.length) granted.push(`system/${scope.resourceType}.${(['c', 'r', 'u', 'd', 's'] as Permission[]).filter((p) => permitted.includes(p)).join('')}`);
  }
  return granted;
}
