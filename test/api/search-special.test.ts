import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;

const ICD10 = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full';
const DRUG_CLASS = 'http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-drug-class';
const narrative = (div: string) => ({ status: 'generated' as const, div: `<div xmlns="http://www.w3.org/1999/xhtml">${div}</div>` });

/** Full text, lists, code hierarchies and compartments over a small set. */
const RESOURCES: fhir4.Resource[] = [
  {
    resourceType: 'Patient',
    id: 'sp1',
    text: narrative('<p>山田 太郎 &amp; family, <b>Osaka</b></p>'),
    name: [{ family: '山田', given: ['太郎'] }],
    address: [{ city: '大阪市' }],
  } as fhir4.Patient,
  { resourceType: 'Patient', id: 'sp2', name: [{ family: 'ｻﾄｳ', given: ['花子'] }], address: [{ city: 'Kobe' }] } as fhir4.Patient,
  {
    resourceType: 'Condition',
    id: 'sc1',
    text: narrative('脳梗塞、右中大脳動脈'),
    code: { coding: [{ system: ICD10, code: 'I639', display: '脳梗塞，詳細不明' }] },
    subject: { reference: 'Patient/sp1' },
  } as fhir4.Condition,
  { resourceType: 'Condition', id: 'sc2', code: { coding: [{ system: ICD10, code: 'I630' }] }, subject: { reference: 'Patient/sp1' } } as fhir4.Condition,
  { resourceType: 'Condition', id: 'sc3', code: { coding: [{ system: ICD10, code: 'I63' }], text: 'Cerebral infarction' }, subject: { reference: 'Patient/sp2' } } as fhir4.Condition,
  { resourceType: 'Condition', id: 'sc4', code: { coding: [{ system: ICD10, code: 'I210' }] }, subject: { reference: 'Patient/sp2' } } as fhir4.Condition,
  {
    resourceType: 'Observation',
    id: 'so1',
    status: 'final',
    code: { coding: [{ system: DRUG_CLASS, code: 'acei' }] },
    subject: { reference: 'Patient/sp1' },
  } as fhir4.Observation,
  {
    resourceType: 'Observation',
    id: 'so2',
    status: 'final',
    code: { coding: [{ system: DRUG_CLASS, code: 'raas-inhibitor' }] },
    subject: { reference: 'Patient/sp2' },
    note: [{ text: 'Dose 100% of target' }],
  } as fhir4.Observation,
  {
    resourceType: 'Observation',
    id: 'so3',
    status: 'final',
    code: { coding: [{ system: DRUG_CLASS, code: 'acei' }, { system: DRUG_CLASS, code: 'arb' }] },
  } as fhir4.Observation,
  {
    resourceType: 'List',
    id: 'list1',
    status: 'current',
    mode: 'working',
    entry: [{ item: { reference: 'Condition/sc1' } }, { item: { reference: 'http://fhir.test/fhir/Condition/sc3' } }, { item: { reference: 'Patient/sp2' } }],
  } as fhir4.List,
  { resourceType: 'List', id: 'list2', status: 'current', mode: 'working', entry: [{ item: { reference: 'Condition/sc4' } }] } as fhir4.List,
];

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
  for (const resource of RESOURCES) await http.put(`/fhir/${resource.resourceType}/${resource.id}`).send(resource).expect(201);
});
afterAll(async () => runtime?.close());

async function search(query: string): Promise<fhir4.Bundle> {
  return (await http.get(`/fhir/${query}`).expect(200)).body;
}

