import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pseudonymizer } from '../../src/registry/deidentify/pseudonym.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-deid-'));
process.env.EXPORT_PSEUDONYM_KEY = 'test-key-not-secret';
process.env.EXPORT_DATE_SHIFT_DAYS = '30';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;
const ASYNC = { Prefer: 'respond-async', Accept: 'application/fhir+json' };

/** Every identifying value written into the input; none may appear anywhere in the de-identified output. */
const SECRETS = {
  patientId: 'pt-yamada-taro-0001',
  otherPatientId: 'pt-suzuki-hanako-0002',
  hospitalPatientNumber: 'HOSP-00987654',
  myNumber: 'MN-123456789012',
  insurerNumber: '06139999',
  insuredSymbol: 'KIGO-7788',
  insuredNumber: 'BANGO-5566',
  family: '山田',
  given: '太郎',
  familyKana: 'ヤマダ',
  givenKana: 'タロウ',
  line: '霞が関1-2-3 合同庁舎5号館',
  city: '千代田区',
  postalCode: '100-8916',
  phone: '03-5253-1111',
  email: 'taro.yamada@example.jp',
  contactName: '山田花子',
  doctor: '佐藤医師',
  hospitalName: '国立循環器病研究センター病院',
  noteText: '本人の希望により妻に連絡',
  narrative: '山田太郎さんの退院時サマリー',
  encounterNumber: 'ENC-2024-000123',
  birthDate: '1948-07-15',
  admission: '2024-04-01',
};

