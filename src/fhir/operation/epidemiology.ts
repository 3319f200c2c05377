import { epidemiologySettings } from '../../config.js';
import type { AgeBandWidth } from '../../registry/epidemiology/age-bands.js';
import { reportCsv } from '../../registry/epidemiology/csv.js';
import { loadPopulationTable, PopulationFileError, type PopulationTable } from '../../registry/epidemiology/population.js';
import { DIMENSIONS, type CaseCountQuery, type Dimension } from '../../registry/epidemiology/repository.js';
import { epidemiologyReport, type EpidemiologyCell, type EpidemiologyReport } from '../../registry/epidemiology/report.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { badRequest, FhirError, issue, operationOutcome } from '../outcome.js';

export const DISEASE_GROUP_SYSTEM = 'http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-disease-group';
export const EPIDEMIOLOGY_CSV = 'text/csv';

const PARAMETERS = new Set(['disease', 'period-start', 'period-end', 'group-by', 'prefecture-basis', 'age-band-width', 'hospital']);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * GET /fhir/$epidemiology: registry case counts and crude rates cross-classified by disease, prefecture, age band,
 * sex and admission month, with small cells suppressed (docs/EPIDEMIOLOGY.md). Answers a Parameters resource, or
 * CSV when negotiated (`_format=text/csv` or Accept: text/csv).
 */
export async function epidemiology(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const settings = epidemiologySettings();
  const query = parseQuery(context, request, settings.ageBandWidth);
  const { population, populationMissing } = await populationTable(settings.populationFile);
  const report = await epidemiologyReport(context.store.sql, query, { minCellCount: settings.minCellCount, population, populationMissing });
  if (request.format === EPIDEMIOLOGY_CSV) {
    return {
      status: 200,
      text: reportCsv(report),
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        ...(report.warnings.length ? { warning: report.warnings.map((text) => `299 jp-cvd-registry "${text.replace(/"/g, "'")}"`).join(', ') } : {}),
      },
    };
  }
  return { status: 200, body: reportParameters(context, report), headers: {} };
}

function parseQuery(context: FhirContext, request: FhirRequest, defaultWidth: AgeBandWidth): CaseCountQuery {
  const values = new Map<string, string>();
  for (const [name, value] of request.query) {
    if (!PARAMETERS.has(name)) throw badRequest(`Unknown parameter "${name}" for $epidemiology; known: ${[...PARAMETERS].join(', ')}`);
    if (values.has(name)) throw badRequest(`Parameter "${name}" is repeated; give it once (lists are comma-separated)`);
    values.set(name, value);
  }
  const periodStart = values.get('period-start');
  const periodEnd = values.get('period-end');
  for (const [name, value] of [['period-start', periodStart], ['period-end', periodEnd]] as const) {
    if (!value || !DATE.test(value) || Number.isNaN(Date.parse(value))) throw badRequest(`${name} is required as a date YYYY-MM-DD`);
  }
  if (periodEnd! < periodStart!) throw badRequest('period-end is before period-start');

  const knownDiseases = diseaseDisplays(context);
  const diseases = list(values.get('disease'));
  const unknownDisease = diseases.find((code) => !knownDiseases.has(code));
  if (unknownDisease) throw badRequest(`disease "${unknownDisease}" is not a code of ${DISEASE_GROUP_SYSTEM} (${[...knownDiseases.keys()].join(', ')})`);

  const groupBy = list(values.get('group-by') ?? 'disease');
  for (const dimension of groupBy) {
    if (!(DIMENSIONS as readonly string[]).includes(dimension)) throw badRequest(`group-by "${dimension}" is not one of ${DIMENSIONS.join(', ')}`);
  }
  if (new Set(groupBy).size !== groupBy.length) throw badRequest('group-by names a dimension twice');

  const basis = values.get('prefecture-basis') ?? 'residence';
  if (basis !== 'residence' && basis !== 'hospital') throw badRequest('prefecture-basis must be residence or hospital');
  const width = Number(values.get('age-band-width') ?? defaultWidth);
  if (width !== 5 && width !== 10) throw badRequest('age-band-width must be 5 or 10');

  return {
    periodStart: periodStart!,
    periodEnd: periodEnd!,
    diseases,
    // Cells list their values in the fixed dimension order, whatever order the request gave.
    groupBy: DIMENSIONS.filter((dimension) => groupBy.includes(dimension)),
    prefectureBasis: basis,
    ageBandWidth: width,
    ...hospitalScope(request, values.get('hospital')),
  };
}

