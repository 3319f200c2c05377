import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirRequest } from '../../src/fhir/context.js';
import { documentBundle, ingestDocuments } from '../../src/fhir/interaction/document.js';
import { FhirError } from '../../src/fhir/outcome.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

// Batch ingest must leave exactly the state one-by-one ingest leaves: the same documents, in the same order, into two
// fresh stores, compared with every generated id replaced by the first document entry that became it.

const VERSION_NUMBER = 'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';

function withVersion(bundle: fhir4.Bundle, version: string, change: (copy: fhir4.Bundle) => void = () => {}): fhir4.Bundle {
  const copy = structuredClone(bundle);
  const composition = copy.entry![0].resource as fhir4.Composition;
  composition.extension = [...(composition.extension ?? []).filter((ext) => ext.url !== VERSION_NUMBER), { url: VERSION_NUMBER, valueString: version }];
  change(copy);
  return copy;
}

function withIdentifier(bundle: fhir4.Bundle, suffix: string, change: (copy: fhir4.Bundle) => void = () => {}): fhir4.Bundle {
  const copy = structuredClone(bundle);
  copy.identifier = { ...copy.identifier, value: `${copy.identifier!.value}-${suffix}` };
  change(copy);
  return copy;
}

const firstOf = <T extends fhir4.Resource>(bundle: fhir4.Bundle, type: T['resourceType']) => bundle.entry!.find((entry) => entry.resource!.resourceType === type)!.resource as T;

// Generated discharge summaries of five hospitals (shared Organizations and Practitioners, one person admitted twice at
// one hospital, readmissions at another hospital for linkage), then the cases the batch must handle like single requests.
const generated = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 8, hospitals: 5, insuranceShare: 1, readmissionShare: 0.5, seed: 'document-batch' })].map(
  (admission) => withVersion(admission.bundle, '1'),
);
const [first, second, ...rest] = generated;
const samePatientAgain = withIdentifier(first, 'same-patient');
const corrected = withVersion(first, '2', (copy) => (copy.timestamp = new Date(Date.parse(copy.timestamp!) + 3_600_000).toISOString()));
const lateOlder = withVersion(first, '1', (copy) => (copy.timestamp = new Date(Date.parse(copy.timestamp!) - 3_600_000).toISOString()));
const invalid = withIdentifier(second, 'invalid', (copy) => (firstOf<fhir4.Composition>(copy, 'Composition').status = 'not-a-status' as fhir4.Composition['status']));
// A refusal found inside a transaction of several documents (lateOlder) must not sink the one after it.
const afterLate = withIdentifier(second, 'after-late');
const documents = [first, samePatientAgain, second, ...rest, first, corrected, invalid, lateOlder, afterLate];

const request = (body: fhir4.Bundle): FhirRequest => ({ method: 'POST', baseUrl: 'http://fhir.test/fhir', query: [], headers: {}, body });

/** Everything ingest stores, with generated ids replaced by a name derived from the document entry that became each. */
async function snapshot(runtime: TestRuntime) {
  const sql = runtime.db;
  const { rows: entries } = await sql.query<{ document_identifier: string; entry_key: string; resource_type: string; resource_id: string; owned: boolean }>(
    'SELECT document_identifier, entry_key, resource_type, resource_id, owned FROM document_entry ORDER BY document_identifier, entry_key',
  );
  const { rows: bundles } = await sql.query<{ id: string; identifier: string }>(
    `SELECT id, content->'identifier'->>'system' || '|' || (content->'identifier'->>'value') AS identifier FROM resource WHERE type = 'Bundle'`,
  );
  const names = new Map<string, string>(bundles.map((bundle) => [bundle.id, `Bundle of ${bundle.identifier}`]));
  for (const entry of entries) if (!names.has(entry.resource_id)) names.set(entry.resource_id, `${entry.document_identifier} ${entry.entry_key}`);
  const name = (id: string) => names.get(id) ?? `unnamed ${id}`;
  const rename = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => name(id));
  const { rows: resources } = await sql.query<{ type: string; id: string; version_id: number; deleted: boolean; hospital_code: string | null; content: unknown }>(
    'SELECT type, id, version_id, deleted, hospital_code, content FROM resource',
  );
  const { rows: cases } = await sql.query<Record<string, unknown>>(
    'SELECT encounter_id, document_id, document_identifier, hospital_code, patient_id, diseases, principal_disease, died, facts, completeness FROM registry_case',
  );
  const { rows: links } = await sql.query<{ patient_a: string; patient_b: string; decision: string; method: string }>('SELECT patient_a, patient_b, decision, method FROM patient_link');
  const { rows: indicators } = await sql.query<{ encounter_id: string; measure: string; numerator: boolean }>('SELECT encounter_id, measure, numerator FROM registry_indicator_result');
  const withoutStamps = (content: unknown) => rename(JSON.stringify(content ?? null).replace(/"lastUpdated":"[^"]*"/g, ''));
  const sorted = (values: string[]) => values.sort();
  return {
    entries: sorted(entries.map((entry) => `${entry.document_identifier} ${entry.entry_key} → ${entry.resource_type} ${name(entry.resource_id)} owned=${entry.owned}`)),
    resources: sorted(resources.map((row) => `${row.type} ${name(row.id)} v${row.version_id} deleted=${row.deleted} ${row.hospital_code} ${withoutStamps(row.content)}`)),
    cases: sorted(cases.map((row) => rename(JSON.stringify(row)))),
    links: sorted(links.map((row) => sorted([name(row.patient_a), name(row.patient_b)]).join(' & ') + ` ${row.decision} ${row.method}`)),
    indicators: sorted(indicators.map((row) => `${name(row.encounter_id)} ${row.measure} ${row.numerator}`)),
  };
}

describe('batch document ingest', () => {
  let batch: TestRuntime;
  let single: TestRuntime;
  beforeAll(async () => {
    [batch, single] = await Promise.all([startTestRuntime(), startTestRuntime()]);
  });
  afterAll(async () => Promise.all([batch?.close(), single?.close()]));

  it('stores what one-by-one ingest stores, with the same answer per document', async () => {
    const batchResults = await ingestDocuments(batch.context, documents.map(request));
    const singleStatuses: number[] = [];
    for (const document of documents) {
      try {
        singleStatuses.push((await documentBundle(single.context, request(document))).status);
      } catch (error) {
        if (!(error instanceof FhirError)) throw error;
        singleStatuses.push(error.status);
      }
    }
    const batchStatuses = batchResults.map((result) => ('error' in result ? result.error.status : result.response.status));
    // New documents 201, first again 200, correction 200, invalid 422, late older 409, the one after it 201.
    expect(batchStatuses).toEqual([...generated.map(() => 201), 201, 200, 200, 422, 409, 201]);
    expect(batchStatuses).toEqual(singleStatuses);

    const [batchState, singleState] = await Promise.all([snapshot(batch), snapshot(single)]);
    expect(batchState.cases).toHaveLength(generated.length + 2);
    expect(batchState.links.length).toBeGreaterThan(0);
    expect(batchState).toEqual(singleState);
  });

  it('matches the Patient a batch created for an earlier document instead of creating it twice', async () => {
    const { rows } = await batch.db.query<{ patients: number }>(
      `SELECT count(DISTINCT resource_id)::int AS patients FROM document_entry WHERE resource_type = 'Patient' AND document_identifier = ANY($1::text[])`,
      [[first, samePatientAgain].map((bundle) => `${bundle.identifier!.system}|${bundle.identifier!.value}`)],
    );
    expect(rows[0].patients).toBe(1);
  });
});
