import { FhirError } from '../fhir/outcome.js';

export const FHIR_JSON_MEDIA_TYPE = 'application/fhir+json';

const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);
const JSON_MEDIA = /^(application\/(fhir\+)?json|application\/json\+fhir|application\/\*|\*\/\*)$/i;

/**
 * The media type to answer with. This server speaks FHIR JSON; a route may also serve `alternatives` (e.g. text/csv
 * for $epidemiology), asked for by `_format` (the media type or its subtype, e.g. `csv`) or Accept. `_format` wins
 * over Accept; Accept ranges are taken in order (q-values are not weighed). A request that accepts nothing the route
 * serves gets 406 with an OperationOutcome, in JSON.
 */
export function negotiateFormat(accept: string | undefined, format: string | null, alternatives: readonly string[] = []): string {
  const served = [FHIR_JSON_MEDIA_TYPE, ...alternatives].join(', ');
  if (format !== null) {
    const wanted = format.toLowerCase().split(';')[0].trim();
    if (JSON_FORMATS.has(wanted)) return FHIR_JSON_MEDIA_TYPE;
    const alternative = alternatives.find((media) => media === wanted || media.split('/')[1] === wanted);
    if (alternative) return alternative;
    throw new FhirError(406, 'not-supported', `_format "${format}" is not supported; this endpoint returns ${served}`);
  }
  if (!accept) return FHIR_JSON_MEDIA_TYPE;
  const ranges = accept.split(',').map((range) => range.split(';')[0].trim().toLowerCase()).filter(Boolean);
  for (const range of ranges) {
    if (JSON_MEDIA.test(range)) return FHIR_JSON_MEDIA_TYPE;
    if (alternatives.includes(range)) return range;
  }
  if (ranges.length) throw new FhirError(406, 'not-supported', `Accept "${accept}" cannot be satisfied; this endpoint returns ${served}`);
  return FHIR_JSON_MEDIA_TYPE;
}
