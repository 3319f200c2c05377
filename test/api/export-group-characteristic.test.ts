import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportToFolder } from '../../src/fhir/operation/export/local-export.js';
import { DISEASE_GROUP_SYSTEM, GROUP_CHARACTERISTIC_SYSTEM } from '../../src/registry/cases/group-members.js';
import { SYSTEM } from '../../src/registry/synthetic/canonical.js';
import type { ReadScope } from '../../src/store/tenancy.js';
import { useTestApi } from '../support/runtime.js';

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-group-'));
const api = useTestApi();

const [HOSPITAL_A, HOSPITAL_B] = ['1311234567', '2711234567'];
const hospital = (code: string): ReadScope => ({ kind: 'hospital', hospitalCode: code, sharedTypes: ['Group'] });

/** Registry cases as derivation leaves them: patient, hospital, principal disease, residence and admission. */
const CASES = [
  { patient: 'p1', hospital: HOSPITAL_A, disease: 'cerebral-infarction', residence: '13', admitted: '2024-04-10T10:00:00+09:00' },
  { patient: 'p2', hospital: HOSPITAL_A, disease: 'cerebral-infarction', residence: '27', admitted: '2024-05-01T10:00:00+09:00' },
  { patient: 'p3', hospital: HOSPITAL_B, disease: 'acute-heart-failure', residence: '13', admitted: '2024-06-01T10:00:00+09:00' },
  { patient: 'p4', hospital: HOSPITAL_B, disease: 'cerebral-infarction', residence: '13', admitted: '2023-12-31T23:00:00+09:00' },
];

const characteristic = (code: string, system: string, value: string, extra: Partial<fhir4.GroupCharacteristic> = {}): fhir4.GroupCharacteristic => ({
  code: { coding: [{ system: GROUP_CHARACTERISTIC_SYSTEM, code }] },
  valueCodeableConcept: { coding: [{ system, code: value }] },
  exclude: false,
  ...extra,
});
const disease = (value: string, extra?: Partial<fhir4.GroupCharacteristic>) => characteristic('principal-disease', DISEASE_GROUP_SYSTEM, value, extra);
const residence = (value: string) => characteristic('residence-prefecture', SYSTEM.prefectureNo, value);

async function putGroup(id: string, characteristics: fhir4.GroupCharacteristic[], actual = false): Promise<void> {
  await api.runtime.context.store.put({ resourceType: 'Group', id, type: 'person', actual, characteristic: characteristics } as fhir4.Group, id);
}

/** Runs Group/[id]/$export (as `scope` sees the data) and returns the exported ids by type. */
async function exportGroup(id: string, scope?: ReadScope): Promise<Record<string, string[]>> {
  const context = scope ? { ...api.runtime.context, store: api.runtime.context.store.withScope(scope) } : api.runtime.context;
  const folder = mkdtempSync(join(tmpdir(), 'export-group-out-'));
  const manifest = await exportToFolder(context, { level: 'group', groupId: id, parameters: [['_type', 'Patient,Observation']], folder });
  const byType: Record<string, string[]> = {};
  for (const output of manifest.output) {
    const lines = readFileSync(join(folder, output.url), 'utf8').split('\n').filter(Boolean);
    byType[output.type] = [...(byType[output.type] ?? []), ...lines.map((line) => (JSON.parse(line) as fhir4.Resource).id!)].sort();
  }
  return byType;
}

beforeAll(async () => {
  for (const [n, row] of CASES.entries()) {
    const store = api.runtime.context.store.withScope(hospital(row.hospital));
    await store.put({ resourceType: 'Patient', id: row.patient, gender: 'other' } as fhir4.Patient, row.patient);
    await store.put(
      { resourceType: 'Observation', id: `${row.patient}-bp`, status: 'final', code: { text: 'BP' }, subject: { reference: `Patient/${row.patient}` } } as fhir4.Observation,
      `${row.patient}-bp`,
    );
    await api.runtime.db.query(
      `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, patient_id, patient_prefecture, diseases,
         principal_disease, admitted_at, died, facts)
       VALUES ($1, $2, $3, $4, $5, $6, ARRAY[$7], $7, $8, false, '{}')`,
      [`enc-${n}`, `doc-${n}`, `urn:doc|${n}`, row.hospital, row.patient, row.residence, row.disease, row.admitted],
    );
  }
});

describe('Group/[id]/$export of a Group defined by registry-case characteristics', () => {
  it('exports the compartments of the patients with a case meeting every characteristic', async () => {
    await putGroup('ci-tokyo', [disease('cerebral-infarction'), residence('13')]);
    expect(await exportGroup('ci-tokyo')).toEqual({ Patient: ['p1', 'p4'], Observation: ['p1-bp', 'p4-bp'] });
    // actual=true with characteristics only is read the same way.
    await putGroup('ci-tokyo-actual', [disease('cerebral-infarction'), residence('13')], true);
    expect(await exportGroup('ci-tokyo-actual')).toEqual({ Patient: ['p1', 'p4'], Observation: ['p1-bp', 'p4-bp'] });
  });

  it('applies exclude and an admission period (dates are Japan days)', async () => {
    await putGroup('tokyo-not-ci', [disease('cerebral-infarction', { exclude: true }), residence('13')]);
    expect(await exportGroup('tokyo-not-ci')).toEqual({ Patient: ['p3'], Observation: ['p3-bp'] });
    await putGroup('ci-2024', [disease('cerebral-infarction', { period: { start: '2024-01-01', end: '2024-04-10' } })]);
    expect(await exportGroup('ci-2024')).toEqual({ Patient: ['p1'], Observation: ['p1-bp'] });
  });

  it("counts only the hospital's own cases for a hospital's client", async () => {
    await putGroup('all-ci', [disease('cerebral-infarction')]);
    expect((await exportGroup('all-ci')).Patient).toEqual(['p1', 'p2', 'p4']);
    expect(await exportGroup('all-ci', hospital(HOSPITAL_B))).toEqual({ Patient: ['p4'], Observation: ['p4-bp'] });
  });

  it('answers 422 with an OperationOutcome for a characteristic it cannot evaluate', async () => {
    const unsupported: [string, fhir4.GroupCharacteristic][] = [
      ['gender', characteristic('gender', 'http://hl7.org/fhir/administrative-gender', 'female')],
      ['code of another system', { ...disease('cerebral-infarction'), code: { coding: [{ system: 'http://snomed.info/sct', code: '439401001' }] } }],
      ['boolean value', { code: disease('cerebral-infarction').code, valueBoolean: true, exclude: false }],
      ['unknown disease group', disease('influenza')],
      ['prefecture 99', residence('99')],
      ['partial period', disease('cerebral-infarction', { period: { start: '2024' } })],
    ];
    for (const [index, [name, unsupportedCharacteristic]] of unsupported.entries()) {
      await putGroup(`unsupported-${index}`, [residence('13'), unsupportedCharacteristic]);
      const response = await api.http.get(`/fhir/Group/unsupported-${index}/$export`).set({ Prefer: 'respond-async', Accept: 'application/fhir+json' });
      expect([name, response.status]).toEqual([name, 422]);
      expect(response.body.resourceType).toBe('OperationOutcome');
      expect(response.body.issue[0].expression).toEqual(['Group.characteristic[1]']);
    }
  });
});
