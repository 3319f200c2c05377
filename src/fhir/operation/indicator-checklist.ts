import { countPopulations, type PopulationCounts } from '../../registry/indicators/case-results.js';
import { indicatorSet } from '../../registry/indicators/definitions.js';
import { proportion } from '../../registry/indicators/measure-report.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { hospitalReportRequest } from './indicator-request.js';


/** denominator / exclusion / numerator / rate parts of one side (hospital or national) of a checklist row. */
function countParts(prefix: 'hospital' | 'national', counts: PopulationCounts | undefined): fhir4.ParametersParameter[] {
  const tally = counts ?? { denominator: 0, exclusion: 0, numerator: 0 };
  const rate = proportion(tally);
  return [
    { name: `${prefix}Denominator`, valueInteger: tally.denominator },
    { name: `${prefix}Exclusion`, valueInteger: tally.exclusion },
    { name: `${prefix}Numerator`, valueInteger: tally.numerator },
    ...(rate !== undefined ? [{ name: `${prefix}Rate`, valueDecimal: rate }] : []),
  ];
}

/**
 * GET [base]/Organization/$indicator-checklist?hospital=&periodStart=&periodEnd=: the hospital's checklist, one
 * `indicator` parameter per IG Measure with the hospital's counts and rate beside the national ones.
 */
export async function indicatorChecklist(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const { bounds, hospitalCode, header } = hospitalReportRequest(request);
  const indicators = indicatorSet(context.conformance);
  const counts = await countPopulations(context.store, indicators, { ...bounds, hospitalCode }, true);
  const find = (measureId: string, national: boolean) =>
    counts.find((row) => row.measureId === measureId && (national ? row.hospitalCode === undefined : row.hospitalCode === hospitalCode));
  const body: fhir4.Parameters = {
    resourceType: 'Parameters',
    parameter: [
      ...header,
      ...indicators.indicators.map((indicator) => ({
        name: 'indicator',
        part: [
          { name: 'measure', valueCanonical: indicator.url },
          { name: 'code', valueCode: indicator.id },
          { name: 'title', valueString: indicator.title },
          ...(indicator.disease ? [{ name: 'disease', valueCode: indicator.disease }] : []),
          ...(indicator.improvementNotation?.coding?.[0]?.code ? [{ name: 'improvementNotation', valueCode: indicator.improvementNotation.coding[0].code }] : []),
          ...countParts('hospital', find(indicator.id, false)),
          ...countParts('national', find(indicator.id, true)),
        ],
      })),
    ],
  };
  return { status: 200, headers: {}, body };
}
