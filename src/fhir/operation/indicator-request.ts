import type { IndicatorScope } from '../../registry/indicators/case-results.js';
import type { ReportPeriod } from '../../registry/indicators/measure-report.js';
import type { FhirRequest } from '../context.js';
import { SYSTEM } from '../../registry/synthetic/canonical.js';
import { badRequest, FhirError } from '../outcome.js';

/**
 * Parameters shared by the registry's indicator operations ($evaluate-measure, $indicator-checklist,
 * $care-listing): from the query string, or from a Parameters body on POST (value[x] of any primitive type).
 */
export function operationParameters(request: FhirRequest): Map<string, string> {
  const values = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (values.has(name)) throw badRequest(`Parameter ${name} is given more than once`, [name]);
    values.set(name, value);
  };
  for (const [name, value] of request.query) add(name, value);
  const body = request.body as fhir4.Parameters | undefined;
  if (body !== undefined) {
    if (body?.resourceType !== 'Parameters') throw badRequest('The operation takes a Parameters body (or query parameters)');
    for (const parameter of body.parameter ?? []) {
      const key = Object.keys(parameter).find((candidate) => candidate.startsWith('value'));
      const value = key ? (parameter as unknown as Record<string, unknown>)[key] : undefined;
      if (typeof value !== 'string') throw badRequest(`Parameter ${parameter.name} needs a primitive value`, ['Parameters.parameter']);
      add(parameter.name, value);
    }
  }
  return values;
}

/** Refuses parameters the operation does not know, so that a misspelt filter cannot silently widen a report. */
export function rejectUnknown(parameters: Map<string, string>, known: readonly string[]): void {
  for (const name of parameters.keys()) {
    if (!known.includes(name)) throw new FhirError(400, 'not-supported', `Parameter ${name} is not supported (supported: ${known.join(', ')})`, [name]);
  }
}

const DATE = /^(\d{4})(-(\d{2})(-(\d{2}))?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Dates without a time are Japanese calendar days (JST), the registry's working time zone. */
const JST = '+09:00';

const jstMidnight = (year: number, month: number, day: number) =>
  new Date(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00${JST}`);

/** The instant a FHIR date or dateTime starts at, or (end) the instant just after it ends. */
function instant(value: string, name: string, end: boolean): Date {
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), date[3] ? Number(date[3]) : undefined, date[5] ? Number(date[5]) : undefined];
    const start = jstMidnight(year, month ?? 1, day ?? 1);
    // The calendar day the instant falls on in Japan must be the one asked for (JavaScript rolls 2024-02-30 over).
    const inJapan = new Date(start.getTime() + 9 * 3600_000);
    if (Number.isNaN(start.getTime()) || inJapan.getUTCMonth() + 1 !== (month ?? 1) || inJapan.getUTCDate() !== (day ?? 1)) {
      throw badRequest(`${name} "${value}" is not a valid date`, [name]);
    }
    if (!end) return start;
    // Japan keeps no daylight saving time: a day is 24 hours.
    if (day !== undefined) return new Date(start.getTime() + 24 * 3600_000);
    if (month !== undefined) return month === 12 ? jstMidnight(year + 1, 1, 1) : jstMidnight(year, month + 1, 1);
    return jstMidnight(year + 1, 1, 1);
  }
  const parsed = DATE_TIME.test(value) ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) throw badRequest(`${name} "${value}" is not a FHIR date or dateTime`, [name]);
  return end ? new Date(parsed.getTime() + 1) : parsed;
}

/** periodStart and periodEnd (both required, as in R4 $evaluate-measure): the report period and its [start, end) instants. */
export function reportPeriod(parameters: Map<string, string>): { period: ReportPeriod; bounds: Pick<IndicatorScope, 'start' | 'end'> } {
  const start = parameters.get('periodStart');
  const end = parameters.get('periodEnd');
  if (!start || !end) throw badRequest('periodStart and periodEnd are required', [start ? 'periodEnd' : 'periodStart']);
  const bounds = { start: instant(start, 'periodStart', false), end: instant(end, 'periodEnd', true) };
  if (bounds.end <= bounds.start) throw badRequest('periodEnd is before periodStart', ['periodEnd']);
  return { period: { start, end }, bounds: { start: bounds.start.toISOString(), end: bounds.end.toISOString() } };
}

const HOSPITAL_CODE = /^\d{10}$/;

/**
 * The hospital a report may be made for. Hospital clients see their own hospital (and national figures);
 * registry staff and administrators any hospital; researchers national summaries only. Patient lists
 * (`subjects`) are never national for a hospital client, and never for a researcher.
 */
export function authorizedHospital(request: FhirRequest, parameters: Map<string, string>, options: { required: boolean; subjects: boolean }): string | undefined {
  const hospital = parameters.get('hospital');
  if (hospital !== undefined && !HOSPITAL_CODE.test(hospital)) throw badRequest(`hospital must be a 10-digit medical institution code, not "${hospital}"`, ['hospital']);
  if (options.required && hospital === undefined) throw badRequest('hospital (10-digit medical institution code) is required', ['hospital']);
  const principal = request.principal;
  if (!principal || principal.role === 'registry-staff' || principal.role === 'administrator') return hospital;
  if (principal.role === 'hospital') {
    if (hospital !== undefined && hospital !== principal.hospitalCode) {
      throw new FhirError(403, 'forbidden', `Client ${principal.clientId} may only report on its own hospital ${principal.hospitalCode ?? '(none)'}`, ['hospital']);
    }
    if (hospital === undefined && options.subjects) throw new FhirError(403, 'forbidden', 'Patient lists are only available for your own hospital: give hospital', ['hospital']);
    return hospital;
  }
  if (hospital !== undefined || options.subjects) {
    throw new FhirError(403, 'forbidden', `Client ${principal.clientId} (role ${principal.role}) may only see national summaries`, ['hospital']);
  }
  return undefined;
}

/**
 * The request of a per-hospital report ($indicator-checklist, $care-listing: hospital, periodStart, periodEnd), and
 * the `hospital` and `period` parameters that open its answer.
 */
export function hospitalReportRequest(request: FhirRequest) {
  const parameters = operationParameters(request);
  rejectUnknown(parameters, HOSPITAL_REPORT_PARAMETERS);
  const { period, bounds } = reportPeriod(parameters);
  const hospitalCode = authorizedHospital(request, parameters, { required: true, subjects: false }) as string;
  const header: fhir4.ParametersParameter[] = [
    { name: 'hospital', valueIdentifier: { system: SYSTEM.medicalInstitutionNo, value: hospitalCode } },
    { name: 'period', valuePeriod: { start: period.start, end: period.end } },
  ];
  return { bounds, hospitalCode, header };
}

const HOSPITAL_REPORT_PARAMETERS = ['hospital', 'periodStart', 'periodEnd'] as const;
