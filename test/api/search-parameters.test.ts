import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TENANTS } from '../../src/store/tenancy.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;

const ICD10 = 'http://jpfhir.jp/fhir/core/CodeSystem/JP_ICD10';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const MRN = 'urn:oid:1.2.392.100495.20.3.51.11310000001';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const kana = (text: string) => ({
  extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }],
  text,
});

/** A small registry: three patients, two hospitals, encounters, conditions, observations, a procedure. */
const RESOURCES: fhir4.Resource[] = [
  { resourceType: 'Organization', id: 'o1', name: '国立循環器病研究センター', identifier: [{ system: 'urn:hospital', value: 'H001' }] } as fhir4.Organization,
  { resourceType: 'Organization', id: 'o2', name: '大阪中央病院', identifier: [{ system: 'urn:hospital', value: 'H002' }], partOf: { reference: 'Organization/o1' } } as fhir4.Organization,
  { resourceType: 'Practitioner', id: 'dr1', name: [{ family: '田中', given: ['一郎'] }] } as fhir4.Practitioner,
  {
    resourceType: 'Patient',
    id: 'p1',
    meta: { tag: [{ system: 'urn:tag', code: 'study-a' }], profile: ['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient'] },
    identifier: [{ system: MRN, value: 'M1', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] } }],
    active: true,
    name: [{ use: 'official', family: '山田', given: ['太郎'] }, { use: 'usual', family: 'ヤマダ', given: ['タロウ'], ...kana('ヤマダ タロウ') }],
    gender: 'male',
    birthDate: '1950-04-01',
    address: [{ city: '大阪市', state: '大阪府' }],
    managingOrganization: { reference: 'Organization/o1' },
  } as fhir4.Patient,
  {
    resourceType: 'Patient',
    id: 'p2',
    identifier: [{ system: MRN, value: 'M2' }],
    active: false,
    name: [{ family: '佐藤', given: ['花子'] }, { family: 'ｻﾄｳ', given: ['ﾊﾅｺ'] }],
    gender: 'female',
    birthDate: '1962-11-15',
    generalPractitioner: [{ reference: 'Practitioner/dr1' }],
    managingOrganization: { reference: 'Organization/o2' },
  } as fhir4.Patient,
  {
    resourceType: 'Patient',
    id: 'p3',
    identifier: [{ system: 'urn:other', value: 'M3' }],
    name: [{ family: 'Smith', given: ['José'] }],
    gender: 'male',
    birthDate: '1975',
    deceasedDateTime: '2020-01-01T10:00:00+09:00',
  } as fhir4.Patient,
  {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { reference: 'Patient/p1' },
    serviceProvider: { reference: 'Organization/o1' },
    period: { start: '2024-03-01T10:00:00+09:00', end: '2024-03-05' },
  } as fhir4.Encounter,
  {
    resourceType: 'Encounter',
    id: 'e2',
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
    subject: { reference: 'Patient/p2' },
    serviceProvider: { reference: 'Organization/o2' },
    period: { start: '2024-04-10T08:00:00+09:00' },
  } as fhir4.Encounter,
  {
    resourceType: 'Condition',
    id: 'c1',
    clinicalStatus: { coding: [{ system: CLINICAL, code: 'active' }] },
    code: { coding: [{ system: ICD10, code: 'I63.9', display: '脳梗塞' }], text: '脳梗塞（詳細不明）' },
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    onsetDateTime: '2024-03-01T09:30:00+09:00',
  } as fhir4.Condition,
  {
    resourceType: 'Condition',
    id: 'c2',
    clinicalStatus: { coding: [{ system: CLINICAL, code: 'resolved' }] },
    code: { coding: [{ system: ICD10, code: 'I21.0', display: '急性心筋梗塞' }] },
    subject: { reference: 'Patient/p2' },
    encounter: { reference: 'Encounter/e2' },
    onsetDateTime: '2024-04-10',
  } as fhir4.Condition,
  {
    resourceType: 'Condition',
    id: 'c3',
    code: { coding: [{ system: ICD10, code: 'I63.4' }] },
    subject: { reference: 'http://fhir.test/fhir/Patient/p3' },
    onsetDateTime: '2023-12-31T23:00:00+09:00',
  } as fhir4.Condition,
  {
    resourceType: 'Observation',
    id: 'ob1',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '70184-3', display: 'NIHSS total score' }] },
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    effectiveDateTime: '2024-03-01T11:00:00+09:00',
    valueQuantity: { value: 12, unit: 'score', system: UCUM, code: '{score}' },
  } as fhir4.Observation,
  {
    resourceType: 'Observation',
    id: 'ob2',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '70184-3' }] },
    subject: { reference: 'Patient/p2' },
    effectiveDateTime: '2024-04-10T09:00:00+09:00',
    valueQuantity: { value: 4, unit: 'score', system: UCUM, code: '{score}' },
  } as fhir4.Observation,
  {
    resourceType: 'Observation',
    id: 'ob3',
    status: 'preliminary',
    code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure' }] },
    subject: { reference: 'Patient/p1' },
    effectivePeriod: { start: '2024-03-02T08:00:00+09:00', end: '2024-03-02T09:00:00+09:00' },
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 140, system: UCUM, code: 'mm[Hg]' } },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 90, system: UCUM, code: 'mm[Hg]' } },
    ],
  } as fhir4.Observation,
  {
    resourceType: 'Procedure',
    id: 'pr1',
    status: 'completed',
    code: { coding: [{ system: 'urn:procedure', code: 'thrombectomy' }] },
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    performedDateTime: '2024-03-01T12:00:00+09:00',
  } as fhir4.Procedure,
  {
    resourceType: 'RiskAssessment',
    id: 'ra1',
    status: 'final',
    subject: { reference: 'Patient/p1' },
    prediction: [{ probabilityDecimal: 0.25 }],
  } as fhir4.RiskAssessment,
  {
    resourceType: 'RiskAssessment',
    id: 'ra2',
    status: 'final',
    subject: { reference: 'Patient/p2' },
    prediction: [{ probabilityRange: { low: { value: 0.5 }, high: { value: 0.7 } } }],
  } as fhir4.RiskAssessment,
  { resourceType: 'ValueSet', id: 'vs1', status: 'active', url: 'http://example.org/fhir/ValueSet/stroke/ischemic' } as fhir4.ValueSet,
  { resourceType: 'ValueSet', id: 'vs2', status: 'active', url: 'http://example.org/fhir/ValueSet/stroke' } as fhir4.ValueSet,
];

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
  for (const resource of RESOURCES) await http.put(`/fhir/${resource.resourceType}/${resource.id}`).send(resource).expect(201);
});
afterAll(async () => runtime?.close());