const matchKeys = (bundle: fhir4.Bundle) =>
  (bundle.entry ?? []).filter((entry) => entry.search?.mode === 'match').map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`).sort();

/** [query, matches as Type/id]. */
const CASES: Record<string, [string, string[]][]> = {
  _content: [
    ['Patient?_content=太郎', ['Patient/sp1']],
    ['Patient?_content=さとう', ['Patient/sp2']],
    ['Patient?_content=kobe', ['Patient/sp2']],
    ['Patient?_content=山田 大阪', ['Patient/sp1']],
    ['Patient?_content=山田 kobe', []],
    ['Patient?_content=山田,kobe', ['Patient/sp1', 'Patient/sp2']],
    ['Patient?_content=osaka', ['Patient/sp1']],
    ['Condition?_content=脳梗塞', ['Condition/sc1']],
    ['Condition?_content=infarction', ['Condition/sc3']],
    ['Observation?_content=100%25', ['Observation/so2']],
    ['Observation?_content=1_0', []],
    ['Patient?_content=resourceType', []],
    ['Patient?_content="太郎 大阪"', []],
    ['?_content=脳梗塞', ['Condition/sc1']],
  ],
  _text: [
    ['Patient?_text=osaka', ['Patient/sp1']],
    ['Patient?_text=taro', []],
    ['Patient?_text=family', ['Patient/sp1']],
    [`Patient?_text=${encodeURIComponent('& family')}`, ['Patient/sp1']],
    ['Condition?_text=中大脳', ['Condition/sc1']],
    ['Condition?_text=詳細不明', []],
    ['Patient?_text=kobe', []],
  ],
  _list: [
    ['Condition?_list=list1', ['Condition/sc1', 'Condition/sc3']],
    ['Patient?_list=list1', ['Patient/sp2']],
    ['Condition?_list=list1,list2', ['Condition/sc1', 'Condition/sc3', 'Condition/sc4']],
    ['Condition?_list=nosuchlist', []],
    ['?_list=list1&_type=Condition,Patient', ['Condition/sc1', 'Condition/sc3', 'Patient/sp2']],
  ],
  'token :below / :above': [
    [`Condition?code:below=${ICD10}|I63`, ['Condition/sc1', 'Condition/sc2', 'Condition/sc3']],
    [`Condition?code:below=${ICD10}|I639`, ['Condition/sc1']],
    [`Condition?code:below=${ICD10}|I2`, ['Condition/sc4']],
    [`Condition?code:above=${ICD10}|I639`, ['Condition/sc1', 'Condition/sc3']],
    [`Condition?code:above=${ICD10}|I63`, ['Condition/sc3']],
    [`Observation?code:below=${DRUG_CLASS}|raas-inhibitor`, ['Observation/so1', 'Observation/so2', 'Observation/so3']],
    [`Observation?code:below=${DRUG_CLASS}|acei`, ['Observation/so1', 'Observation/so3']],
    [`Observation?code:above=${DRUG_CLASS}|acei`, ['Observation/so1', 'Observation/so2', 'Observation/so3']],
    [`Observation?code:above=${DRUG_CLASS}|acei&subject:missing=true`, ['Observation/so3']],
    [`Observation?code:below=${DRUG_CLASS}|not-a-code`, []],
  ],
  compartment: [
    ['Patient/sp1/*', ['Condition/sc1', 'Condition/sc2', 'Observation/so1', 'Patient/sp1']],
    ['Patient/sp2/*?_content=cerebral', ['Condition/sc3']],
    ['Patient/sp2/*?_type=Condition', ['Condition/sc3', 'Condition/sc4']],
    ['Patient/sp2/Condition', ['Condition/sc3', 'Condition/sc4']],
  ],
};

describe.each(Object.entries(CASES))('%s', (_kind, cases) => {
  it.each(cases)('%s', async (query, expected) => {
    expect(matchKeys(await search(query))).toEqual(expected);
  });
});

describe('parameters that are not applied', () => {
  it('ignores a functional list with a warning', async () => {
    const bundle = await search('Condition?_list=$current-problems');
    const outcome = bundle.entry!.find((entry) => entry.search?.mode === 'outcome')!.resource as fhir4.OperationOutcome;
    expect(outcome.issue[0].expression).toEqual(['_list']);
  });

  it('answers 404 for a compartment type that has no compartment', async () => {
    await http.get('/fhir/Observation/so1/*').expect(404);
  });
});

describe('counting and paging from index rows', () => {
  it('counts and pages a resource with several matching index rows once', async () => {
    const query = `Observation?code:below=${encodeURIComponent(`${DRUG_CLASS}|raas-inhibitor`)}`;
    expect((await search(`${query}&_summary=count`)).total).toBe(3);
    const seen: string[] = [];
    let next: string | undefined = `/fhir/${query}&_count=1`;
    while (next) {
      const bundle = (await http.get(next.replace(/^https?:\/\/[^/]+/, '')).expect(200)).body as fhir4.Bundle;
      expect(bundle.total).toBe(3);
      seen.push(...matchKeys(bundle));
      next = bundle.link?.find((link) => link.relation === 'next')?.url;
    }
    expect(seen.sort()).toEqual(['Observation/so1', 'Observation/so2', 'Observation/so3']);
  });

  it('does not count a deleted resource', async () => {
    await http.put('/fhir/Observation/so8').send({ resourceType: 'Observation', id: 'so8', status: 'final', code: { coding: [{ system: DRUG_CLASS, code: 'arb' }] } }).expect(201);
    expect((await search(`Observation?code=${encodeURIComponent(`${DRUG_CLASS}|arb`)}&_summary=count`)).total).toBe(2);
    await http.delete('/fhir/Observation/so8').expect(200);
    expect((await search(`Observation?code=${encodeURIComponent(`${DRUG_CLASS}|arb`)}&_summary=count`)).total).toBe(1);
  });
});

describe('_has without reading the source resource', () => {
  it('stops matching once the source is deleted', async () => {
    const query = `Patient?_has:Observation:subject:code=${encodeURIComponent(`${DRUG_CLASS}|antiplatelet`)}`;
    await http
      .put('/fhir/Observation/so9')
      .send({ resourceType: 'Observation', id: 'so9', status: 'final', code: { coding: [{ system: DRUG_CLASS, code: 'antiplatelet' }] }, subject: { reference: 'Patient/sp2' } })
      .expect(201);
    expect(matchKeys(await search(query))).toEqual(['Patient/sp2']);
    await http.delete('/fhir/Observation/so9').expect(200);
    expect(matchKeys(await search(query))).toEqual([]);
  });
});

describe('full text follows writes', () => {
  it('finds the new text after an update and nothing after a delete', async () => {
    await http.put('/fhir/Patient/sp9').send({ resourceType: 'Patient', id: 'sp9', name: [{ family: '鈴木' }] }).expect(201);
    expect(matchKeys(await search('Patient?_content=鈴木'))).toEqual(['Patient/sp9']);
    await http.put('/fhir/Patient/sp9').send({ resourceType: 'Patient', id: 'sp9', name: [{ family: '高橋' }] }).expect(200);
    expect(matchKeys(await search('Patient?_content=鈴木'))).toEqual([]);
    expect(matchKeys(await search('Patient?_content=高橋'))).toEqual(['Patient/sp9']);
    await http.delete('/fhir/Patient/sp9').expect(200);
    expect(matchKeys(await search('Patient?_content=高橋'))).toEqual([]);
  });
});

describe('capabilities', () => {
  it('lists _content, _text, _list and _filter with the types that support them', async () => {
    const statement = (await http.get('/fhir/metadata').expect(200)).body as fhir4.CapabilityStatement;
    const names = (type: string) => statement.rest![0].resource!.find((resource) => resource.type === type)!.searchParam!.map((parameter) => parameter.name);
    expect(names('Patient')).toEqual(expect.arrayContaining(['_content', '_text', '_list', '_filter']));
    expect(names('Bundle')).toEqual(expect.arrayContaining(['_content', '_list']));
    expect(names('Bundle')).not.toContain('_text');
  });
});
