import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import { assessCompleteness } from '../../src/registry/cases/completeness.js';
import { deriveCase, type StoredDocument } from '../../src/registry/cases/derive.js';
import { registryTerms } from '../../src/registry/cases/ig-terms.js';
import { DEFAULT_OPTIONS, DISEASES, generateAdmissions } from '../../src/registry/synthetic/index.js';

const terms = registryTerms(loadConformance({ ...loadConfig(), sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') }));

/** The document as the ingest stores it: each entry under the id of its urn:uuid fullUrl, references as Type/id. */
function asStored(bundle: fhir4.Bundle): StoredDocument {
  const types = new Map(bundle.entry!.map((entry) => [entry.fullUrl!, entry.resource!.resourceType]));
  let text = JSON.stringify(bundle.entry!.map((entry) => ({ ...entry.resource!, id: entry.fullUrl!.replace('urn:uuid:', '') })));
  for (const [fullUrl, type] of types) text = text.split(`"${fullUrl}"`).join(`"${type}/${fullUrl.replace('urn:uuid:', '')}"`);
  return { documentId: 'doc', documentIdentifier: `${bundle.identifier!.system}|${bundle.identifier!.value}`, resources: JSON.parse(text) };
}

const generated = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 120, hospitals: 5, seed: 'case-derivation' })];

describe('registry case derivation from generated documents', () => {
  it('covers the six diseases', () => {
    expect(new Set(generated.map(({ truth }) => truth.disease))).toEqual(new Set(DISEASES.map((disease) => disease.key)));
  });

  it('derives disease, hospital, death, procedures and drug classes of every generated admission', () => {
    for (const { bundle, truth } of generated) {
      const registryCase = deriveCase(asStored(bundle), terms)!;
      const encounter = bundle.entry!.find((entry) => entry.resource!.resourceType === 'Encounter')!.resource as fhir4.Encounter;
      expect(registryCase.diseases).toEqual([truth.disease]);
      expect(registryCase.principalDisease).toBe(truth.disease);
      expect(registryCase.hospitalCode).toBe(truth.hospitalCode);
      expect(registryCase.hospitalPrefecture).toBe(truth.hospitalCode.slice(0, 2));
      expect(registryCase.admittedAt).toBe(encounter.period!.start);
      expect(registryCase.died).toBe(['6', '7'].includes(encounter.hospitalization!.dischargeDisposition!.coding![0].code!));
      const procedures = bundle.entry!.filter((entry) => entry.resource!.resourceType === 'Procedure');
      expect(registryCase.facts.procedures.length).toBe(procedures.length);
      const prescriptions = bundle.entry!.filter((entry) => entry.resource!.resourceType === 'MedicationRequest');
      if (!prescriptions.length) expect(registryCase.facts.dischargeDrugClasses).toEqual([]);
      // One entry per prescription (DAPT counts agents), carrying its YJ code and classes.
      expect(registryCase.facts.dischargeMedications.map((medication) => medication.code)).toEqual(
        prescriptions.map((entry) => (entry.resource as fhir4.MedicationRequest).medicationCodeableConcept!.coding![0].code),
      );
      expect([...new Set(registryCase.facts.dischargeMedications.flatMap((medication) => medication.classes))].sort()).toEqual(registryCase.facts.dischargeDrugClasses);
      expect(registryCase.ageAtAdmission).toBeGreaterThanOrEqual(0);
      expect(assessCompleteness(registryCase).items.length).toBeGreaterThan(0);
    }
  });

  it('classifies prescriptions through the longest YJ prefix and adds the parent class', () => {
    const request = (code: string): fhir4.MedicationRequest => ({
      resourceType: 'MedicationRequest', status: 'completed', intent: 'order', subject: {},
      medicationCodeableConcept: { coding: [{ system: 'http://capstandard.jp/iyaku.info/CodeSystem/YJ-code', code }] },
    });
    expect(terms.drugClasses(request('2149040F1020'))).toEqual(['arb', 'raas-inhibitor']);
    expect(terms.drugClasses(request('3399008F2021'))).toEqual(['antiplatelet']);
    expect(terms.drugClasses(request('9999999F9999'))).toEqual([]);
  });
});

