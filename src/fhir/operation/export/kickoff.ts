import type { FhirContext, FhirRequest, FhirResponse } from '../../context.js';
import { badRequest, FhirError, issue, notFound, operationOutcome } from '../../outcome.js';
import { SearchParameterError } from '../../../search/search-engine.js';
import { exportScope } from '../../tenancy.js';
import { DISEASE_GROUP_SYSTEM, patientsMeeting, UnsupportedCharacteristic } from '../../../registry/cases/group-members.js';
import { parseExportRequest, type ExportLevel, type ExportParameters } from './parameters.js';
import { exportService } from './service.js';

/** Path of a job's status URL below the FHIR base. */
export const STATUS_PATH = '/$export-status';

/** The kick-off URL as the client sent it (for the manifest's `request`). */
function requestUrl(request: FhirRequest, path: string): string {
  const query = new URLSearchParams(request.query).toString();
  return `${request.baseUrl}${path}${query ? `?${query}` : ''}`;
}

/**
 * The Patient ids of a Group: its members (inactive ones left out) when it lists any, else the patients its
 * registry-case characteristics describe (docs/EXPORT.md); a characteristic the registry cannot evaluate is 422.
 */
async function groupPatients(context: FhirContext, groupId: string): Promise<string[]> {
  const stored = await context.store.read('Group', groupId);
  if (!stored || stored.deleted || !stored.resource) throw notFound(`Group/${groupId} not found`);
  const group = stored.resource as fhir4.Group;
  if (!group.member?.length && group.characteristic?.length) {
    const diseaseGroups = context.conformance.codeSystem(DISEASE_GROUP_SYSTEM)?.concept?.map((concept) => concept.code) ?? [];
    try {
      return await patientsMeeting(context.store.sql, group.characteristic, context.store.scope, diseaseGroups);
    } catch (error) {
      if (error instanceof UnsupportedCharacteristic) {
        throw new FhirError(422, 'not-supported', `Group/${groupId} cannot be exported: ${error.message}`, [`Group.characteristic[${error.index}]`]);
      }
      throw error;
    }
  }
  return (group.member ?? [])
    .filter((member) => !member.inactive)
    .flatMap((member) => {
      const match = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(member.entity.reference ?? '');
      return match ? [match[1]] : [];
    });
}

/** Each _typeFilter must be a search the engine runs in full: checked at kick-off, not discovered mid-job. */
async function checkTypeFilters(context: FhirContext, parameters: ExportParameters): Promise<void> {
  for (const [type, queries] of Object.entries(parameters.typeFilters)) {
    for (const query of queries) {
      try {
        const result = await context.search.search({ types: [type] }, [...new URLSearchParams(query), ['_total', 'none']], { count: 0, scope: context.store.scope });
        if (result.ignored.length) throw badRequest(`_typeFilter "${type}?${query}": ${result.ignored.map((ignored) => ignored.reason).join('; ')}`, ['_typeFilter']);
      } catch (error) {
        if (error instanceof SearchParameterError) throw badRequest(`_typeFilter "${type}?${query}": ${error.message}`, ['_typeFilter']);
        throw error;
      }
    }
  }
}

async function kickOff(context: FhirContext, request: FhirRequest, level: ExportLevel, path: string, groupId?: string): Promise<FhirResponse> {
  const parameters = parseExportRequest(context, request, level, groupId);
  // The job reads what its caller may see, then and when it runs (or is resumed after a restart).
  parameters.readScope = exportScope(context, request.principal, parameters.deidentify);
  if (request.principal) parameters.owner = request.principal.clientId;
  const scoped: FhirContext = { ...context, store: context.store.withScope(parameters.readScope) };
  if (groupId) {
    const members = await groupPatients(scoped, groupId);
    parameters.patients = parameters.patients ? parameters.patients.filter((id) => members.includes(id)) : members;
  }
  await checkTypeFilters(scoped, parameters);
  const job = await exportService(context).kickOff(requestUrl(request, path), parameters);
  return {
    status: 202,
    headers: { 'Content-Location': `${request.baseUrl}${STATUS_PATH}/${job.id}` },
    body: operationOutcome([issue('information', 'informational', `Export job ${job.id} accepted; poll the Content-Location URL`)]),
  };
}

/** $export at system level: GET|POST [base]/$export. */
export const exportSystem = (context: FhirContext, request: FhirRequest) => kickOff(context, request, 'system', '/$export');

/** Patient-level $export: the Patient compartment of every patient (or of `patient`). */
export const exportPatients = (context: FhirContext, request: FhirRequest) => kickOff(context, request, 'patient', '/Patient/$export');

/** Group-level $export: the Patient compartments of the Group's members. */
export const exportGroup = (context: FhirContext, request: FhirRequest) =>
  kickOff(context, request, 'group', `/Group/${request.id}/$export`, request.id);
