/**
 * Hospital tenancy of stored resources. Every resource row (and every version row) carries the 10-digit medical
 * institution code of the hospital whose data it is (`hospital_code`), or NULL for registry-level resources
 * (Measures, registry Groups, resources the registry office writes itself). A ReadScope says which rows a reader
 * sees; the store and the search engine add it to every query they run, so no read path can skip it.
 */
export type ReadScope =
  /** Every hospital's data: registry staff, the CLI and local tools, and a server with authentication off. */
  | { kind: 'all' }
  /**
   * One hospital's data, plus untenanted resources of `sharedTypes` (registry-level resources that hold no patient
   * data, e.g. Measure or a registry Organization). Writes are stamped with `hospitalCode`.
   */
  | { kind: 'hospital'; hospitalCode: string; sharedTypes: readonly string[] }
  /** Nothing: roles with no access to identifiable data (researchers, administrators). */
  | { kind: 'none' };

export const ALL_TENANTS: ReadScope = { kind: 'all' };
export const NO_DATA: ReadScope = { kind: 'none' };

/**
 * A write the scope may not make: a hospital changing a resource of another hospital (or a registry-level one), or
 * a reader without data access writing at all. Reported by the store; the FHIR layer answers 403.
 */
export class TenantWriteError extends Error {
  constructor(
    readonly type: string,
    readonly id: string,
    scope: ReadScope,
  ) {
    super(
      scope.kind === 'hospital'
        ? `${type}/${id} does not belong to hospital ${scope.hospitalCode}; a hospital may change only its own data`
        : `This client may not write ${type} resources`,
    );
  }
}

/**
 * The SQL condition that keeps rows of table alias `alias` (which has `type` and `hospital_code` columns) to what
 * `scope` sees, or undefined when it sees everything. Values go through `bind`.
 */
export function tenantCondition(scope: ReadScope, alias: string, bind: (value: unknown, cast?: string) => string): string | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'none':
      return 'false';
    case 'hospital':
      return `(${alias}.hospital_code = ${bind(scope.hospitalCode)} OR (${alias}.hospital_code IS NULL AND ${alias}.type = ANY(${bind(scope.sharedTypes, 'text[]')})))`;
  }
}

/** The hospital code written on new rows under `scope` (NULL: registry-level). */
export function writtenTenant(scope: ReadScope): string | null {
  return scope.kind === 'hospital' ? scope.hospitalCode : null;
}

/** Whether `scope` may change a stored row whose tenant is `hospitalCode` (registry-level rows: registry scope only). */
export function mayChange(scope: ReadScope, hospitalCode: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return hospitalCode === scope.hospitalCode;
}

/** Whether `scope` sees a row of `type` whose tenant is `hospitalCode`: `tenantCondition` for a row already in memory. */
export function sees(scope: ReadScope, type: string, hospitalCode: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return hospitalCode === scope.hospitalCode || (hospitalCode === null && scope.sharedTypes.includes(type));
}
