import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();

const resources: fhir4.Resource[] = [
  { resourceType: 'Organization', id: 'ev-org', name: '循環器病院' } as fhir4.Organization,
  { resourceType: 'Practitioner', id: 'ev-dr', name: [{ text: '佐藤医師' }] } as fhir4.Practitioner,
  { resourceType: 'Patient', id: 'ev-p1', gender: 'male', birthDate: '1950-03-01', managingOrganization: { reference: 'Organization/ev-org' } } as fhir4.Patient,
  { resourceType: 'Patient', id: 'ev-p2', gender: 'female', birthDate: '1960-01-01' } as fhir4.Patient,
  {
    resourceType: 'Encounter',
    id: 'ev-enc',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { reference: 'Patient/ev-p1' },
    period: { start: '2025-05-01T10:00:00+09:00', end: '2025-05-20T10:00:00+09:00' },
    participant: [{ individual: { reference: 'Practitioner/ev-dr' } }],
    serviceProvider: { reference: 'Organization/ev-org' },
  } as fhir4.Encounter,
  { resourceType: 'Condition', id: 'ev-c-2024', subject: { reference: 'Patient/ev-p1' }, code: { text: '脳梗塞' }, onsetDateTime: '2024-01-10' } as fhir4.Condition,
  {
    resourceType: 'Condition',
    id: 'ev-c-2025',
    subject: { reference: 'Patient/ev-p1' },
    encounter: { reference: 'Encounter/ev-enc' },
    code: { text: '急性心筋梗塞' },
    onsetDateTime: '2025-05-01T08:00:00+09:00',
  } as fhir4.Condition,
  { resourceType: 'Observation', id: 'ev-obs', status: 'final', code: { text: 'LVEF' }, subject: { reference: 'Patient/ev-p1' }, effectiveDateTime: '2025-05-02' } as fhir4.Observation,
  {
    resourceType: 'MedicationRequest',
    id: 'ev-med',
    status: 'completed',
    intent: 'order',
    medicationCodeableConcept: { text: 'アスピリン' },
    subject: { reference: 'Patient/ev-p1' },
    authoredOn: '2025-05-19',
    requester: { reference: 'Practitioner/ev-dr' },
  } as fhir4.MedicationRequest,
  { resourceType: 'Condition', id: 'ev-c-other', subject: { reference: 'Patient/ev-p2' }, code: { text: '心不全' } } as fhir4.Condition,
];

interface Page {
  entry?: { resource: fhir4.Resource; search: { mode: string } }[];
  link: { relation: string; url: string }[];
}

const ids = (page: Page, mode?: string) =>
  (page.entry ?? []).filter((entry) => !mode || entry.search.mode === mode).map((entry) => `${entry.resource.resourceType}/${entry.resource.id}`).sort();

async function everything(query = ''): Promise<Page> {
  const response = await api.http.get(`/fhir/Patient/ev-p1/$everything${query}`);
  expect(response.status, response.text).toBe(200);
  expect(response.body.type).toBe('searchset');
  return response.body;
}

beforeAll(async () => {
  for (const resource of resources) await api.http.put(`/fhir/${resource.resourceType}/${resource.id}`).send(resource).expect(201);
});

describe('Patient/$everything', () => {
  it('returns the patient compartment and the resources it refers to, nothing of other patients', async () => {
    const page = await everything();
    expect(ids(page, 'match')).toEqual(['Condition/ev-c-2024', 'Condition/ev-c-2025', 'Encounter/ev-enc', 'MedicationRequest/ev-med', 'Observation/ev-obs', 'Patient/ev-p1']);
    expect(ids(page, 'include')).toEqual(['Organization/ev-org', 'Practitioner/ev-dr']);
  });

  it('start and end narrow clinical resources by care date; undated ones (the Patient) stay', async () => {
    expect(ids(await everything('?start=2025-01-01'), 'match')).toEqual([
      'Condition/ev-c-2025',
      'Encounter/ev-enc',
      'MedicationRequest/ev-med',
      'Observation/ev-obs',
      'Patient/ev-p1',
    ]);
    expect(ids(await everything('?end=2024-12-31'), 'match')).toEqual(['Condition/ev-c-2024', 'Patient/ev-p1']);
    expect(ids(await everything('?start=2025-05-02&end=2025-05-02'), 'match')).toEqual(['Encounter/ev-enc', 'Observation/ev-obs', 'Patient/ev-p1']);
  });

  it('_since keeps resources changed after the instant; _type keeps the listed types', async () => {
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const changed = { ...resources.find((resource) => resource.id === 'ev-c-2024'), note: [{ text: '再確認' }] };
    await api.http.put('/fhir/Condition/ev-c-2024').send(changed).expect(200);
    expect(ids(await everything(`?_since=${encodeURIComponent(since)}`), 'match')).toEqual(['Condition/ev-c-2024']);
    const typed = await everything('?_type=Condition,Patient');
    expect(ids(typed)).toEqual(['Condition/ev-c-2024', 'Condition/ev-c-2025', 'Patient/ev-p1']);
  });

  it('pages with _count through next links, every resource once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/fhir/Patient/ev-p1/$everything?_count=2';
    let pages = 0;
    while (url) {
      const page: Page = (await api.http.get(url).expect(200)).body;
      expect(ids(page, 'match').length).toBeLessThanOrEqual(2);
      seen.push(...ids(page, 'match'));
      url = page.link.find((link) => link.relation === 'next')?.url.replace('http://fhir.test', '');
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(ids(await everything(), 'match'));
  });

  it('answers OperationOutcomes for unknown patients and bad parameters', async () => {
    const notFound = await api.http.get('/fhir/Patient/ev-nobody/$everything').expect(404);
    expect(notFound.body.resourceType).toBe('OperationOutcome');
    for (const query of ['start=yesterday', '_since=2025-01-01', 'foo=bar', '_type=NoSuchType', '_cursor=garbage', 'start=2024&start=2025']) {
      const response = await api.http.get(`/fhir/Patient/ev-p1/$everything?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.resourceType).toBe('OperationOutcome');
    }
  });
});
