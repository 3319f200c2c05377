import { registryTerms } from '../../registry/cases/ig-terms.js';
import { completenessSummary, type CompletenessQuery, type ItemCounts } from '../../registry/cases/completeness-summary.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, FhirError } from '../outcome.js';

const PARAMETERS = new Set(['hospital', 'period-start', 'period-end', 'disease']);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const HOSPITAL_CODE = /^\d{10}$/;

/**
 * GET /fhir/$registry-completeness: how complete and plausible the registry items of the accepted discharge
 * summaries are, per item and per disease, for one hospital (or all) and a period of admission dates. Answers a
 * Parameters resource (docs/REGISTRY-CASES.md). Hospital clients see their own hospital only; registry staff any.
 */
export async function registryCompleteness(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const query = parseQuery(request, registryTerms(context.conformance).diseaseGroups);
  const principal = request.principal;
  if (principal) {
    if (principal.role === 'hospital') {
      if (!principal.hospitalCode) throw new FhirError(403, 'forbidden', `Client ${principal.clientId} is a hospital client without a hospital code`);
      if (query.hospital && query.hospital !== principal.hospitalCode) {
        throw new FhirError(403, 'forbidden', `Client ${principal.clientId} may ask only for its own hospital ${principal.hospitalCode}, not ${query.hospital}`);
      }
      query.hospital = principal.hospitalCode;
    } else if (principal.role !== 'registry-staff') {
      throw new FhirError(403, 'forbidden', `Client ${principal.clientId} (role ${principal.role}) may not read registry completeness reports`);
    }
  }
  const summary = await completenessSummary(context.store.sql, query);
  const parameter: fhir4.ParametersParameter[] = [
    ...(query.hospital ? [{ name: 'hospital', valueString: query.hospital }] : []),
    ...(query.periodStart || query.periodEnd ? [{ name: 'period', valuePeriod: { ...(query.periodStart ? { start: query.periodStart } : {}), ...(query.periodEnd ? { end: query.periodEnd } : {}) } }] : []),
    ...(query.disease ? [{ name: 'disease-filter', valueCode: query.disease }] : []),
    { name: 'cases', valueInteger: summary.cases },
    ...itemParameters(summary.items),
    ...[...summary.diseases.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, disease]) => ({
      name: 'disease',
      part: [{ name: 'code', valueCode: code }, { name: 'cases', valueInteger: disease.cases }, ...itemParameters(disease.items)],
    })),
  ];
  const body: fhir4.Parameters = { resourceType: 'Parameters', parameter };
  return { status: 200, headers: {}, body };
}

function itemParameters(items: Map<string, ItemCounts>): fhir4.ParametersParameter[] {
  return [...items.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([item, counts]) => ({
      name: 'item',
      part: [
        { name: 'name', valueString: item },
        { name: 'present', valueInteger: counts.present },
        { name: 'missing', valueInteger: counts.missing },
        { name: 'implausible', valueInteger: counts.implausible },
      ],
    }));
}

function parseQuery(request: FhirRequest, diseaseGroups: readonly string[]): CompletenessQuery {
  const values = new Map<string, string>();
  for (const [name, value] of request.query) {
    if (!PARAMETERS.has(name)) throw badRequest(`Unknown parameter "${name}" for $registry-completeness; known: ${[...PARAMETERS].join(', ')}`);
    if (values.has(name)) throw badRequest(`Parameter "${name}" is repeated; give it once`);
    values.set(name, value);
  }
  const hospital = values.get('hospital');
  if (hospital !== undefined && !HOSPITAL_CODE.test(hospital)) throw badRequest(`hospital must be a 10-digit medical institution code, got "${hospital}"`);
  const periodStart = values.get('period-start');
  const periodEnd = values.get('period-end');
  for (const [name, value] of [['period-start', periodStart], ['period-end', periodEnd]] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) throw badRequest(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (periodStart && periodEnd && periodEnd < periodStart) throw badRequest('period-end is before period-start');
  const disease = values.get('disease');
  if (disease !== undefined && !diseaseGroups.includes(disease)) throw badRequest(`disease must be one of ${diseaseGroups.join(', ')}, got "${disease}"`);
  return { ...(hospital ? { hospital } : {}), ...(periodStart ? { periodStart } : {}), ...(periodEnd ? { periodEnd } : {}), ...(disease ? { disease } : {}) };
}
