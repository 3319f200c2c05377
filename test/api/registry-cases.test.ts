import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { FhirRequest } from '../../src/fhir/context.js';
import { FhirError } from '../../src/fhir/outcome.js';
import { registryCompleteness } from '../../src/fhir/operation/registry-completeness.js';
import type { RegistryCaseRow } from '../../src/registry/cases/case-store.js';
import type { CompletenessReport } from '../../src/registry/cases/completeness.js';
import { rebuildCases } from '../../src/registry/cases/rebuild.js';
import type { Principal } from '../../src/security/token-service.js';
import { useTestApi } from '../support/runtime.js';

const resourcesDir = loadConfig().igResourcesDir;
const example = (name: string): fhir4.Bundle => JSON.parse(readFileSync(join(resourcesDir, `Bundle-jp-cvd-example-bundle-${name}.json`), 'utf8'));
const api = useTestApi();

type CaseRow = RegistryCaseRow & { completeness: CompletenessReport | null };

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

/** Removes an entry and the Composition's section references to it. */
function dropEntry(bundle: fhir4.Bundle, which: (resource: fhir4.Resource) => boolean): void {
  const dropped = bundle.entry!.find((entry) => which(entry.resource!))!.fullUrl;
  bundle.entry = bundle.entry!.filter((entry) => entry.fullUrl !== dropped);
  const unlink = (sections: fhir4.CompositionSection[] = []): void =>
    sections.forEach((section) => {
      if (section.entry) section.entry = section.entry.filter((reference) => reference.reference !== dropped);
      unlink(section.section);
    });
  unlink((bundle.entry[0].resource as fhir4.Composition).section);
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

describe('corrections and late versions of a document', () => {
  const versionCount = async () => (await api.runtime.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_version')).rows[0].n;
  const withVersion = (bundle: fhir4.Bundle, version: string, change: (copy: fhir4.Bundle) => void = () => {}) => {
    const copy = structuredClone(bundle);
    const composition = copy.entry![0].resource as fhir4.Composition;
    composition.extension = composition.extension!.map((ext) => (ext.url.endsWith('composition-clinicaldocument-versionNumber') ? { ...ext, valueString: version } : ext));
    change(copy);
    return copy;
  };
  const original = variant(example('cerebral-infarction'), 'corrections');
  const nihssAdmission = (bundle: fhir4.Bundle) => bundle.entry!.find((entry) => entry.resource!.id === 'ex-cerebral-infarction-obs-1-nihss-adm')!.resource as fhir4.Observation;
  const corrected = withVersion(original, '2', (copy) => {
    nihssAdmission(copy).valueInteger = 16;
    dropEntry(copy, (resource) => resource.id === 'ex-cerebral-infarction-obs-6-toast');
    copy.timestamp = '2026-10-25T09:00:00+09:00';
  });

  it('stores nothing new for an identical resubmission', async () => {
    const first = await ingest(original, 201);
    const before = await versionCount();
    const again = await api.http.post('/fhir/Bundle').send(original).expect(200);
    expect(again.headers.location).toBe(first.headers.location);
    expect(await versionCount()).toBe(before);
  });

  it('replaces every derived resource by a new version of the same id for a corrected document', async () => {
    const before = (await caseOf(original))!;
    const toast = before.facts.observations.find((fact: { kind: string }) => fact.kind === 'toast');
    expect(toast).toBeDefined();
    const { rows: entries } = await api.runtime.db.query<{ resource_type: string; resource_id: string }>(
      'SELECT resource_type, resource_id FROM document_entry WHERE document_identifier = $1 AND resource_type = $2',
      [before.document_identifier, 'Observation'],
    );
    const response = await ingest(corrected, 200);
    expect(response.headers.location).toContain(`/Bundle/${before.document_id}/_history/2`);
    const after = (await caseOf(original))!;
    expect(after.encounter_id).toBe(before.encounter_id);
    expect(after.facts.observations).toContainEqual(expect.objectContaining({ kind: 'nihss', value: 16, timepoint: 'admission' }));
    expect(after.facts.observations.some((fact: { kind: string }) => fact.kind === 'toast')).toBe(false);
    const encounter = await api.http.get(`/fhir/Encounter/${before.encounter_id}`).expect(200);
    expect(encounter.body.meta.versionId).toBe('2');
    const history = await api.http.get(`/fhir/Encounter/${before.encounter_id}/_history`).expect(200);
    expect(history.body.total).toBe(2);
    // The dropped TOAST observation is deleted (410), the others carry version 2.
    const states = await Promise.all(entries.map(async ({ resource_id }) => (await api.http.get(`/fhir/Observation/${resource_id}`)).status));
    expect(states.filter((status) => status === 410)).toHaveLength(1);
    expect(states.filter((status) => status === 200)).toHaveLength(entries.length - 1);
  });

  it('refuses an older version arriving late with 409 and stores nothing', async () => {
    const late = withVersion(original, '1', (copy) => (nihssAdmission(copy).valueInteger = 12));
    const before = await versionCount();
    const response = await api.http.post('/fhir/Bundle').send(late).expect(409);
    expect(response.body.issue[0].diagnostics).toMatch(/older than the stored one/);
    expect(await versionCount()).toBe(before);
    expect((await caseOf(original))!.facts.observations).toContainEqual(expect.objectContaining({ kind: 'nihss', value: 16 }));
  });

  it('refuses the stored version with different content with 409', async () => {
    const conflicting = structuredClone(corrected);
    nihssAdmission(conflicting).valueInteger = 20;
    const before = await versionCount();
    const response = await api.http.post('/fhir/Bundle').send(conflicting).expect(409);
    expect(response.body.issue[0].diagnostics).toMatch(/same version as the stored one but different content/);
    expect(await versionCount()).toBe(before);
  });

  it('accepts the corrected document again as an identical resubmission', async () => {
    const before = await versionCount();
    await api.http.post('/fhir/Bundle').send(corrected).expect(200);
    expect(await versionCount()).toBe(before);
  });
});

describe('a document whose stored Bundle was deleted', () => {
  it('is ingested again onto the resources it became, with one case', async () => {
    const bundle = variant(example('subarachnoid-hemorrhage'), 'deleted-bundle');
    await ingest(bundle, 201);
    const before = (await caseOf(bundle))!;
    await api.http.delete(`/fhir/Bundle/${before.document_id}`).expect(200);
    await ingest(bundle, 201);
    const { rows } = await api.runtime.db.query<CaseRow>('SELECT * FROM registry_case WHERE document_identifier = $1', [before.document_identifier]);
    expect(rows).toHaveLength(1);
    expect(rows[0].encounter_id).toBe(before.encounter_id);
    expect(rows[0].document_id).not.toBe(before.document_id);
  });
});

describe('$registry-completeness', () => {
  const heartFailure = example('acute-heart-failure');
  const hospital = heartFailure.identifier!.value!.split('^')[0];
  const isLvef = (resource: fhir4.Resource) => !!resource.meta?.profile?.some((profile) => profile.endsWith('/jp-cvd-observation-lvef'));
  const lvefCounts = (parameters: fhir4.Parameters, disease?: string) => {
    const scope = disease ? parameters.parameter!.find((p) => p.name === 'disease' && p.part![0].valueCode === disease)!.part! : parameters.parameter!;
    const lvef = scope.find((p) => p.name === 'item' && p.part![0].valueString === 'lvef')!;
    return Object.fromEntries(lvef.part!.slice(1).map((part) => [part.name, part.valueInteger]));
  };

  it('reports missing and implausible items in the ingest answer', async () => {
    const implausible = variant(heartFailure, 'lvef-95', (copy) => {
      const lvef = copy.entry!.find((entry) => isLvef(entry.resource!))!.resource as fhir4.Observation;
      lvef.valueQuantity = { ...lvef.valueQuantity, value: 95 };
    });
    const response = await ingest(implausible, 201);
    const warning = response.body.issue.find((issue: fhir4.OperationOutcomeIssue) => issue.diagnostics?.startsWith('Registry item lvef'));
    expect(warning).toMatchObject({ severity: 'warning', code: 'value', diagnostics: expect.stringMatching(/^Registry item lvef is implausible: 95 fails "LVEF 5〜90 % の外は入力誤りの疑い.*"$/) });
    expect(warning.expression[0]).toMatch(/^Bundle\.entry\.resource\.ofType\(Observation\)/);
    const missing = variant(heartFailure, 'lvef-missing', (copy) => dropEntry(copy, isLvef));
    const second = await ingest(missing, 201);
    expect(second.body.issue).toContainEqual(expect.objectContaining({ severity: 'information', code: 'incomplete', diagnostics: 'Registry item lvef is missing' }));
    expect(item(await caseOf(missing), 'lvef')?.status).toBe('missing');
  });

  it('counts present, missing and implausible items per hospital, period and disease', async () => {
    const response = await api.http.get(`/fhir/$registry-completeness?hospital=${hospital}&period-start=2020-01-01&period-end=2030-12-31`).expect(200);
    const parameters = response.body as fhir4.Parameters;
    expect(parameters.parameter!.find((p) => p.name === 'cases')!.valueInteger).toBe(3);
    expect(lvefCounts(parameters)).toEqual({ present: 1, missing: 1, implausible: 1 });
    expect(lvefCounts(parameters, 'acute-heart-failure')).toEqual({ present: 1, missing: 1, implausible: 1 });
    const outside = await api.http.get(`/fhir/$registry-completeness?hospital=${hospital}&period-end=2020-01-01`).expect(200);
    expect(outside.body.parameter.find((p: fhir4.ParametersParameter) => p.name === 'cases').valueInteger).toBe(0);
    const all = await api.http.get('/fhir/$registry-completeness?disease=acute-heart-failure').expect(200);
    expect(lvefCounts(all.body)).toEqual({ present: 1, missing: 1, implausible: 1 });
  });

  it('refuses unknown or malformed parameters with 400', async () => {
    for (const query of ['hospital=13', 'period-start=2026-13-01', 'disease=flu', 'colour=red', 'period-start=2026-02-01&period-end=2026-01-01']) {
      const response = await api.http.get(`/fhir/$registry-completeness?${query}`).expect(400);
      expect(response.body.resourceType).toBe('OperationOutcome');
    }
  });

  it('lets a hospital client see only its own hospital, registry staff any', async () => {
    const ask = (principal: Principal, query: string) => {
      const request: FhirRequest = { method: 'GET', baseUrl: 'http://fhir.test/fhir', query: [...new URLSearchParams(query)], headers: {}, principal };
      return registryCompleteness(api.runtime.context, request);
    };
    const own: Principal = { clientId: 'hf-hospital', role: 'hospital', hospitalCode: hospital, scopes: [] };
    const answer = await ask(own, '');
    expect((answer.body as fhir4.Parameters).parameter![0]).toEqual({ name: 'hospital', valueString: hospital });
    await expect(ask(own, 'hospital=1310512345')).rejects.toMatchObject({ status: 403 });
    await expect(ask({ clientId: 'r', role: 'researcher', scopes: [] }, '')).rejects.toBeInstanceOf(FhirError);
    const staff = await ask({ clientId: 's', role: 'registry-staff', scopes: [] }, 'hospital=1310512345');
    expect((staff.body as fhir4.Parameters).parameter!.find((p) => p.name === 'cases')!.valueInteger).toBeGreaterThan(0);
  });
});

describe('derive-cases', () => {
  it('rebuilds every case from the stored documents as the ingest derived them', async () => {
    const snapshot = async () =>
      (await api.runtime.db.query('SELECT encounter_id, document_id, diseases, facts, completeness FROM registry_case ORDER BY encounter_id')).rows;
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(10);
    await api.runtime.db.query('DELETE FROM registry_case');
    const result = await rebuildCases(api.runtime.db, api.runtime.context.conformance);
    expect(result).toEqual({ derived: before.length, unmapped: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
