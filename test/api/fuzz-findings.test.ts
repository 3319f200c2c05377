import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { MAX_INDEXED_TEXT_BYTES } from '../../src/search/values.js';
import { useTestApi } from '../support/runtime.js';

// Regressions for what the document fuzzer (test/reliability/fuzz-documents.test.ts) found: each of these was a 500.

const api = useTestApi();

function post(body: string) {
  return api.http.post('/fhir/Patient').set('content-type', 'application/fhir+json').send(body);
}

describe('strings the store cannot hold', () => {
  it.each([
    ['NUL', '"\\u0000"'],
    ['an unpaired high surrogate', '"a\\ud800"'],
    ['an unpaired low surrogate', '"\\udc00b"'],
    ['surrogates in the wrong order', '"\\udfff\\ud800"'],
    ['a bell character', '"\\u0007"'],
  ])('refuses %s with 400 naming the element, and stores nothing', async (_name, family) => {
    const before = await api.storedCount();
    const response = await post(`{"resourceType":"Patient","name":[{"family":${family}}]}`);
    expect(response.status).toBe(400);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0].expression).toEqual(['Patient.name[0].family']);
    expect(await api.storedCount()).toBe(before);
  });

  it('refuses such a character in a property name', async () => {
    const response = await post('{"resourceType":"Patient","bad\\u0000key":1}');
    expect(response.status).toBe(400);
    expect(response.body.issue[0].expression).toEqual(['Patient']);
  });

  it('accepts tab, CR, LF, escaped backslashes and surrogate pairs', async () => {
    const response = await post('{"resourceType":"Patient","name":[{"family":"a\\tb\\r\\nc \\\\u0000 \\ud83d\\ude00"}]}');
    expect(response.status).toBe(201);
    expect(response.body.name[0].family).toBe('a\tb\r\nc \\u0000 😀');
  });
});

describe('strings longer than an index entry', () => {
  it('stores a 400,000-character searchable string whole and finds it by its start', async () => {
    const family = `長い${'😀'.repeat(200_000)}`;
    const created = await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', name: [{ family }], identifier: [{ system: 'urn:x', value: 'v'.repeat(5000) }] });
    expect(created.status).toBe(201);
    expect(Buffer.byteLength(family)).toBeGreaterThan(MAX_INDEXED_TEXT_BYTES);
    const read = await api.http.get(`/fhir/Patient/${created.body.id}`).expect(200);
    expect(read.body.name[0].family).toBe(family);
    const found = await api.http.get(`/fhir/Patient?family=${encodeURIComponent('長い😀😀')}`).expect(200);
    expect(found.body.entry.map((entry: fhir4.BundleEntry) => entry.resource!.id)).toContain(created.body.id);
  });
});

describe('a valid document with thousands of given names', () => {
  // The fuzzer's repeated-name case kept the server busy for minutes: patient linkage searched with one condition per
  // given name and compared the whole joined names by edit distance.
  it('is ingested, and its patient linked, without work growing with the repetition', async () => {
    const [{ bundle }] = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 1, seed: 'many-given-names' })];
    const patient = bundle.entry!.find((entry) => entry.resource?.resourceType === 'Patient')!.resource as fhir4.Patient;
    const kana = patient.name!.find((name) => name.extension?.some((extension) => extension.valueCode === 'SYL'))!;
    kana.given = Array.from({ length: 2000 }, () => kana.given![0]);
    const response = await api.http.post('/fhir/Bundle').send(bundle);
    expect(response.status).toBe(201);
    const stored = await api.http.get(`/fhir/Patient?family=${encodeURIComponent(kana.family!)}`).expect(200);
    expect(stored.body.entry).toHaveLength(1);
  });
});
