import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, DISEASES, generateAdmissions, writeSyntheticData, type GeneratedAdmission, type GeneratorOptions } from '../../src/registry/synthetic/index.js';

const options = (overrides: Partial<GeneratorOptions>): GeneratorOptions => ({ ...DEFAULT_OPTIONS, ...overrides });
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jpcvd-gen-'));
  dirs.push(dir);
  return dir;
}

function filesOf(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

// One shared sample: 2,000 admissions over 200 hospitals (the distribution tests need the numbers).
const sample: GeneratedAdmission[] = [...generateAdmissions(options({ admissions: 2000, hospitals: 200, seed: 'test' }))];

const resources = (bundle: fhir4.Bundle) => (bundle.entry ?? []).map((entry) => entry.resource as fhir4.FhirResource);
const ofType = <T extends fhir4.FhirResource['resourceType']>(bundle: fhir4.Bundle, type: T) =>
  resources(bundle).filter((resource): resource is Extract<fhir4.FhirResource, { resourceType: T }> => resource.resourceType === type);
const extension = (element: { extension?: fhir4.Extension[] }, suffix: string) => element.extension?.find((ext) => ext.url.endsWith(suffix));
const ms = (dateTime: string | undefined) => (dateTime ? Date.parse(dateTime) : undefined);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') found.push(child);
      else references(child, found);
    }
  }
  return found;
}

describe('synthetic data generator: reproducibility', () => {
  it('writes byte-identical output for the same arguments and different output for another seed', async () => {
    const [first, second, other] = [tempDir(), tempDir(), tempDir()];
    await writeSyntheticData(options({ admissions: 150, hospitals: 30, seed: '1' }), first, 60);
    await writeSyntheticData(options({ admissions: 150, hospitals: 30, seed: '1' }), second, 60);
    await writeSyntheticData(options({ admissions: 150, hospitals: 30, seed: '2' }), other, 60);
    const [a, b, c] = [filesOf(first), filesOf(second), filesOf(other)];
    expect([...a.keys()]).toEqual(['bundles-00001.ndjson', 'bundles-00002.ndjson', 'bundles-00003.ndjson', 'truth.json']);
    expect(a).toEqual(b);
    expect(c.get('bundles-00001.ndjson')).not.toEqual(a.get('bundles-00001.ndjson'));
    const truth = JSON.parse(a.get('truth.json') as string);
    expect(truth.bundles).toHaveLength(150);
    expect(truth.summary.admissions).toBe(150);
    const lines = (a.get('bundles-00003.ndjson') as string).trim().split('\n');
    expect(lines).toHaveLength(30);
    const last = truth.bundles[149];
    expect(last).toMatchObject({ file: 'bundles-00003.ndjson', line: 30 });
    expect(JSON.parse(lines[29]).identifier.value).toBe(last.bundleIdentifier);
  });
});

