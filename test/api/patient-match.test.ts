import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { patientMatch } from '../../src/fhir/operation/patient-match.js';
import { patientUnlink } from '../../src/fhir/operation/patient-unlink.js';
import { requestContext } from '../../src/fhir/tenancy.js';
import { linkAllPatients, linkPatient } from '../../src/registry/linkage/linker.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();
const MATCH_GRADE = 'http://hl7.org/fhir/StructureDefinition/match-grade';
const example: fhir4.Bundle = JSON.parse(readFileSync(join(loadConfig().igResourcesDir, 'Bundle-jp-cvd-example-bundle-cerebral-infarction.json'), 'utf8'));
const EXAMPLE_HOSPITAL = example.identifier!.value!.split('^')[0];

const patientOf = (bundle: fhir4.Bundle) => bundle.entry!.find((entry) => entry.resource?.resourceType === 'Patient')!.resource as fhir4.Patient;
const nameOf = (patient: fhir4.Patient, representation: 'IDE' | 'SYL') => patient.name!.find((name) => name.extension?.some((extension) => extension.valueCode === representation))!;

/** The IG's discharge summary as another hospital would send it: its institution code throughout, its own patient record. */
function atHospital(code: string, localId: string, change: (patient: fhir4.Patient) => void = () => {}): fhir4.Bundle {
  const bundle: fhir4.Bundle = JSON.parse(JSON.stringify(example).replaceAll(EXAMPLE_HOSPITAL, code));
  const patient = patientOf(bundle);
  patient.identifier![0].value = localId;
  change(patient);
  return bundle;
}

// One person at three hospitals, and another person born the same day.
const first = atHospital(EXAMPLE_HOSPITAL, '00482913');
// Legacy system: half-width kana, long-vowel mark, full-width digits; no insurance card on file (insurer number only).
const second = atHospital('2710000002', '7001', (patient) => {
  Object.assign(nameOf(patient, 'SYL'), { text: 'ｻﾄｳ ｲﾁﾛｰ', family: 'ｻﾄｳ', given: ['ｲﾁﾛｰ'] });
  patient.identifier![1].value = `${patient.identifier![1].value!.split(':')[0]}:::`;
  patient.address![0].postalCode = '１５６－００５２';
});
// Moved to Hokkaido, kana mistyped: the insurance number decides.
const third = atHospital('0110000003', '3001', (patient) => {
  Object.assign(nameOf(patient, 'SYL'), { text: 'サトウ イシロウ', given: ['イシロウ'] });
  patient.address = [{ text: '北海道札幌市中央区北1条西2丁目', postalCode: '060-0001', country: 'JP' }];
});
const stranger = atHospital('1410000004', '4001', (patient) => {
  Object.assign(nameOf(patient, 'IDE'), { text: '鈴木 花子', family: '鈴木', given: ['花子'] });
  Object.assign(nameOf(patient, 'SYL'), { text: 'スズキ ハナコ', family: 'スズキ', given: ['ハナコ'] });
  patient.gender = 'female';
  patient.identifier![1].value = '39141234::20000001:';
  patient.address![0].postalCode = '220-0012';
});

const patientIds: string[] = [];

async function ingest(bundle: fhir4.Bundle): Promise<string> {
  await api.http.post('/fhir/Bundle').send(bundle).expect(201);
  const local = patientOf(bundle).identifier![0];
  const found = await api.http.get('/fhir/Patient').query({ identifier: `${local.system}|${local.value}` }).expect(200);
  expect(found.body.entry).toHaveLength(1);
  return found.body.entry[0].resource.id;
}