describe('completeness rules', () => {
  const base = deriveCase(asStored(generated.find(({ truth }) => truth.disease === 'cerebral-infarction')!.bundle), terms)!;
  const withFacts = (change: (copy: typeof base) => void) => {
    const copy = structuredClone(base);
    change(copy);
    return assessCompleteness(copy).items;
  };
  const status = (items: ReturnType<typeof withFacts>, name: string) => items.find((result) => result.item === name)?.status;

  it('flags a needle time before the door time', () => {
    const items = withFacts((c) => {
      c.facts.arrivalAt = '2026-01-01T10:00:00+09:00';
      c.facts.onset = { at: '2026-01-01T09:00:00+09:00', status: 'witnessed' };
      c.facts.procedures = [{ kind: 'ivt', start: '2026-01-01T09:30:00+09:00' }];
    });
    expect(status(items, 'ivt-needle-time')).toBe('implausible');
  });

  it('flags a door time before the onset and a discharge before the admission', () => {
    const items = withFacts((c) => {
      c.facts.onset = { at: '2026-01-01T11:00:00+09:00', status: 'witnessed', inHospital: false };
      c.facts.arrivalAt = '2026-01-01T10:00:00+09:00';
      c.admittedAt = '2026-01-02T10:00:00+09:00';
      c.dischargedAt = '2026-01-01T10:00:00+09:00';
    });
    expect(status(items, 'onset-time')).toBe('implausible');
    expect(status(items, 'discharge-time')).toBe('implausible');
  });

  it("flags scores outside the IG profiles' range and plausibility invariants and reports missing ones", () => {
    // Plain Observations (no profile claimed): the invariants of the kind's IG profile still judge the value.
    const score = (value: Partial<fhir4.Observation>) => ({ resourceType: 'Observation', status: 'final', code: {}, ...value }) as fhir4.Observation;
    expect(terms.implausibility('nihss', score({ valueInteger: 43 }))).toMatch(/0〜42/);
    expect(terms.implausibility('nihss', score({ valueInteger: 42 }))).toBeUndefined();
    expect(terms.implausibility('lvef', score({ valueQuantity: { value: 95, unit: '%' } }))).toMatch(/5〜90/);
    expect(terms.implausibility('lvef', score({ valueQuantity: { value: 55, unit: '%' } }))).toBeUndefined();
    expect(terms.implausibility('toast', score({}))).toBeUndefined();

    const items = withFacts((c) => {
      c.facts.observations = [
        { kind: 'nihss', value: 43, timepoint: 'admission', implausible: 'NIHSS は 0〜42。/ NIHSS is 0 to 42.' },
        { kind: 'mrs', value: 6, timepoint: 'discharge' },
      ];
    });
    expect(status(items, 'nihss-admission')).toBe('implausible');
    expect(status(items, 'mrs-discharge')).toBe('present');
    expect(status(items, 'mrs-pre-onset')).toBe('missing');
    const heartFailure = withFacts((c) => {
      c.diseases = ['acute-heart-failure'];
      c.facts.observations = [{ kind: 'lvef', value: 95, implausible: 'LVEF 5〜90 %' }];
    });
    expect(status(heartFailure, 'lvef')).toBe('implausible');
    expect(status(heartFailure, 'nihss-admission')).toBeUndefined();
  });

  it('asks for IVT times only when IVT was given', () => {
    expect(status(withFacts((c) => (c.facts.procedures = [])), 'ivt-needle-time')).toBeUndefined();
    expect(status(withFacts((c) => (c.facts.procedures = [{ kind: 'ivt' }])), 'ivt-needle-time')).toBe('missing');
  });
});
