import type { FhirContext, FhirRequest, FhirResponse } from './context.js';
import { capabilities } from './interaction/capabilities.js';
import { create } from './interaction/create.js';
import { remove } from './interaction/delete.js';
import { historyInstance } from './interaction/history-instance.js';
import { historySystem } from './interaction/history-system.js';
import { historyType } from './interaction/history-type.js';
import { read } from './interaction/read.js';
import { searchCompartment } from './interaction/search-compartment.js';
import { searchSystem } from './interaction/search-system.js';
import { searchType } from './interaction/search-type.js';
import { processBundle } from './interaction/transaction.js';
import { createBundle } from './interaction/document.js';
import { update } from './interaction/update.js';
import { vread } from './interaction/vread.js';
import { exportGroup, exportPatients, exportSystem } from './operation/export/kickoff.js';
import { validate } from './operation/validate.js';
import { registryCompleteness } from './operation/registry-completeness.js';
import { patientEverything } from './operation/everything.js';
import { acuteCareSummaryOperation } from './operation/acute-care-summary.js';
import { patientMatch } from './operation/patient-match.js';
import { patientUnlink } from './operation/patient-unlink.js';
import { patientLink } from './operation/patient-link.js';
import { epidemiology, EPIDEMIOLOGY_CSV } from './operation/epidemiology.js';
import { auditEventRead } from './interaction/audit-event-read.js';
import { auditEventSearch } from './interaction/audit-event-search.js';
import { careListingOperation } from './operation/care-listing.js';
import { evaluateAllMeasures, evaluateMeasure } from './operation/evaluate-measure.js';
import { indicatorChecklist } from './operation/indicator-checklist.js';

import type { Permission } from '../security/scopes.js';

export type Handler = (context: FhirContext, request: FhirRequest) => Promise<FhirResponse>;

export interface FhirRoute {
  method: FhirRequest['method'];
  /** Path below the FHIR base, with :type, :id and :vid placeholders. */
  path: string;
  /** The R4 interaction code (CapabilityStatement.rest.resource.interaction / rest.interaction). */
  interaction?: string;
  /** Further interaction codes the same route serves (POST / answers transaction and batch, by Bundle.type). */
  alsoInteractions?: string[];
  /**
   * For an operation route: its name (without $), the OperationDefinition it implements and the SMART permission it
   * needs on every type it touches (none: any authenticated client); documentation states what the server supports
   * beyond the definition (CapabilityStatement.rest.operation.documentation).
   */
  operation?: { name: string; definition: string; permission?: Permission; documentation?: string };
  level: 'system' | 'type' | 'instance';
  /** Set on routes that serve one resource type only (its path names it); generic routes then skip that type. */
  resourceType?: string;
  /** Media types the route can answer in besides FHIR JSON (content negotiation puts the choice in FhirRequest.format). */
  formats?: string[];
  handler: Handler;
}

