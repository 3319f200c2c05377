import type { Principal } from '../security/token-service.js';
import { ALL_TENANTS, NO_DATA, type ReadScope } from '../store/tenancy.js';
import type { FhirContext } from './context.js';
import { FhirError } from './outcome.js';

/** The Japanese medical institution number (医療機関コード) identifier system: a hospital's tenant code. */
export const INSTITUTION_NUMBER_SYSTEM = 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no';

/** Not Patient compartment members, yet able to carry any patient's data: never shared when untenanted. */
const MAY_HOLD_PATIENT_DATA = new Set(['Bundle', 'Binary']);

const sharedTypesByContext = new WeakMap<FhirContext['conformance'], string[]>();

/**
 * Types whose untenanted (registry-level) resources every hospital may read: those outside the Patient compartment
 * of the loaded CompartmentDefinition (Measure, Library, ValueSet, a registry Organization ...), so shared data
 * never includes a patient's.
 */
function sharedTypes(context: FhirContext): string[] {
  let types = sharedTypesByContext.get(context.conformance);
  if (!types) {
    types = [...context.resourceTypes]
      .filter((type) => !MAY_HOLD_PATIENT_DATA.has(type) && !context.search.compartmentParameters('Patient', type)?.length)
      .sort();
    sharedTypesByContext.set(context.conformance, types);
  }
  return types;
}

/** One hospital's view: its own data and the shared registry-level resources. */
export function hospitalScope(context: FhirContext, hospitalCode: string): ReadScope {
  return { kind: 'hospital', hospitalCode, sharedTypes: sharedTypes(context) };
}

/**
 * What a caller's role lets it see (docs/SECURITY.md, Roles and tenancy): a hospital its own data; registry staff,
 * and every caller when authentication is off, all data; researchers and administrators no identifiable data (they
 * are refused those interactions outright, see authorization.ts; the empty scope is the storage-level backstop).
 */
export function readScopeFor(context: FhirContext, principal: Principal | undefined): ReadScope {
  if (!principal) return ALL_TENANTS;
  switch (principal.role) {
    case 'registry-staff':
      return ALL_TENANTS;
    case 'hospital':
      return principal.hospitalCode ? hospitalScope(context, principal.hospitalCode) : NO_DATA;
    default:
      return NO_DATA;
  }
}

/** The context a request is served with: storage (and so search) limited to what its caller may see. */
export function requestContext(context: FhirContext, principal: Principal | undefined): FhirContext {
  return { ...context, store: context.store.withScope(readScopeFor(context, principal)) };
}

/**
 * Whose data an export job reads: the caller's own scope, except that a researcher's de-identified export covers
 * every hospital (that is what researchers are for) and a researcher may not export identifiable data at all.
 * Callers that see nothing (administrators) are refused.
 */
export function exportScope(context: FhirContext, principal: Principal | undefined, deidentify: boolean): ReadScope {
  if (principal?.role === 'researcher') {
    if (!deidentify) throw new FhirError(403, 'forbidden', `Client ${principal.clientId} (role researcher) may export de-identified data only: add _deidentify=true`, ['_deidentify']);
    return ALL_TENANTS;
  }
  if (context.store.scope.kind === 'none') throw new FhirError(403, 'forbidden', `Client ${principal?.clientId} (role ${principal?.role}) has no access to clinical data`);
  return context.store.scope;
}

/**
 * The hospital a discharge-summary document comes from: the code before the first `^` of Bundle.identifier.value
 * (JP-CLINS: `<10-digit code>^<year>^<number>`), else the institution number of the Organization the Composition
 * names as author or custodian.
 */
export function documentHospital(bundle: fhir4.Bundle): string | undefined {
  const fromIdentifier = /^(\d{10})\^/.exec(bundle.identifier?.value ?? '')?.[1];
  if (fromIdentifier) return fromIdentifier;
  const entries = bundle.entry ?? [];
  const composition = entries[0]?.resource as fhir4.Composition | undefined;
  const organizations = [...(composition?.author ?? []), ...(composition?.custodian ? [composition.custodian] : [])].flatMap((reference) => {
    const entry = entries.find((candidate) => candidate?.fullUrl !== undefined && candidate.fullUrl === reference?.reference);
    return entry?.resource?.resourceType === 'Organization' ? [entry.resource as fhir4.Organization] : [];
  });
  return organizations
    .flatMap((organization) => organization.identifier ?? [])
    .find((identifier) => identifier?.system === INSTITUTION_NUMBER_SYSTEM && /^\d{10}$/.test(identifier.value ?? ''))?.value;
}

/**
 * The scope a document is stored in: its own hospital's, so that its resources are stamped with that hospital and
 * Patient/Practitioner/Organization de-duplication matches only that hospital's. A hospital client may submit only
 * its own documents (403 otherwise); other callers (registry staff, the CLI) store documents under the hospital
 * they name. A document naming no hospital is stored in the caller's scope.
 */
export function documentScope(context: FhirContext, bundle: fhir4.Bundle): ReadScope {
  const code = documentHospital(bundle);
  const scope = context.store.scope;
  if (scope.kind === 'hospital' && code !== undefined && code !== scope.hospitalCode) {
    throw new FhirError(403, 'forbidden', `The document comes from hospital ${code}; this client submits for hospital ${scope.hospitalCode} only`, ['Bundle.identifier']);
  }
  if (scope.kind === 'all' && code !== undefined) return hospitalScope(context, code);
  return scope;
}