const resources: fhir4.Resource[] = [
  {
    resourceType: 'Patient',
    id: SECRETS.patientId,
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${SECRETS.narrative}</div>` },
    identifier: [
      { system: 'urn:oid:1.2.392.100495.20.3.51.11319999999', value: SECRETS.hospitalPatientNumber },
      { system: 'urn:example:my-number', value: SECRETS.myNumber },
    ],
    name: [
      { use: 'official', family: SECRETS.family, given: [SECRETS.given], text: `${SECRETS.family} ${SECRETS.given}` },
      {
        use: 'official',
        family: SECRETS.familyKana,
        given: [SECRETS.givenKana],
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }],
      },
    ],
    telecom: [
      { system: 'phone', value: SECRETS.phone },
      { system: 'email', value: SECRETS.email },
    ],
    gender: 'male',
    birthDate: SECRETS.birthDate,
    address: [{ use: 'home', line: [SECRETS.line], city: SECRETS.city, state: '東京都', postalCode: SECRETS.postalCode, country: 'JP', text: `東京都${SECRETS.city}${SECRETS.line}` }],
    contact: [{ name: { text: SECRETS.contactName }, telecom: [{ system: 'phone', value: SECRETS.phone }] }],
    managingOrganization: { reference: 'Organization/org-ncvc', display: SECRETS.hospitalName },
  } as fhir4.Patient,
  { resourceType: 'Patient', id: SECRETS.otherPatientId, gender: 'female', birthDate: '1952' } as fhir4.Patient,
  {
    resourceType: 'Organization',
    id: 'org-ncvc',
    identifier: [{ system: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no', value: '1319999999' }],
    name: SECRETS.hospitalName,
    address: [{ line: [SECRETS.line], city: SECRETS.city, state: '東京都' }],
  } as fhir4.Organization,
  {
    resourceType: 'Coverage',
    id: 'cov-1',
    status: 'active',
    identifier: [{ system: 'urn:example:insured', value: `${SECRETS.insuredSymbol}:${SECRETS.insuredNumber}` }],
    subscriberId: SECRETS.insuredNumber,
    beneficiary: { reference: `Patient/${SECRETS.patientId}`, display: `${SECRETS.family} ${SECRETS.given}` },
    payor: [{ identifier: { system: 'urn:oid:1.2.392.100495.20.3.61', value: SECRETS.insurerNumber } }],
    class: [{ type: { coding: [{ code: 'group' }] }, value: SECRETS.insuredSymbol, name: SECRETS.insuredNumber }],
  } as fhir4.Coverage,
  {
    resourceType: 'Encounter',
    id: 'enc-1',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    identifier: [{ value: SECRETS.encounterNumber }],
    subject: { reference: `Patient/${SECRETS.patientId}` },
    period: { start: `${SECRETS.admission}T10:00:00+09:00`, end: '2024-04-20' },
    participant: [{ individual: { reference: 'Practitioner/dr-1', display: SECRETS.doctor } }],
  } as fhir4.Encounter,
  {
    resourceType: 'Condition',
    id: 'cond-1',
    subject: { reference: `Patient/${SECRETS.patientId}` },
    encounter: { reference: 'Encounter/enc-1' },
    code: { coding: [{ system: 'http://jpfhir.jp/fhir/core/CodeSystem/JP_ICD10_CS', code: 'I21.0', display: '前壁急性貫壁性心筋梗塞' }] },
    onsetDateTime: SECRETS.admission,
    note: [{ text: SECRETS.noteText }],
  } as fhir4.Condition,
  { resourceType: 'Practitioner', id: 'dr-1', name: [{ text: SECRETS.doctor }], telecom: [{ system: 'phone', value: SECRETS.phone }] } as fhir4.Practitioner,
  { resourceType: 'RelatedPerson', id: 'rp-1', patient: { reference: `Patient/${SECRETS.patientId}` }, name: [{ text: SECRETS.contactName }] } as fhir4.RelatedPerson,
];

async function exportFiles(query: string): Promise<string[]> {
  const kickOff = await http.get(`/fhir/$export${query}`).set(ASYNC).expect(202);
  const statusPath = kickOff.headers['content-location'].slice('http://fhir.test'.length);
  for (;;) {
    const status = await http.get(statusPath);
    if (status.status === 200) {
      const manifest = JSON.parse(status.text) as { output: { url: string }[]; extension?: { deidentified?: boolean } };
      const texts: string[] = [];
      for (const output of manifest.output) {
        const file = await http.get(output.url.slice('http://fhir.test'.length)).buffer(true).parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => done(null, text));
        });
        texts.push(file.body as string);
      }
      return texts;
    }
    expect(status.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const parse = (texts: string[]) => texts.flatMap((text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as fhir4.Resource));

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
  for (const resource of resources) await runtime.context.store.put(resource, resource.id!);
});
afterAll(async () => runtime?.close());

describe('de-identified $export', () => {
  it('leaves no identifier, name, address line, phone, note or narrative of the input in the output', async () => {
    const texts = await exportFiles('?_deidentify=true');
    const output = texts.join('\n');
    expect(output.length).toBeGreaterThan(0);
    for (const [what, secret] of Object.entries(SECRETS)) expect(output.includes(secret), `${what} leaked`).toBe(false);
    // Nor the year-month-day of a known date (the birth date is cut to the year, the admission is shifted).
    expect(output).not.toContain('07-15');
  });

  it('keeps the clinical content, the prefecture and the birth year, and links resources by pseudonym', async () => {
    const exported = parse(await exportFiles('?_deidentify=true'));
    const types = exported.map((resource) => resource.resourceType).sort();
    // RelatedPerson exists to identify a person: withheld.
    expect(types).toEqual(['Condition', 'Coverage', 'Encounter', 'Organization', 'Patient', 'Patient', 'Practitioner']);
    const pseudonym = new Pseudonymizer('test-key-not-secret').id('Patient', SECRETS.patientId);
    const patient = exported.find((resource) => resource.id === pseudonym) as fhir4.Patient;
    expect(patient).toBeDefined();
    expect(patient.birthDate).toBe('1948');
    expect(patient.gender).toBe('male');
    expect(patient.address).toEqual([{ use: 'home', state: '東京都', country: 'JP' }]);
    expect(patient.meta?.security?.[0].code).toBe('PSEUDED');
    const condition = exported.find((resource) => resource.resourceType === 'Condition') as fhir4.Condition;
    expect(condition.subject.reference).toBe(`Patient/${pseudonym}`);
    expect(condition.code?.coding?.[0].code).toBe('I21.0');
    expect(condition.onsetDateTime).toMatch(/^2024-\d\d-\d\d$/);
    const encounter = exported.find((resource) => resource.resourceType === 'Encounter') as fhir4.Encounter;
    // Same patient, same shift: the length of stay is kept.
    const days = (Date.parse(encounter.period!.end!) - Date.parse(encounter.period!.start!.slice(0, 10))) / 86_400_000;
    expect(days).toBe(19);
    expect(encounter.period!.start).toMatch(/T10:00:00\+09:00$/);
  });

  it('gives the same pseudonyms in every export with the same key', async () => {
    const first = parse(await exportFiles('?_deidentify=true&_type=Patient')).map((resource) => resource.id).sort();
    const second = parse(await exportFiles('?_deidentify=true&_type=Patient')).map((resource) => resource.id).sort();
    expect(first).toEqual(second);
    expect(first.every((id) => /^[0-9a-f]{32}$/.test(id!))).toBe(true);
    expect(new Pseudonymizer('another-key').id('Patient', SECRETS.patientId)).not.toBe(new Pseudonymizer('test-key-not-secret').id('Patient', SECRETS.patientId));
  });
});
