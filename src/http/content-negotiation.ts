import { FhirError } from '../fhir/outcome.js';

const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);
const JSON_MEDIA = /^(application\/(fhir\+)?json|application\/json\+fhir|application\/\*|\*\/\*)$/i;

/**
 * This server speaks FHIR JSON only. `_format` wins over Accept; a request that accepts only XML (or another
 * format) gets 406 with an OperationOutcome, in JSON.
 */
export function negotiateFormat(accept: string | undefined, format: string | null): void {
  if (format !== null) {
    if (!JSON_FORMATS.has(format.toLowerCase().split(';')[0].trim())) {
      throw new FhirError(406, 'not-supported', `_format "${format}" is not supported; this server returns application/fhir+json`);
    }
    return;
  }
  if (!accept) return;
  const ranges = accept.split(',').map((range) => range.split(';')[0].trim()).filter(Boolean);
  if (ranges.length && !ranges.some((range) => JSON_MEDIA.test(range))) {
    throw new FhirError(406, 'not-supported', `Accept "${accept}" cannot be satisfied; this server returns application/fhir+json`);
  }
}