const readPatient = async (id: string): Promise<fhir4.Patient> => (await api.http.get(`/fhir/Patient/${id}`).expect(200)).body;
const linkedIds = (patient: fhir4.Patient) => (patient.link ?? []).filter((link) => link.type === 'seealso').map((link) => link.other.reference).sort();
const matchParameters = (patient: fhir4.Patient, extra: fhir4.ParametersParameter[] = []): fhir4.Parameters => ({
  resourceType: 'Parameters',
  parameter: [{ name: 'resource', resource: patient }, ...extra],
});
const gradeOf = (entry: fhir4.BundleEntry) => entry.search?.extension?.find((extension) => extension.url === MATCH_GRADE)?.valueCode;

describe('patient linkage across hospitals', () => {
  it('links the same person on ingest of documents from two hospitals, keeping both hospital records', async () => {
    patientIds.push(await ingest(first));
    patientIds.push(await ingest(second));
    const [a, b] = patientIds;
    expect(a).not.toBe(b);
    const [patientA, patientB] = [await readPatient(a), await readPatient(b)];
    expect(linkedIds(patientA)).toEqual([`Patient/${b}`]);
    expect(linkedIds(patientB)).toEqual([`Patient/${a}`]);
    // Each record keeps its own hospital's identifier and everything it was sent with.
    expect(patientA.identifier).toEqual(patientOf(first).identifier);
    expect(patientB.identifier).toEqual(patientOf(second).identifier);
    expect(patientB.name).toEqual(patientOf(second).name);
    // Version 1 is the record as the hospital sent it; the link is a later version.
    const history = await api.http.get(`/fhir/Patient/${b}/_history`).expect(200);
    expect(history.body.entry.at(-1).resource.link).toBeUndefined();
    const { rows } = await api.runtime.db.query<{ decision: string; method: string }>('SELECT decision, method FROM patient_link');
    expect(rows).toEqual([{ decision: 'link', method: 'score' }]);
  });

  it('does not link a different person', async () => {
    const id = await ingest(stranger);
    expect(linkedIds(await readPatient(id))).toEqual([]);
  });

  it('$match returns scored, graded candidates best first', async () => {
    const response = await api.http.post('/fhir/Patient/$match').send(matchParameters(patientOf(second))).expect(200);
    expect(response.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const ids = response.body.entry.map((entry: fhir4.BundleEntry) => entry.resource!.id);
    expect(ids.slice(0, 2).sort()).toEqual([...patientIds].sort());
    for (const entry of response.body.entry as fhir4.BundleEntry[]) {
      expect(entry.search!.mode).toBe('match');
      expect(entry.search!.score).toBeGreaterThan(0);
      expect(entry.search!.score).toBeLessThanOrEqual(1);
      expect(entry.fullUrl).toBe(`http://fhir.test/fhir/Patient/${entry.resource!.id}`);
    }
    expect(response.body.entry.slice(0, 2).map(gradeOf)).toEqual(['certain', 'certain']);
    const scores = response.body.entry.map((entry: fhir4.BundleEntry) => entry.search!.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('$match grades a near miss probable, and onlyCertainMatches and count narrow the answer', async () => {
    // The person with a mistyped given name who moved to Okinawa, no insurance number given.
    const query = structuredClone(patientOf(first));
    query.identifier = [];
    nameOf(query, 'SYL').given = ['イシロウ'];
    query.address = [{ postalCode: '900-0001' }];
    const all = await api.http.post('/fhir/Patient/$match').send(matchParameters(query)).expect(200);
    expect(all.body.entry.length).toBeGreaterThanOrEqual(2);
    expect(gradeOf(all.body.entry[0])).toBe('probable');
    const certain = await api.http.post('/fhir/Patient/$match').send(matchParameters(query, [{ name: 'onlyCertainMatches', valueBoolean: true }])).expect(200);
    expect(certain.body.total).toBe(0);
    const one = await api.http.post('/fhir/Patient/$match').send(matchParameters(patientOf(second), [{ name: 'count', valueInteger: 1 }])).expect(200);
    expect(one.body.entry).toHaveLength(1);
  });

  it('$match refuses malformed input with 400 OperationOutcomes', async () => {
    const missing = await api.http.post('/fhir/Patient/$match').send({ resourceType: 'Parameters', parameter: [] }).expect(400);
    expect(missing.body.resourceType).toBe('OperationOutcome');
    expect(missing.body.issue[0].diagnostics).toMatch(/exactly one "resource"/);
    await api.http.post('/fhir/Patient/$match').send({ resourceType: 'Parameters', parameter: [{ name: 'resource', resource: { resourceType: 'Observation' } }] }).expect(400);
    await api.http.post('/fhir/Patient/$match').send(matchParameters(patientOf(first), [{ name: 'count', valueInteger: 0 }])).expect(400);
    await api.http.post('/fhir/Patient/$match').send(matchParameters(patientOf(first), [{ name: 'onlyCertainMatches', valueString: 'yes' }])).expect(400);
    await api.http.post('/fhir/Patient/$match').send(patientOf(first)).expect(400);
    for (const malformed of [{ name: 'Sato' }, { name: [{ given: 'Ichiro' }] }, { birthDate: 19480315 }, { birthDate: '15 March 1948' }, { identifier: [{ value: 1 }] }, { name: [{ extension: {} }] }]) {
      const response = await api.http.post('/fhir/Patient/$match').send(matchParameters({ resourceType: 'Patient', ...malformed } as unknown as fhir4.Patient)).expect(400);
      expect(response.body.resourceType).toBe('OperationOutcome');
    }
  });

  it('a hospital sees candidates among its own patients only; a researcher is refused', async () => {
    const context = api.runtime.context;
    const hospital = { clientId: 'hospital-a', role: 'hospital' as const, hospitalCode: EXAMPLE_HOSPITAL, scopes: [] };
    const request = { method: 'POST' as const, baseUrl: 'http://fhir.test/fhir', type: 'Patient', query: [], headers: {}, body: matchParameters(patientOf(second)) };
    const own = await patientMatch(requestContext(context, hospital), { ...request, principal: hospital });
    expect((own.body as fhir4.Bundle).entry!.map((entry) => entry.resource!.id)).toEqual([patientIds[0]]);
    const researcher = { clientId: 'research', role: 'researcher' as const, scopes: [] };
    await expect(patientMatch(requestContext(context, researcher), { ...request, principal: researcher })).rejects.toMatchObject({ status: 403 });
  });

  it('an operator unlink sticks: neither ingest nor link-patients links the pair again; no record is deleted', async () => {
    const [a, b] = patientIds;
    const response = await api.http
      .post(`/fhir/Patient/${a}/$unlink`)
      .send({ resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: `Patient/${b}` } }] })
      .expect(200);
    expect(response.body.issue[0].diagnostics).toMatch(/unlinked/);
    expect(linkedIds(await readPatient(a))).toEqual([]);
    expect(linkedIds(await readPatient(b))).toEqual([]);

    // A third hospital's record of the same person (same insurance number as the first) links to the first only: its
    // kana typo and move leave it probable against the second, which has no insurance number to decide.
    const c = await ingest(third);
    expect(linkedIds(await readPatient(c))).toEqual([`Patient/${a}`]);
    expect(linkedIds(await readPatient(a))).toEqual([`Patient/${c}`]);
    // What ingest runs for each Patient: the unlinked pair stays apart.
    expect(await linkPatient(api.runtime.context, a, 'test')).toEqual([c]);
    expect(await linkPatient(api.runtime.context, b, 'test')).toEqual([]);
    expect(linkedIds(await readPatient(b))).toEqual([]);
    // And the bulk run over every stored Patient.
    expect(await linkAllPatients(api.runtime.context, 'test')).toMatchObject({ linkedPairs: 1 });
    expect(linkedIds(await readPatient(b))).toEqual([]);
    expect(linkedIds(await readPatient(a))).toEqual([`Patient/${c}`]);
    patientIds.push(c);
    const { rows } = await api.runtime.db.query<{ decision: string }>("SELECT decision FROM patient_link WHERE decision = 'do-not-link'");
    expect(rows).toHaveLength(1);
    for (const id of [a, b, c]) await readPatient(id);
  });

  it('an operator $link confirms a probable pair and replaces an earlier unlink', async () => {
    const [a, b, c] = patientIds;
    const link = (id: string, other: string) =>
      api.http.post(`/fhir/Patient/${id}/$link`).send({ resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: `Patient/${other}` } }] });
    expect((await link(b, c).expect(200)).body.issue[0].diagnostics).toMatch(/linked as the same person/);
    expect(linkedIds(await readPatient(b))).toEqual([`Patient/${c}`]);
    await link(a, b).expect(200);
    expect(linkedIds(await readPatient(a))).toEqual([`Patient/${b}`, `Patient/${c}`].sort());
    const { rows } = await api.runtime.db.query<{ decision: string; method: string }>("SELECT decision, method FROM patient_link WHERE method = 'operator' ORDER BY decision");
    expect(rows).toEqual([{ decision: 'link', method: 'operator' }, { decision: 'link', method: 'operator' }]);
    await link(a, 'missing').expect(404);
  });

  it('links two documents about one new person that arrive at the same time', async () => {
    const twin = (code: string, localId: string) =>
      atHospital(code, localId, (patient) => {
        Object.assign(nameOf(patient, 'IDE'), { text: '山﨑 和子', family: '山﨑', given: ['和子'] });
        Object.assign(nameOf(patient, 'SYL'), { text: 'ヤマザキ カズコ', family: 'ヤマザキ', given: ['カズコ'] });
        Object.assign(patient, { gender: 'female', birthDate: '1952-11-02' });
        patient.identifier![1].value = `${patient.identifier![1].value!.split(':')[0]}:::`;
      });
    const [x, y] = [twin('3310000005', '5001'), twin('4010000006', '6001')];
    nameOf(patientOf(y), 'IDE').family = '山崎'; // the other hospital writes the common form
    const [responseX, responseY] = await Promise.all([api.http.post('/fhir/Bundle').send(x), api.http.post('/fhir/Bundle').send(y)]);
    expect([responseX.status, responseY.status]).toEqual([201, 201]);
    const ids = await Promise.all([x, y].map(async (bundle) => {
      const local = patientOf(bundle).identifier![0];
      return (await api.http.get('/fhir/Patient').query({ identifier: `${local.system}|${local.value}` }).expect(200)).body.entry[0].resource.id as string;
    }));
    expect(linkedIds(await readPatient(ids[0]))).toEqual([`Patient/${ids[1]}`]);
  });

  it('$unlink is registry staff only', async () => {
    const [a, b] = patientIds;
    const hospital = { clientId: 'hospital-a', role: 'hospital' as const, hospitalCode: EXAMPLE_HOSPITAL, scopes: [] };
    const request = { method: 'POST' as const, baseUrl: 'http://fhir.test/fhir', type: 'Patient', id: a, query: [], headers: {}, principal: hospital };
    const body = { resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: `Patient/${b}` } }] };
    await expect(patientUnlink(requestContext(api.runtime.context, hospital), { ...request, body })).rejects.toMatchObject({ status: 403 });
  });

  it('$unlink refuses a bad request and an unknown patient', async () => {
    const [a] = patientIds;
    await api.http.post(`/fhir/Patient/${a}/$unlink`).send({ resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: 'Observation/1' } }] }).expect(400);
    await api.http.post(`/fhir/Patient/${a}/$unlink`).send({ resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: `Patient/${a}` } }] }).expect(400);
    const unknown = await api.http.post(`/fhir/Patient/${a}/$unlink`).send({ resourceType: 'Parameters', parameter: [{ name: 'other', valueReference: { reference: 'Patient/does-not-exist' } }] }).expect(404);
    expect(unknown.body.resourceType).toBe('OperationOutcome');
  });
});