async function search(query: string, status = 200): Promise<fhir4.Bundle> {
  const response = await http.get(`/fhir/${query}`).expect(status);
  return response.body;
}

const matchIds = (bundle: fhir4.Bundle) => (bundle.entry ?? []).filter((entry) => entry.search?.mode === 'match').map((entry) => entry.resource!.id!).sort();

/** A `_filter` query string, encoded. */
const filter = (type: string, expression: string) => `${type}?_filter=${encodeURIComponent(expression)}`;

/** [query, ids of the matches] per parameter type and modifier. */
const CASES: Record<string, [string, string[]][]> = {
  token: [
    ['Patient?gender=male', ['p1', 'p3']],
    ['Patient?gender=male,female', ['p1', 'p2', 'p3']],
    ['Patient?gender=http://hl7.org/fhir/administrative-gender|female', ['p2']],
    ['Patient?gender=|female', []],
    ['Patient?gender:in=http://hl7.org/fhir/ValueSet/administrative-gender', ['p1', 'p2', 'p3']],
    ['Observation?status=http://hl7.org/fhir/observation-status|final', ['ob1', 'ob2']],
    [`Patient?identifier=${MRN}|M1`, ['p1']],
    ['Patient?identifier=M2', ['p2']],
    [`Patient?identifier=${MRN}|`, ['p1', 'p2']],
    ['Patient?identifier=|M1', []],
    ['Patient?active=true', ['p1']],
    ['Patient?active:not=true', ['p2', 'p3']],
    [`Condition?code=${ICD10}|I63.9`, ['c1']],
    ['Condition?code=I63.9,I63.4', ['c1', 'c3']],
    ['Condition?code:text=脳梗塞', ['c1']],
    ['Observation?code:text=nihss', ['ob1']],
    ['Condition?code:not=I63.9', ['c2', 'c3']],
    ['Condition?clinical-status:in=http://hl7.org/fhir/ValueSet/condition-clinical', ['c1', 'c2']],
    ['Condition?clinical-status:not-in=http://hl7.org/fhir/ValueSet/condition-clinical', ['c3']],
    ['Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|M1', ['p1']],
    ['Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|M2', []],
    ['Patient?_tag=urn:tag|study-a', ['p1']],
    ['Encounter?class=IMP', ['e1']],
  ],
  string: [
    ['Patient?family=山田', ['p1']],
    ['Patient?family=山', ['p1']],
    ['Patient?name=やまだ', ['p1']],
    ['Patient?name=ヤマ', ['p1']],
    ['Patient?name=サトウ', ['p2']],
    ['Patient?given=ﾀﾛｳ', ['p1']],
    ['Patient?name=smith', ['p3']],
    ['Patient?given=jose', ['p3']],
    ['Patient?family:exact=Smith', ['p3']],
    ['Patient?family:exact=smith', []],
    ['Patient?family:contains=mit', ['p3']],
    ['Patient?address-city=大阪', ['p1']],
    ['Patient?jp-kana-sort=ヤマダ', ['p1']],
    ['Patient?jp-kana-sort=サトウ', []],
    ['Organization?name=国立', ['o1']],
    ['Organization?name:contains=循環器', ['o1']],
  ],
  date: [
    ['Patient?birthdate=1950-04-01', ['p1']],
    ['Patient?birthdate=1950', ['p1']],
    ['Patient?birthdate=1975-06', []],
    ['Patient?birthdate=lt1960', ['p1']],
    ['Patient?birthdate=ge1962-11-15', ['p2', 'p3']],
    ['Patient?birthdate=gt1975-06-01', ['p3']],
    ['Patient?birthdate=le1975', ['p1', 'p2', 'p3']],
    ['Patient?birthdate=ne1950-04-01', ['p2', 'p3']],
    ['Patient?birthdate=sa1962', ['p3']],
    ['Patient?birthdate=eb1962', ['p1']],
    ['Patient?birthdate=ap1950-04-02', ['p1']],
    ['Condition?onset-date=2024-03', ['c1']],
    ['Condition?onset-date=2023', ['c3']],
    ['Condition?onset-date=2023-12-31T14:00:00Z', ['c3']],
    ['Condition?onset-date=ge2024-03-01&onset-date=lt2024-04', ['c1']],
    ['Encounter?date=2024-03-03', []],
    ['Encounter?date=ge2024-03-03', ['e1', 'e2']],
    ['Encounter?date=sa2024-04-01', ['e2']],
    ['Encounter?date=eb2024-04-01', ['e1']],
    ['Encounter?date=2024-03', ['e1']],
    ['Observation?date=2024-03-02', ['ob3']],
  ],
  number: [
    ['RiskAssessment?probability=0.25', ['ra1']],
    ['RiskAssessment?probability=0.3', ['ra1']],
    ['RiskAssessment?probability=0.30', []],
    ['RiskAssessment?probability=gt0.4', ['ra2']],
    ['RiskAssessment?probability=lt0.4', ['ra1']],
    ['RiskAssessment?probability=ge0.25', ['ra1', 'ra2']],
    ['RiskAssessment?probability=ap0.26', ['ra1']],
  ],
  quantity: [
    ['Observation?value-quantity=12', ['ob1']],
    ['Observation?value-quantity=ge10', ['ob1']],
    ['Observation?value-quantity=lt10|http://unitsofmeasure.org|{score}', ['ob2']],
    ['Observation?value-quantity=lt10||score', ['ob2']],
    ['Observation?value-quantity=12|http://unitsofmeasure.org|mg', []],
    ['Observation?component-value-quantity=gt100', ['ob3']],
  ],
  reference: [
    ['Observation?subject=Patient/p1', ['ob1', 'ob3']],
    ['Observation?subject=p2', ['ob2']],
    ['Observation?subject:Patient=p2', ['ob2']],
    ['Observation?patient=p1', ['ob1', 'ob3']],
    ['Condition?subject=Patient/p3', ['c3']],
    ['Condition?subject=http://fhir.test/fhir/Patient/p3', ['c3']],
    ['Encounter?service-provider=Organization/o1', ['e1']],
    ['Observation?encounter:missing=true', ['ob2', 'ob3']],
  ],
  uri: [
    ['ValueSet?url=http://example.org/fhir/ValueSet/stroke', ['vs2']],
    ['ValueSet?url:below=http://example.org/fhir/ValueSet/stroke', ['vs1', 'vs2']],
    ['ValueSet?url:above=http://example.org/fhir/ValueSet/stroke/ischemic/x', ['vs1', 'vs2']],
    ['Patient?_profile=http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient', ['p1']],
  ],
  composite: [
    [`Observation?code-value-quantity=${LOINC}|70184-3$ge10`, ['ob1']],
    [`Observation?code-value-quantity=70184-3$lt10`, ['ob2']],
    [`Observation?component-code-value-quantity=8480-6$gt130`, ['ob3']],
    [`Observation?component-code-value-quantity=8462-4$gt130`, []],
  ],
  special: [
    ['Patient?_id=p1,p3', ['p1', 'p3']],
    ['Patient?_id:not=p1', ['p2', 'p3']],
    ['Patient?_lastUpdated=gt2000-01-01', ['p1', 'p2', 'p3']],
    ['Patient?_lastUpdated=lt2000-01-01', []],
  ],
  missing: [
    ['Patient?death-date:missing=false', ['p3']],
    ['Patient?general-practitioner:missing=true', ['p1', 'p3']],
    ['Condition?clinical-status:missing=true', ['c3']],
    ['Patient?birthdate:missing=true', []],
    ['Patient?family:missing=false', ['p1', 'p2', 'p3']],
  ],
  chains: [
    [`Observation?subject:Patient.identifier=${MRN}|M1`, ['ob1', 'ob3']],
    ['Observation?subject.name=佐藤', ['ob2']],
    ['Condition?encounter.service-provider.identifier=urn:hospital|H001', ['c1']],
    ['Condition?encounter.service-provider.partof.identifier=H001', ['c2']],
    ['Condition?patient.general-practitioner.family=田中', ['c2']],
  ],
  reverseChains: [
    ['Encounter?_has:Procedure:encounter:code=thrombectomy', ['e1']],
    ['Patient?_has:Observation:patient:value-quantity=ge10', ['p1']],
    ['Patient?_has:Condition:subject:code=I21.0', ['p2']],
    ['Organization?_has:Encounter:service-provider:_has:Condition:encounter:code=I63.9', ['o1']],
  ],
  _filter: [
    [filter('Patient', 'gender eq male'), ['p1', 'p3']],
    [filter('Patient', 'gender ne male'), ['p2']],
    [filter('Patient', 'family eq 山田'), ['p1']],
    [filter('Patient', 'family eq 山'), []],
    [filter('Patient', 'family eq "smith"'), ['p3']],
    [filter('Patient', 'family co mit'), ['p3']],
    [filter('Patient', 'family sw Smi'), ['p3']],
    [filter('Patient', 'family ew ith'), ['p3']],
    [filter('Patient', 'family ne 山田'), ['p2', 'p3']],
    [filter('Patient', 'birthdate gt 1960'), ['p2', 'p3']],
    [filter('Patient', 'birthdate lt 1960'), ['p1']],
    [filter('Patient', 'birthdate ge 1962-11-15'), ['p2', 'p3']],
    [filter('Patient', 'birthdate le 1950-04-01'), ['p1']],
    [filter('Patient', 'birthdate ap 1950-04-02'), ['p1']],
    [filter('Patient', 'birthdate eq 1975'), ['p3']],
    [filter('Observation', 'value-quantity ge 10'), ['ob1']],
    [filter('Patient', 'gender eq male and birthdate lt 1960'), ['p1']],
    [filter('Patient', 'gender eq female or birthdate lt 1960'), ['p1', 'p2']],
    [filter('Patient', 'gender eq female or gender eq male and birthdate lt 1960'), ['p1', 'p2']],
    [filter('Patient', 'not (gender eq male)'), ['p2']],
    [filter('Patient', '(gender eq female or family eq smith) and active eq false'), ['p2']],
    [filter('Patient', 'death-date pr true'), ['p3']],
    [filter('Patient', 'general-practitioner pr false'), ['p1', 'p3']],
    [filter('Patient', '_id eq p1 or _id eq p2'), ['p1', 'p2']],
    [filter('Observation', 'subject.name eq 佐藤'), ['ob2']],
    [filter('Condition', `code eq ${ICD10}|I63.9`), ['c1']],
    [filter('Condition', 'clinical-status in http://hl7.org/fhir/ValueSet/condition-clinical'), ['c1', 'c2']],
    [filter('Organization', 'name co 循環器'), ['o1']],
  ],
};