describe('synthetic data generator: document structure', () => {
  const requiredSections = ['322', '342', '352', '312', '362', '333', '324', '344', '444', '424'];

  it('makes JP-CLINS discharge-summary document Bundles with the Composition first and the required sections', () => {
    for (const { bundle, truth } of sample.slice(0, 300)) {
      expect(bundle.type).toBe('document');
      expect(bundle.meta?.profile).toContain('http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary');
      expect(bundle.identifier?.system).toBe('http://jpfhir.jp/fhir/clins/bundle-identifier');
      expect(bundle.identifier?.value).toMatch(/^\d{10}\^\d{4}\^[^^]{1,36}$/);
      expect(bundle.identifier?.value?.startsWith(truth.hospitalCode)).toBe(true);
      expect(bundle.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      const composition = bundle.entry?.[0].resource as fhir4.Composition;
      expect(composition.resourceType).toBe('Composition');
      const structured = composition.section?.find((section) => section.code?.coding?.[0].code === '300');
      const codes = structured?.section?.map((section) => section.code?.coding?.[0].code) ?? [];
      expect(codes).toEqual(expect.arrayContaining(requiredSections));
      for (const section of structured?.section ?? []) expect(section.text?.div || section.entry?.length).toBeTruthy();
      for (const type of ['Patient', 'Encounter'] as const) expect(ofType(bundle, type)).toHaveLength(1);
      expect(ofType(bundle, 'Condition').length).toBeGreaterThanOrEqual(1);
      expect(truth.hospitalCode).toMatch(/^(0[1-9]|[1-3]\d|4[0-7])1\d{7}$/);
    }
  });

  it('resolves every reference to a urn:uuid fullUrl of the same Bundle', () => {
    for (const { bundle } of sample.slice(0, 300)) {
      const fullUrls = (bundle.entry ?? []).map((entry) => entry.fullUrl as string);
      expect(new Set(fullUrls).size).toBe(fullUrls.length);
      expect(fullUrls.every((url) => /^urn:uuid:[0-9a-f-]{36}$/.test(url))).toBe(true);
      for (const reference of references(bundle)) expect(fullUrls).toContain(reference);
    }
  });

  it('identifies the patient with the hospital patient-id OID and writes kanji and kana names', () => {
    for (const { bundle, truth } of sample.slice(0, 300)) {
      const [patient] = ofType(bundle, 'Patient');
      expect(patient.identifier?.[0]).toEqual({ system: `urn:oid:1.2.392.100495.20.3.51.1${truth.hospitalCode}`, value: truth.localPatientId });
      expect(patient.name?.map((name) => extension(name, 'iso21090-EN-representation')?.valueCode)).toEqual(['IDE', 'SYL']);
      expect(patient.address?.[0].postalCode).toMatch(/^\d{3}-\d{4}$/);
      const insurance = patient.identifier?.find((identifier) => identifier.system === 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID');
      expect(insurance?.value).toMatch(/^[0-9]{8}:[^:\s　]*:[^:\s　]*:(|[0-9][0-9])$/);
    }
  });

  it('keeps times in order: onset ≤ door ≤ needle / puncture / balloon ≤ discharge', () => {
    for (const { bundle } of sample) {
      const [encounter] = ofType(bundle, 'Encounter');
      const condition = ofType(bundle, 'Condition')[0];
      const onset = ms(condition.onsetDateTime) ?? ms(extension(condition, 'jp-cvd-last-known-well')?.valueDateTime);
      const door = ms(extension(encounter, 'jp-cvd-arrival-time')?.valueDateTime);
      const admission = ms(encounter.period?.start) as number;
      const discharge = ms(encounter.period?.end) as number;
      expect(admission).toBeLessThan(discharge);
      if (onset !== undefined && door !== undefined) expect(onset).toBeLessThanOrEqual(door);
      for (const procedure of ofType(bundle, 'Procedure')) {
        const start = ms(procedure.performedPeriod?.start) as number;
        const device = ms(extension(procedure, 'jp-cvd-first-device-time')?.valueDateTime);
        if (door !== undefined) expect(start).toBeGreaterThanOrEqual(door);
        if (onset !== undefined) expect(start).toBeGreaterThanOrEqual(onset);
        if (device !== undefined) expect(device).toBeGreaterThanOrEqual(start);
        expect(device ?? start).toBeLessThanOrEqual(discharge);
      }
    }
  });
});

describe('synthetic data generator: epidemiology', () => {
  it('reproduces the disease mix within 3 percentage points', () => {
    for (const disease of DISEASES) {
      const share = sample.filter(({ truth }) => truth.disease === disease.key).length / sample.length;
      expect(Math.abs(share - disease.share), disease.key).toBeLessThan(0.03);
    }
  });

  it('draws door-to-needle and STEMI door-to-balloon times around their registry medians (60 and 80 min)', () => {
    const minutes = (code: string, end: (procedure: fhir4.Procedure) => string | undefined, filter: (bundle: fhir4.Bundle) => boolean = () => true) =>
      sample
        .filter(({ bundle }) => filter(bundle))
        .flatMap(({ bundle }) => {
          const door = ms(extension(ofType(bundle, 'Encounter')[0], 'jp-cvd-arrival-time')?.valueDateTime);
          return ofType(bundle, 'Procedure')
            .filter((procedure) => procedure.code?.coding?.[0].code === code && door !== undefined)
            .map((procedure) => ((ms(end(procedure)) as number) - (door as number)) / 60_000);
        });
    const stemi = (bundle: fhir4.Bundle) => ofType(bundle, 'Observation').some((observation) => observation.valueCodeableConcept?.coding?.[0].code === 'STEMI');
    const doorToNeedle = minutes('ivt', (procedure) => procedure.performedPeriod?.start);
    const doorToBalloon = minutes('pci', (procedure) => extension(procedure, 'jp-cvd-first-device-time')?.valueDateTime, stemi);
    expect(doorToNeedle.length).toBeGreaterThan(20);
    expect(median(doorToNeedle)).toBeGreaterThan(45);
    expect(median(doorToNeedle)).toBeLessThan(80);
    expect(doorToBalloon.length).toBeGreaterThan(100);
    expect(median(doorToBalloon)).toBeGreaterThan(65);
    expect(median(doorToBalloon)).toBeLessThan(100);
  });

  it('keeps in-hospital mortality per disease plausible', () => {
    for (const disease of DISEASES) {
      const bundles = sample.filter(({ truth }) => truth.disease === disease.key).map(({ bundle }) => bundle);
      const deaths = bundles.filter((bundle) => ['6', '7'].includes(ofType(bundle, 'Encounter')[0].hospitalization?.dischargeDisposition?.coding?.[0].code ?? '')).length;
      const rate = deaths / bundles.length;
      expect(rate, disease.key).toBeGreaterThan(disease.inHospitalMortality / 3);
      expect(rate, disease.key).toBeLessThan(disease.inHospitalMortality * 3);
    }
  });
});

describe('synthetic data generator: linkage truth', () => {
  const byPerson = new Map<string, GeneratedAdmission[]>();
  for (const admission of sample) byPerson.set(admission.truth.personId, [...(byPerson.get(admission.truth.personId) ?? []), admission]);
  const readmitted = [...byPerson.values()].filter((admissions) => admissions.length > 1);
  const patientOf = (bundle: fhir4.Bundle) => ofType(bundle, 'Patient')[0];

  it('re-admits about the configured share of admissions at another hospital under another local id', () => {
    const readmissions = sample.filter(({ truth }) => truth.admissionNumber > 1).length;
    expect(readmissions / sample.length).toBeGreaterThan(0.06);
    expect(readmissions / sample.length).toBeLessThan(0.14);
    for (const admissions of readmitted) {
      admissions.forEach(({ truth }, index) => expect(truth.admissionNumber).toBe(index + 1));
      for (let k = 1; k < admissions.length; k++) {
        const [previous, current] = [admissions[k - 1], admissions[k]];
        expect(current.truth.hospitalCode).not.toBe(previous.truth.hospitalCode);
        expect(Date.parse(ofType(current.bundle, 'Encounter')[0].period?.start as string)).toBeGreaterThan(Date.parse(ofType(previous.bundle, 'Encounter')[0].period?.end as string));
        expect(patientOf(current.bundle).birthDate).toBe(patientOf(previous.bundle).birthDate);
        expect(patientOf(current.bundle).gender).toBe(patientOf(previous.bundle).gender);
      }
    }
    // Local ids are per hospital: the same local id at two hospitals is not the same person.
    const keys = new Set(sample.map(({ truth }) => `${truth.hospitalCode}/${truth.localPatientId}`));
    const persons = new Set(sample.map(({ truth }) => `${truth.hospitalCode}/${truth.localPatientId}/${truth.personId}`));
    expect(persons.size).toBe(keys.size);
  });

  it('records linkage variants that are visible in the Bundles', () => {
    const seen = new Set<string>();
    for (const admissions of readmitted) {
      const first = patientOf(admissions[0].bundle);
      for (const { bundle, truth } of admissions.slice(1)) {
        const patient = patientOf(bundle);
        const kana = patient.name?.[1].text ?? '';
        for (const variant of truth.variants) seen.add(variant);
        if (truth.variants.includes('half-width-kana')) expect(kana).toMatch(/[\uff66-\uff9f]/);
        else expect(kana).not.toMatch(/[\uff66-\uff9f]/);
        // Without the member number the registration still names the insurer, as JP-CLINS requires.
        if (truth.variants.includes('insurance-missing')) expect(patient.identifier?.[1].value).toMatch(/^[0-9]{8}:::$/);
        if (truth.variants.includes('kanji-variant')) expect(patient.name?.[0].family).not.toBe(first.name?.[0].family);
        if (truth.variants.includes('kana-typo')) expect(`${patient.name?.[1].family}${patient.name?.[1].given}`).not.toBe(`${first.name?.[1].family}${first.name?.[1].given}`);
        if (truth.variants.includes('full-width-address')) expect(patient.address?.[0].line?.[0]).toMatch(/[０-９]/);
        if (truth.variants.includes('moved')) expect(patient.address?.[0].text).not.toBe(first.address?.[0].text);
      }
    }
    expect([...seen].sort()).toEqual(['full-width-address', 'half-width-kana', 'insurance-missing', 'kana-typo', 'kanji-variant', 'moved']);
  });
});