const EXPORT = { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export', permission: 'r' as const };
const PATIENT_EXPORT = { ...EXPORT, definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' };
const GROUP_EXPORT = { ...EXPORT, definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export' };
const EPIDEMIOLOGY = { name: 'epidemiology', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/epidemiology' };
const PATIENT_MATCH = { name: 'match', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-match', permission: 's' as const };
const PATIENT_UNLINK = { name: 'unlink', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/patient-unlink', permission: 'u' as const };
const PATIENT_LINK = { name: 'link', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/patient-link', permission: 'u' as const };
const VALIDATE = {
  name: 'validate',
  definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate',
  documentation: 'Supported: resource, profile, mode (create, update) and mustSupport (boolean, in Parameters or ?mustSupport=true): Must Support elements the instance leaves out are reported as information issues.',
};
const EVERYTHING = { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything', permission: 'r' as const };
const ACUTE_CARE_SUMMARY = {
  name: 'acute-care-summary',
  definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/acute-care-summary',
  permission: 'r' as const,
};
// Indicator operations need no SMART scope of their own: who may see which hospital is decided by the client's role.
const EVALUATE_MEASURE = { name: 'evaluate-measure', definition: 'http://hl7.org/fhir/OperationDefinition/Measure-evaluate-measure' };
const INDICATOR_CHECKLIST = { name: 'indicator-checklist', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/indicator-checklist' };
const CARE_LISTING = { name: 'care-listing', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/care-listing' };

/**
 * The REST interactions this server implements. The HTTP layer registers exactly these, and the
 * CapabilityStatement is generated from them, so the two cannot drift apart.
 */
export const FHIR_ROUTES: FhirRoute[] = [
  { method: 'POST', path: '/', interaction: 'transaction', alsoInteractions: ['batch'], level: 'system', handler: processBundle },
  // Document Bundles are ingested (stored whole and as their entries); other Bundles are plain creates.
  { method: 'POST', path: '/Bundle', interaction: 'create', level: 'type', handler: createBundle },
  { method: 'GET', path: '/metadata', interaction: 'capabilities', level: 'system', handler: capabilities },
  { method: 'GET', path: '/_history', interaction: 'history-system', level: 'system', handler: historySystem },
  // The audit trail is read-only and lives outside resource storage; these static paths win over /:type.
  { method: 'GET', path: '/AuditEvent', interaction: 'search-type', level: 'type', resourceType: 'AuditEvent', handler: auditEventSearch },
  { method: 'GET', path: '/AuditEvent/:id', interaction: 'read', level: 'instance', resourceType: 'AuditEvent', handler: auditEventRead },
  { method: 'GET', path: '/:type', interaction: 'search-type', level: 'type', handler: searchType },
  { method: 'POST', path: '/:type/_search', interaction: 'search-type', level: 'type', handler: searchType },
  { method: 'POST', path: '/:type', interaction: 'create', level: 'type', handler: create },
  { method: 'GET', path: '/:type/_history', interaction: 'history-type', level: 'type', handler: historyType },
  { method: 'GET', path: '/:type/:id', interaction: 'read', level: 'instance', handler: read },
  { method: 'PUT', path: '/:type/:id', interaction: 'update', level: 'instance', handler: update },
  { method: 'DELETE', path: '/:type/:id', interaction: 'delete', level: 'instance', handler: remove },
  { method: 'GET', path: '/:type/:id/_history', interaction: 'history-instance', level: 'instance', handler: historyInstance },
  { method: 'GET', path: '/:type/:id/_history/:vid', interaction: 'vread', level: 'instance', handler: vread },
  { method: 'GET', path: '/', interaction: 'search-system', level: 'system', handler: searchSystem },
  { method: 'POST', path: '/_search', interaction: 'search-system', level: 'system', handler: searchSystem },
  // Compartment search, e.g. Patient/123/Condition (:vid carries the member type).
  { method: 'GET', path: '/:type/:id/:vid', interaction: 'search-type', level: 'instance', handler: searchCompartment },
  // Bulk Data $export kick-off; status and files are served by src/http/bulk-files.ts. Export reads every type, so
  // it needs read permission on all of them (system/*.r).
  { method: 'GET', path: '/$export', operation: EXPORT, level: 'system', handler: exportSystem },
  { method: 'POST', path: '/$export', operation: EXPORT, level: 'system', handler: exportSystem },
  { method: 'GET', path: '/Patient/$export', operation: PATIENT_EXPORT, level: 'type', resourceType: 'Patient', handler: exportPatients },
  { method: 'POST', path: '/Patient/$export', operation: PATIENT_EXPORT, level: 'type', resourceType: 'Patient', handler: exportPatients },
  { method: 'GET', path: '/Group/:id/$export', operation: GROUP_EXPORT, level: 'instance', resourceType: 'Group', handler: exportGroup },
  { method: 'POST', path: '/Group/:id/$export', operation: GROUP_EXPORT, level: 'instance', resourceType: 'Group', handler: exportGroup },
  { method: 'POST', path: '/$validate', operation: VALIDATE, level: 'system', handler: validate },
  { method: 'POST', path: '/:type/$validate', operation: VALIDATE, level: 'type', handler: validate },
  // Completeness of the registry items of accepted discharge summaries (docs/REGISTRY-CASES.md); the operation decides
  // by role which hospitals a caller may see.
  {
    method: 'GET',
    path: '/$registry-completeness',
    operation: { name: 'registry-completeness', definition: 'http://jp-cvd-registry.org/fhir/OperationDefinition/registry-completeness' },
    level: 'system',
    handler: registryCompleteness,
  },
  // Patient linkage (docs/LINKAGE.md): candidates for a Patient, and an operator's unlink or link of two records.
  { method: 'POST', path: '/Patient/$match', operation: PATIENT_MATCH, level: 'type', resourceType: 'Patient', handler: patientMatch },
  { method: 'POST', path: '/Patient/:id/$unlink', operation: PATIENT_UNLINK, level: 'instance', resourceType: 'Patient', handler: patientUnlink },
  { method: 'POST', path: '/Patient/:id/$link', operation: PATIENT_LINK, level: 'instance', resourceType: 'Patient', handler: patientLink },
  // Patient/$everything (R4) and the registry's acute-care summary (docs/ACUTE-CARE-SUMMARY.md); the summary decides
  // consent and the emergency rule itself and audits its ground.
  { method: 'GET', path: '/Patient/:id/$everything', operation: EVERYTHING, level: 'instance', resourceType: 'Patient', handler: patientEverything },
  { method: 'GET', path: '/Patient/:id/$acute-care-summary', operation: ACUTE_CARE_SUMMARY, level: 'instance', resourceType: 'Patient', handler: acuteCareSummaryOperation },
  // Clinical indicators (docs/INDICATORS.md): the IG's Measures evaluated over registry cases; static paths win over /:type/:id.
  { method: 'GET', path: '/Measure/$evaluate-measure', operation: EVALUATE_MEASURE, level: 'type', resourceType: 'Measure', handler: evaluateAllMeasures },
  { method: 'POST', path: '/Measure/$evaluate-measure', operation: EVALUATE_MEASURE, level: 'type', resourceType: 'Measure', handler: evaluateAllMeasures },
  { method: 'GET', path: '/Measure/:id/$evaluate-measure', operation: EVALUATE_MEASURE, level: 'instance', resourceType: 'Measure', handler: evaluateMeasure },
  { method: 'POST', path: '/Measure/:id/$evaluate-measure', operation: EVALUATE_MEASURE, level: 'instance', resourceType: 'Measure', handler: evaluateMeasure },
  { method: 'GET', path: '/Organization/$indicator-checklist', operation: INDICATOR_CHECKLIST, level: 'type', resourceType: 'Organization', handler: indicatorChecklist },
  { method: 'GET', path: '/Organization/$care-listing', operation: CARE_LISTING, level: 'type', resourceType: 'Organization', handler: careListingOperation },
  // Aggregates over registry cases; the operation itself decides by role which cases a caller may count.
  { method: 'GET', path: '/$epidemiology', operation: EPIDEMIOLOGY, level: 'system', formats: [EPIDEMIOLOGY_CSV], handler: epidemiology },
];
