import { describe, expect, it } from 'vitest';
import type { FhirRequest } from '../../src/fhir/context.js';
import { DocumentQueue } from '../../src/fhir/document-queue.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();
const COMPOSITION_VERSION_NUMBER = 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';
const request = (body: fhir4.Bundle): FhirRequest => ({ method: 'POST', baseUrl: 'http://fhir.test/fhir', query: [], headers: {}, body });

/** The same document as a correction: a higher Composition version number. */
function correctionOf(bundle: fhir4.Bundle): fhir4.Bundle {
  const corrected = structuredClone(bundle);
  const composition = corrected.entry![0].resource as fhir4.Composition;
  composition.extension = [...(composition.extension ?? []).filter((extension) => extension.url !== COMPOSITION_VERSION_NUMBER), { url: COMPOSITION_VERSION_NUMBER, valueString: '2' }];
  return corrected;
}

describe('document queue (load --lanes)', () => {
  it('stores every document once, in order per hospital across batches and lanes', async () => {
    const documents = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 24, hospitals: 5, seed: 'document-queue' })].map(({ bundle }) => bundle);
    // Each correction comes after its original, a few documents later: in a later batch of the same lane.
    const stream = documents.flatMap((document, index) => (index % 6 === 5 ? [document, correctionOf(documents[index - 3])] : [document]));
    const results: { label: number; status: number }[] = [];
    const queue = new DocumentQueue<number>(api.runtime.context, {
      batchSize: 3,
      lanes: 2,
      onResult: (label, result) => results.push({ label, status: 'error' in result ? result.error.status : result.response.status }),
    });
    for (const [label, document] of stream.entries()) await queue.add(request(document), label);
    await queue.flush();

    expect(results.map((result) => result.label).sort((a, b) => a - b)).toEqual(stream.map((_document, label) => label));
    const statusOf = new Map(results.map((result) => [result.label, result.status]));
    stream.forEach((document, label) => expect(statusOf.get(label), `document ${label}`).toBe(documents.includes(document) ? 201 : 200));
    const { rows } = await api.runtime.db.query<{ n: number }>("SELECT count(*)::int AS n FROM resource WHERE type = 'Bundle' AND version_id = 2");
    expect(rows[0].n).toBe(stream.length - documents.length);
  });
});
