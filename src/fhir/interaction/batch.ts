import { atEntry, checkBundle, checkUniqueFullUrls, errorEntry, executeEntry, parseEntry } from '../bundle-processing.js';
import type { FhirContext, FhirRequest, FhirResponse } from '../context.js';
import { FhirError, issue, operationOutcome } from '../outcome.js';

/**
 * batch: every entry is processed on its own, in Bundle order, each in its own database transaction, through the
 * interaction module its method and URL select. A failing entry gets its status and OperationOutcome in the
 * batch-response; the others are unaffected. Entries may not refer to each other (R4 forbids interdependencies in a
 * batch), so a reference to another entry's `urn:uuid:` fullUrl fails that entry.
 */
export async function batch(context: FhirContext, request: FhirRequest): Promise<FhirResponse> {
  const bundle = checkBundle(request.body, ['batch']);
  checkUniqueFullUrls(bundle);
  const results: fhir4.BundleEntry<fhir4.Resource>[] = [];
  for (const [index, raw] of (bundle.entry ?? []).entries()) {
    results.push(await batchEntry(context, request, raw, index));
  }
  const body: fhir4.Bundle<fhir4.Resource> = { resourceType: 'Bundle', type: 'batch-response', entry: results };
  return { status: 200, headers: {}, body };
}

async function batchEntry(context: FhirContext, request: FhirRequest, raw: fhir4.BundleEntry<fhir4.Resource>, index: number): Promise<fhir4.BundleEntry<fhir4.Resource>> {
  try {
    const entry = parseEntry(raw, index, request);
    return await atEntry(entry, () => context.store.transaction((store) => executeEntry({ ...context, store }, entry, request)));
  } catch (error) {
    if (error instanceof FhirError) return errorEntry(error);
    // A server fault in one entry must not hide the outcome of the others; it is reported on the entry alone.
    const outcome = operationOutcome([issue('fatal', 'exception', `Bundle.entry[${index}]: internal server error; the entry was not completed`)]);
    return { response: { status: '500 Internal Server Error', outcome } };
  }
}
