import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { useTestApi } from '../support/runtime.js';

const resourcesDir = loadConfig().igResourcesDir;
const example = (name: string): fhir4.Bundle => JSON.parse(readFileSync(join(resourcesDir, `Bundle-jp-cvd-example-bundle-${name}.json`), 'utf8'));
const api = useTestApi();

interface CaseRow {
  encounter_id: string;
  document_id: string;
  document_identifier: string;
  hospital_code: string;
  hospital_prefecture: string | null;
  patient_id: string;
  patient_prefecture: string | null;
  sex: string | null;
  age_at_admission: number | null;
  diseases: string[];
  principal_disease: string | null;
  died: boolean;
  facts: any;
  completeness: { items: { item: string; status: string; detail?: string }[] } | null;
}

async function caseOf(bundle: fhir4.Bundle): Promise<CaseRow | undefined> {
  const { rows } = await api.runtime.db.query<CaseRow>('SELECT * FROM registry_case WHERE document_identifier = $1', [
    `${bundle.identifier!.system}|${bundle.identifier!.value}`,
  ]);
  return rows[0];
}

/** A copy of a document under a new identifier, so each test ingests its own. */
function variant(bundle: fhir4.Bundle, suffix: string, change: (copy: fhir4.Bundle) => void = () => {}): fhir4.Bundle {
  const copy = structuredClone(bundle);
  copy.identifier = { ...copy.identifier, value: `${copy.identifier!.value}-${suffix}` };
  change(copy);
  return copy;
}

function entryOf<T extends fhir4.Resource>(bundle: fhir4.Bundle, type: T['resourceType']): T {
  return bundle.entry!.find((entry) => entry.resource?.resourceType === type)!.resource as T;
}

/** Posts a document and checks the status, showing the OperationOutcome when it differs. */
async function ingest(bundle: fhir4.Bundle, status: number) {
  const response = await api.http.post('/fhir/Bundle').set('Prefer', 'return=OperationOutcome').send(bundle);
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body.issue?.slice(0, 5))}`);
  return response;
}

function item(row: CaseRow | undefined, name: string) {
  return row?.completeness?.items.find((result) => result.item === name);
}

describe('registry case derivation from the IG examples', () => {
  it.each([
    ['cerebral-infarction', 'cerebral-infarction'],
    ['intracerebral-hemorrhage', 'intracerebral-hemorrhage'],
    ['subarachnoid-hemorrhage', 'subarachnoid-hemorrhage'],
    ['acute-coronary-syndrome', 'acute-coronary-syndrome'],
    ['acute-aortic-dissection', 'acute-aortic-dissection'],
    ['acute-heart-failure', 'acute-heart-failure'],
  ])('%s is derived as a %s case in the ingest transaction', async (name, disease) => {
    const bundle = example(name);
    const response = await ingest(bundle, 201);
    const row = await caseOf(bundle);
    expect(row).toBeDefined();
    expect(response.headers.location).toContain(`/Bundle/${row!.document_id}/_history/1`);
    expect(row!.diseases).toEqual([disease]);
    expect(row!.principal_disease).toBe(disease);
    const hospitalCode = bundle.identifier!.value!.split('^')[0];
    expect(row!.hospital_code).toBe(hospitalCode);
    expect(row!.hospital_prefecture).toBe(hospitalCode.slice(0, 2));
    const encounter = await api.http.get(`/fhir/Encounter/${row!.encounter_id}`).expect(200);
    expect(encounter.body.period.start).toBe(entryOf<fhir4.Encounter>(bundle, 'Encounter').period!.start);
    const patient = await api.http.get(`/fhir/Patient/${row!.patient_id}`).expect(200);
    expect(row!.sex).toBe(patient.body.gender);
    expect(row!.age_at_admission).toBeGreaterThan(0);
    expect(row!.completeness?.items.length).toBeGreaterThan(0);
  });

  it('reads times, scores, procedures and drug classes of the cerebral infarction example', async () => {
    const row = (await caseOf(example('cerebral-infarction')))!;
    expect(row.facts.onset).toEqual({ at: '2026-10-03T08:40:00+09:00', status: 'witnessed', inHospital: false });
    expect(row.facts.arrivalAt).toBe('2026-10-03T09:25:00+09:00');
    expect(row.facts.arrivalMode).toBe('ambulance');
    expect(row.facts.dischargeDestination).toBe('transfer-rehabilitation');
    expect(row.facts.procedures).toEqual([
      { kind: 'ivt', start: '2026-10-03T09:58:00+09:00' },
      { kind: 'thrombectomy', start: '2026-10-03T10:20:00+09:00', reperfusionAt: '2026-10-03T11:02:00+09:00' },
    ]);
    expect(row.facts.observations).toContainEqual({ kind: 'nihss', value: 14, at: '2026-10-03T09:35:00+09:00', timepoint: 'admission' });
    expect(row.facts.observations).toContainEqual({ kind: 'mtici', code: '2b', at: '2026-10-03T11:02:00+09:00' });
    // Clopidogrel (YJ 3399008…) and atorvastatin (2189015…) through ConceptMap jp-cvd-yj-to-drug-class.
    expect(row.facts.dischargeDrugClasses).toEqual(['antiplatelet', 'statin']);
    expect(row.died).toBe(false);
    expect(item(row, 'ivt-needle-time')?.status).toBe('present');
    expect(item(row, 'nihss-admission')?.status).toBe('present');
  });

  it('reads PCI times of the acute coronary syndrome example', async () => {
    const row = (await caseOf(example('acute-coronary-syndrome')))!;
    expect(row.facts.procedures).toContainEqual({ kind: 'pci', start: '2026-07-20T07:48:00+09:00', firstDeviceAt: '2026-07-20T08:02:00+09:00' });
    expect(item(row, 'pci-first-device-time')?.status).toBe('present');
  });

  it('derives a plain JP-CLINS summary as far as its data goes', async () => {
    const bundle = example('plain-jpclins-cerebral-infarction');
    await ingest(bundle, 201);
    const row = (await caseOf(bundle))!;
    expect(row.diseases).toEqual(['cerebral-infarction']);
    expect(row.facts.arrivalAt).toBeUndefined();
    expect(item(row, 'arrival-time')?.status).toBe('missing');
  });

  it('stores a document without a registry diagnosis with a case of no diseases', async () => {
    const bundle = variant(example('cerebral-infarction'), 'no-registry-dx', (copy) => {
      const condition = entryOf<fhir4.Condition>(copy, 'Condition');
      condition.meta!.profile = condition.meta!.profile!.filter((profile) => !profile.includes('jp-cvd-condition'));
      copy.meta!.profile = copy.meta!.profile!.filter((profile) => !profile.includes('jp-cvd-'));
      condition.code!.coding = condition.code!.coding!.map((coding) => (coding.code === 'I633' ? { ...coding, code: 'J189', display: '肺炎' } : coding));
    });
    await ingest(bundle, 201);
    const row = (await caseOf(bundle))!;
    expect(row.diseases).toEqual([]);
    expect(row.principal_disease).toBeNull();
    expect(row.facts.comorbidities).toEqual(['J189']);
    expect(row.completeness).toEqual({ items: [] });
  });
});