describe.each(Object.entries(CASES))('%s parameters', (_kind, cases) => {
  it.each(cases)('%s', async (query, expected) => {
    expect(matchIds(await search(query))).toEqual(expected);
  });
});

describe('includes', () => {
  it('_include adds referenced resources with search mode include', async () => {
    const bundle = await search('Observation?code=70184-3&value-quantity=ge10&_include=Observation:subject');
    expect(matchIds(bundle)).toEqual(['ob1']);
    const included = (bundle.entry ?? []).filter((entry) => entry.search?.mode === 'include').map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`);
    expect(included).toEqual(['Patient/p1']);
  });

  it('_include with a target type and _include=* ', async () => {
    const typed = await search('Condition?_id=c1&_include=Condition:subject:Patient');
    expect(typed.entry!.filter((entry) => entry.search?.mode === 'include').map((entry) => entry.resource!.id)).toEqual(['p1']);
    const all = await search('Condition?_id=c1&_include=*');
    expect(all.entry!.filter((entry) => entry.search?.mode === 'include').map((entry) => entry.resource!.id).sort()).toEqual(['e1', 'p1']);
  });

  it('_revinclude and :iterate follow references backwards and onwards', async () => {
    const bundle = await search('Patient?_id=p1&_revinclude=Condition:subject&_include:iterate=Condition:encounter');
    const included = bundle.entry!.filter((entry) => entry.search?.mode === 'include').map((entry) => entry.resource!.id).sort();
    expect(included).toEqual(['c1', 'e1']);
  });

  it('an _include of a non-reference parameter is ignored with a warning', async () => {
    const bundle = await search('Patient?_id=p1&_include=Patient:gender');
    expect(bundle.entry!.some((entry) => entry.search?.mode === 'outcome')).toBe(true);
  });
});

describe('compartment search', () => {
  it('lists the conditions in a patient compartment', async () => {
    expect(matchIds(await search('Patient/p1/Condition'))).toEqual(['c1']);
    expect(matchIds(await search('Patient/p1/Observation?code=85354-9'))).toEqual(['ob3']);
    expect(matchIds(await search('Patient/p3/Condition'))).toEqual(['c3']);
  });

  it('answers 404 for a type outside the compartment', async () => {
    await http.get('/fhir/Patient/p1/ValueSet').expect(404);
  });
});

describe('sorting and result shaping', () => {
  it('_sort on several keys, descending with -', async () => {
    const ordered = (bundle: fhir4.Bundle) => bundle.entry!.map((entry) => entry.resource!.id);
    expect(ordered(await search('Patient?_sort=birthdate'))).toEqual(['p1', 'p2', 'p3']);
    expect(ordered(await search('Patient?_sort=-birthdate'))).toEqual(['p3', 'p2', 'p1']);
    expect(ordered(await search('Patient?_sort=gender,-birthdate'))).toEqual(['p2', 'p3', 'p1']);
    expect(ordered(await search('Condition?_sort=-onset-date'))).toEqual(['c2', 'c1', 'c3']);
  });

  it('_total, _summary=count, _summary=true, _elements', async () => {
    expect((await search('Patient?_total=none')).total).toBeUndefined();
    expect((await search('Patient?_total=accurate')).total).toBe(3);
    expect(typeof (await search('Patient?_total=estimate')).total).toBe('number');
    const count = await search('Condition?_summary=count');
    expect(count.total).toBe(3);
    expect(count.entry).toBeUndefined();
    const summary = await search('Patient?_id=p1&_summary=true');
    const patient = summary.entry![0].resource as fhir4.Patient;
    expect(patient.name).toBeDefined();
    expect(patient.address).toBeDefined();
    expect(patient.meta?.tag?.some((tag) => tag.code === 'SUBSETTED')).toBe(true);
    const elements = (await search('Patient?_id=p1&_elements=birthDate')).entry![0].resource as fhir4.Patient;
    expect(Object.keys(elements).sort()).toEqual(['birthDate', 'id', 'meta', 'resourceType']);
  });

  it('POST _search with a form body', async () => {
    const response = await http.post('/fhir/Condition/_search').type('form').send('code=I63.9,I63.4&_sort=onset-date').expect(200);
    expect(response.body.entry.map((entry: fhir4.BundleEntry) => entry.resource!.id)).toEqual(['c3', 'c1']);
  });
});

describe('unknown and malformed parameters', () => {
  it('ignores an unknown parameter with a warning OperationOutcome', async () => {
    const bundle = await search('Patient?foo=bar&gender=female');
    expect(matchIds(bundle)).toEqual(['p2']);
    const outcome = bundle.entry!.find((entry) => entry.search?.mode === 'outcome')!.resource as fhir4.OperationOutcome;
    expect(outcome.issue[0].severity).toBe('warning');
    expect(outcome.issue[0].expression).toEqual(['foo']);
  });

  it('ignores a chain whose last link is unknown, keeping the other parameters', async () => {
    const bundle = await search('Condition?encounter.service-provider.nonexistent=1&code=I21.0');
    expect(matchIds(bundle)).toEqual(['c2']);
    expect(bundle.entry!.some((entry) => entry.search?.mode === 'outcome')).toBe(true);
  });

  it('refuses an unknown parameter under Prefer: handling=strict', async () => {
    const response = await http.get('/fhir/Patient?foo=bar').set('Prefer', 'handling=strict').expect(400);
    expect(response.body.issue[0].expression).toEqual(['foo']);
  });

  it.each([
    ['Patient?birthdate=1950-13-45', 'birthdate'],
    ['Patient?birthdate=yesterday', 'birthdate'],
    ['RiskAssessment?probability=lots', 'probability'],
    ['Patient?gender:below=male', 'gender:below'],
    ['Patient?active:missing=maybe', 'active:missing'],
    ['Observation?code-value-quantity=70184-3', 'code-value-quantity'],
    ['Patient?_sort=nonexistent', '_sort'],
    ['Patient?_total=some', '_total'],
    ['Patient?_content=', '_content'],
    ['Patient?_content:exact=x', '_content:exact'],
    ['Patient?_text=%20', '_text'],
    ['Condition?_list=', '_list'],
    ['Condition?code:below=I63', 'code:below'],
    ['Condition?code:below=urn:no-hierarchy|I63', 'code:below'],
    ['Patient/p1/*?_type=Nonsense', '_type'],
    [filter('Patient', 'gender eq'), '_filter'],
    [filter('Patient', 'gender xx male'), '_filter'],
    [filter('Patient', '(gender eq male'), '_filter'],
    [filter('Patient', 'gender eq male and'), '_filter'],
    [filter('Patient', 'gender eq male) or (x'), '_filter'],
    [filter('Patient', 'nonexistent eq 1'), '_filter'],
    [filter('Patient', 'gender gt male'), '_filter'],
    [filter('Patient', 'birthdate eq yesterday'), '_filter'],
    [filter('Patient', 'family eq "unclosed'), '_filter'],
    [filter('Patient', 'name[use eq official].family eq x'), '_filter'],
  ])('400 naming the parameter for %s', async (query, parameter) => {
    const response = await http.get(`/fhir/${query}`).expect(400);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0].expression).toEqual([parameter]);
  });

  it('treats SQL-looking values as plain data', async () => {
    expect(matchIds(await search(`Patient?family=${encodeURIComponent("'; DROP TABLE resource; --")}`))).toEqual([]);
    expect(matchIds(await search('Patient?family=%25'))).toEqual([]);
    expect(matchIds(await search('Patient?gender=male'))).toEqual(['p1', 'p3']);
  });

  it('keeps the index in step with updates and deletes', async () => {
    await http.put('/fhir/Patient/p9').send({ resourceType: 'Patient', id: 'p9', gender: 'other', name: [{ family: '鈴木' }] }).expect(201);
    expect(matchIds(await search('Patient?gender=other'))).toEqual(['p9']);
    await http.put('/fhir/Patient/p9').send({ resourceType: 'Patient', id: 'p9', gender: 'unknown', name: [{ family: '鈴木' }] }).expect(200);
    expect(matchIds(await search('Patient?gender=other'))).toEqual([]);
    expect(matchIds(await search('Patient?gender=unknown'))).toEqual(['p9']);
    await http.delete('/fhir/Patient/p9').expect(200);
    expect(matchIds(await search('Patient?name=鈴木'))).toEqual([]);
  });
});

describe('engine scopes beyond one type', () => {
  it('searches several types, or every type with parameters common to all resources', async () => {
    const { search: engine } = runtime.context;
    const keys = (result: Awaited<ReturnType<typeof engine.search>>) => result.matches.map((match) => `${match.type}/${match.id}`).sort();
    expect(keys(await engine.search({ types: ['Patient', 'Condition'] }, [['_id', 'p1,c1,ob1']], { count: 10, scope: ALL_TENANTS }))).toEqual(['Condition/c1', 'Patient/p1']);
    expect(keys(await engine.search({}, [['_tag', 'urn:tag|study-a']], { count: 10, scope: ALL_TENANTS }))).toEqual(['Patient/p1']);
    expect(keys(await engine.search({ types: ['Patient', 'Observation'] }, [['code', '70184-3']], { count: 10, scope: ALL_TENANTS }))).toEqual(['Observation/ob1', 'Observation/ob2']);
    const ignored = await engine.search({}, [['code', '70184-3']], { count: 10, scope: ALL_TENANTS });
    expect(ignored.ignored.map((one) => one.parameter)).toEqual(['code']);
  });
});

describe('capabilities', () => {
  it('lists the parameters of each type from the loaded packages', async () => {
    const statement = (await http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    const patient = statement.rest![0].resource!.find((resource) => resource.type === 'Patient')!;
    const names = patient.searchParam!.map((parameter) => parameter.name);
    expect(names).toEqual(expect.arrayContaining(['_id', '_lastUpdated', '_tag', '_profile', 'name', 'birthdate', 'identifier', 'jp-kana-sort']));
    expect(names).not.toContain('_query');
  });
});
