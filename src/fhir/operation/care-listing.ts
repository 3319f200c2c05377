import { careListing } from '../../registry/indicators/care-listing.js';
import { IG_BASE, IG_CODE_SYSTEM } from '../../registry/synthetic/canonical.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { hospitalReportRequest } from './indicator-request.js';

const DISEASE_GROUP_SYSTEM = `${IG_BASE}/CodeSystem/jp-cvd-disease-group`;

/** The display of each code of an IG CodeSystem (its concepts, nested ones included). */
function displays(context: FhirContext, system: string): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (concepts: fhir4.CodeSystemConcept[] = []) => {
    for (const concept of concepts) {
      if (concept.display) names.set(concept.code, concept.display);
      walk(concept.concept);
    }
  };
  walk(context.conformance.codeSystem(system)?.concept);
  return names;
}

const coding = (system: string, code: string, names: Map<string, string>): fhir4.Coding => ({ system, code, ...(names.has(code) ? { display: names.get(code) } : {}) });

/**
 * GET [base]/Organization/$care-listing?hospital=&periodStart=&periodEnd=: what one hospital treated, as
 * Parameters: `disease` (cases, deaths per principal disease) and `procedure` (procedures and cases per
 * jp-cvd-procedure code) parameters.
 */
export async function careListingOperation(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const { bounds, hospitalCode, header } = hospitalReportRequest(request);
  const listing = await careListing(context.store.sql, { ...bounds, hospitalCode });
  const diseaseNames = displays(context, DISEASE_GROUP_SYSTEM);
  const procedureNames = displays(context, IG_CODE_SYSTEM.procedure);
  const body: fhir4.Parameters = {
    resourceType: 'Parameters',
    parameter: [
      ...header,
      ...listing.diseases.map((row) => ({
        name: 'disease',
        part: [
          { name: 'code', valueCoding: coding(DISEASE_GROUP_SYSTEM, row.disease, diseaseNames) },
          { name: 'cases', valueInteger: row.cases },
          { name: 'deaths', valueInteger: row.deaths },
        ],
      })),
      ...listing.procedures.map((row) => ({
        name: 'procedure',
        part: [
          { name: 'code', valueCoding: coding(IG_CODE_SYSTEM.procedure, row.kind, procedureNames) },
          { name: 'procedures', valueInteger: row.procedures },
          { name: 'cases', valueInteger: row.cases },
        ],
      })),
    ],
  };
  return { status: 200, headers: {}, body };
}
