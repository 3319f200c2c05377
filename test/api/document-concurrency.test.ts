import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();
const example: fhir4.Bundle = JSON.parse(readFileSync(join(loadConfig().igResourcesDir, 'Bundle-jp-cvd-example-bundle-cerebral-infarction.json'), 'utf8'));
const EXAMPLE_HOSPITAL = example.identifier!.value!.split('^')[0];
const patientOf = (bundle: fhir4.Bundle) => bundle.entry!.find((entry) => entry.resource?.resourceType === 'Patient')!.resource as fhir4.Patient;

/** Document `number` of a hospital about its patient `localId` (the same person everywhere: one insurance number). */
function documentOf(hospital: string, number: number, localId: string): fhir4.Bundle {
  const bundle: fhir4.Bundle = JSON.parse(JSON.stringify(example).replaceAll(EXAMPLE_HOSPITAL, hospital));
  const [code, year] = bundle.identifier!.value!.split('^');
  bundle.identifier = { ...bundle.identifier, value: `${code}^${year}^${900000 + number}` };
  patientOf(bundle).identifier![0].value = localId;
  return bundle;
}

const storedPatients = async (system: string, value: string) =>
  (await api.http.get('/fhir/Patient').query({ identifier: `${system}|${value}` }).expect(200)).body.total as number;

describe('concurrent document ingest', () => {
  it('creates one Patient, Organization and Practitioner per hospital when documents about a new patient arrive at once', async () => {
    const hospitals = ['2710000011', '1310000022'];
    const documents = hospitals.flatMap((hospital, h) => Array.from({ length: 5 }, (_, n) => documentOf(hospital, h * 10 + n, `C-${hospital}`)));
    const responses = await Promise.all(documents.map((document) => api.http.post('/fhir/Bundle').send(document)));
    expect(responses.map((response) => response.status)).toEqual(documents.map(() => 201));

    for (const hospital of hospitals) {
      const local = patientOf(documentOf(hospital, 0, `C-${hospital}`)).identifier![0];
      expect(await storedPatients(local.system!, local.value!)).toBe(1);
    }
    // The person's insurance number is on both hospitals' records: one Patient each, linked, none merged.
    const insurance = patientOf(documents[0]).identifier!.find((identifier) => identifier.system?.includes('Insurance_memberID'))!;
    expect(await storedPatients(insurance.system!, insurance.value!)).toBe(2);
    for (const type of ['Organization', 'Practitioner']) {
      const entry = documents[0].entry!.find((one) => one.resource?.resourceType === type)!.resource as fhir4.Organization;
      const identifier = entry.identifier![0];
      const found = await api.http.get(`/fhir/${type}`).query({ identifier: `${identifier.system}|${identifier.value}` }).expect(200);
      expect(found.body.total, type).toBe(1);
    }
  });
});
