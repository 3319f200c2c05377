import { randomUUID } from 'node:crypto';
import { countPopulations, populationSubjects } from '../../registry/indicators/case-results.js';
import { indicatorSet } from '../../registry/indicators/definitions.js';
import { measureReport } from '../../registry/indicators/measure-report.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { FhirError, notFound } from '../outcome.js';
import { authorizedHospital, operationParameters, rejectUnknown, reportPeriod } from './indicator-request.js';

/** R4 Measure-evaluate-measure parameters this server supports, plus the registry's `hospital` (10-digit code). */
const PARAMETERS = ['periodStart', 'periodEnd', 'reportType', 'hospital'] as const;
const REPORT_TYPES = ['summary', 'subject-list'];

function reportType(parameters: Map<string, string>, allowed: string[]): string {
  const type = parameters.get('reportType') ?? 'summary';
  if (!allowed.includes(type)) throw new FhirError(400, 'not-supported', `reportType ${type} is not supported here (${allowed.join(', ')})`, ['reportType']);
  return type;
}

/**
 * GET|POST [base]/Measure/[id]/$evaluate-measure: one indicator over a period, for one hospital (`hospital`) or
 * all hospitals; reportType summary (counts and score) or subject-list (also the patients of each population).
 */
export async function evaluateMeasure(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const parameters = operationParameters(request);
  rejectUnknown(parameters, PARAMETERS);
  const indicators = indicatorSet(context.conformance);
  const indicator = indicators.byId.get(request.id ?? '');
  if (!indicator) throw notFound(`Measure/${request.id} is not one of the registry's indicators`);
  const { period, bounds } = reportPeriod(parameters);
  const subjectList = reportType(parameters, REPORT_TYPES) === 'subject-list';
  const hospitalCode = authorizedHospital(request, parameters, { required: false, subjects: subjectList });
  const scope = { ...bounds, hospitalCode };
  const [counts] = await countPopulations(context.store, indicators, scope, false, [indicator.id]);
  const subjects = subjectList ? await populationSubjects(context.store.sql, indicator.id, scope) : undefined;
  return { status: 200, headers: {}, body: measureReport(indicator, counts, period, hospitalCode, subjects) };
}

/**
 * GET|POST [base]/Measure/$evaluate-measure: every indicator over a period (one hospital or all), as a
 * collection Bundle of summary MeasureReports.
 */
export async function evaluateAllMeasures(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const parameters = operationParameters(request);
  rejectUnknown(parameters, PARAMETERS);
  const indicators = indicatorSet(context.conformance);
  const { period, bounds } = reportPeriod(parameters);
  reportType(parameters, ['summary']);
  const hospitalCode = authorizedHospital(request, parameters, { required: false, subjects: false });
  const counts = await countPopulations(context.store, indicators, { ...bounds, hospitalCode }, false);
  const byMeasure = new Map(counts.map((row) => [row.measureId, row]));
  return { status: 200, headers: {}, body: reportBundle(indicators.indicators.map((indicator) => measureReport(indicator, byMeasure.get(indicator.id), period, hospitalCode))) };
}

export function reportBundle(resources: fhir4.FhirResource[]): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource })),
  };
}