function list(text: string | undefined): string[] {
  return (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/**
 * Who sees which cases: registry staff all, or one hospital's with `hospital`; researchers all, aggregated over
 * hospitals (no `hospital`); a hospital client its own cases only; administrators (client management) none.
 * Without authentication (loopback only) the caller is trusted like registry staff.
 */
function hospitalScope(request: FhirRequest, hospital: string | undefined): { hospitalCode?: string } {
  if (hospital !== undefined && !/^\d{10}$/.test(hospital)) throw badRequest('hospital must be a 10-digit medical institution code');
  const principal = request.principal;
  if (!principal || principal.role === 'registry-staff') return hospital === undefined ? {} : { hospitalCode: hospital };
  if (principal.role === 'researcher') {
    if (hospital !== undefined) throw new FhirError(403, 'forbidden', 'Researchers receive aggregates over all hospitals; the hospital parameter is for registry staff');
    return {};
  }
  if (principal.role === 'hospital' && principal.hospitalCode) {
    if (hospital !== undefined && hospital !== principal.hospitalCode) {
      throw new FhirError(403, 'forbidden', `A hospital client sees its own cases only (hospital ${principal.hospitalCode})`);
    }
    return { hospitalCode: principal.hospitalCode };
  }
  throw new FhirError(403, 'forbidden', `Role ${principal.role} may not read registry epidemiology`);
}

/** The disease groups of the IG's CodeSystem, code → Japanese display. */
function diseaseDisplays(context: FhirContext): Map<string, string | undefined> {
  const system = context.conformance.codeSystem(DISEASE_GROUP_SYSTEM);
  if (!system) throw new Error(`CodeSystem ${DISEASE_GROUP_SYSTEM} is not loaded (run npm run build:ig)`);
  return new Map((system.concept ?? []).map((concept) => [concept.code, concept.display]));
}

async function populationTable(path: string): Promise<{ population?: PopulationTable; populationMissing?: string }> {
  if (!path) return { populationMissing: 'no population table is configured (EPI_POPULATION_FILE)' };
  try {
    return { population: await loadPopulationTable(path) };
  } catch (error) {
    // A missing or malformed file is the operator's to fix; the counts are still right, so they are answered.
    const reason = error instanceof PopulationFileError ? error.message : `the population file ${path} cannot be read`;
    return { populationMissing: reason };
  }
}

function reportParameters(context: FhirContext, report: EpidemiologyReport): fhir4.Parameters {
  const { query } = report;
  const displays = diseaseDisplays(context);
  const parameter: fhir4.ParametersParameter[] = [
    { name: 'period', valuePeriod: { start: query.periodStart, end: query.periodEnd } },
    ...(query.diseases.length ? [{ name: 'disease', valueString: query.diseases.join(',') }] : []),
    ...(query.groupBy.length ? [{ name: 'group-by', valueString: query.groupBy.join(',') }] : []),
    { name: 'prefecture-basis', valueCode: query.prefectureBasis },
    { name: 'age-band-width', valueInteger: query.ageBandWidth },
    ...(query.hospitalCode ? [{ name: 'hospital', valueString: query.hospitalCode }] : []),
    { name: 'min-cell-count', valueInteger: report.minCellCount },
    ...(report.total !== undefined ? [{ name: 'total', valueInteger: report.total }] : []),
    ...report.cells.map((cell) => ({ name: 'cell', part: cellParts(cell, displays) })),
  ];
  if (report.warnings.length) {
    parameter.push({ name: 'outcome', resource: operationOutcome(report.warnings.map((text) => issue('warning', 'informational', text))) });
  }
  return { resourceType: 'Parameters', parameter };
}

function cellParts(cell: EpidemiologyCell, displays: Map<string, string | undefined>): fhir4.ParametersParameter[] {
  const parts: fhir4.ParametersParameter[] = [];
  for (const dimension of DIMENSIONS) {
    const value = cell.values[dimension as Dimension];
    if (value === undefined) continue;
    if (dimension === 'disease') parts.push({ name: dimension, valueCoding: { system: DISEASE_GROUP_SYSTEM, code: value, display: displays.get(value) } });
    else if (dimension === 'prefecture' || dimension === 'sex') parts.push({ name: dimension, valueCode: value });
    else parts.push({ name: dimension, valueString: value });
  }
  if (cell.count !== undefined) parts.push({ name: 'count', valueInteger: cell.count });
  parts.push({ name: 'suppressed', valueBoolean: cell.suppressed });
  if (cell.personYears !== undefined) parts.push({ name: 'person-years', valueDecimal: cell.personYears });
  if (cell.rate !== undefined) parts.push({ name: 'rate', valueDecimal: cell.rate });
  return parts;
}
