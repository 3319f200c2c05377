/**
 * Checks the compiled implementation guide (SUSHI output in fsh-generated/resources, i.e. config.igResourcesDir).
 * Assumes `npm run build:ig` ran before the tests; fails with a clear message when the output is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';

const CANONICAL = 'http://jp-cvd-registry.org/fhir';
const SD = `${CANONICAL}/StructureDefinition/`;
const ICD10 = 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full';
const YJ = 'http://capstandard.jp/iyaku.info/CodeSystem/YJ-code';
const JP_CONDITION_ECS = 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Condition_eCS';
const JP_BUNDLE_DS = 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary';
const JP_COMPOSITION_DS = 'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary';

const dir = loadConfig().igResourcesDir;

function requireBuild(): void {
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.startsWith('StructureDefinition-'))) {
    throw new Error(`IG output missing in ${dir}: run \`npm run build:ig\` before the tests`);
  }
}

const cache = new Map<string, any>();
function read(file: string): any {
  requireBuild();
  if (!cache.has(file)) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${file} not found in ${dir} (did \`npm run build:ig\` succeed?)`);
    cache.set(file, JSON.parse(readFileSync(path, 'utf8')));
  }
  return cache.get(file);
}
const sd = (id: string) => read(`StructureDefinition-${id}.json`);
const vs = (id: string) => read(`ValueSet-${id}.json`);

/** Codes listed explicitly in a ValueSet's compose (the ICD-10 value sets enumerate their codes). */
function enumerated(valueSet: any, system: string): string[] {
  return (valueSet.compose?.include ?? [])
    .filter((inc: any) => inc.system === system)
    .flatMap((inc: any) => (inc.concept ?? []).map((c: any) => c.code));
}

function evaluate(resource: any, expression: string): unknown[] {
  return fhirpath.evaluate(resource, expression, undefined, r4Model) as unknown[];
}

/** The expression of invariant `key` declared anywhere in a profile's differential. */
function invariant(profileId: string, key: string): string {
  for (const element of sd(profileId).differential.element) {
    for (const c of element.constraint ?? []) if (c.key === key) return c.expression;
  }
  throw new Error(`invariant ${key} not found in ${profileId}`);
}

const DISEASES: { key: string; codes: string[]; exampleIcd: RegExp }[] = [
  { key: 'cerebral-infarction', codes: ['I630', 'I631', 'I632', 'I633', 'I634', 'I635', 'I636', 'I638', 'I639'], exampleIcd: /^I63/ },
  {
    key: 'intracerebral-hemorrhage',
    codes: ['I610', 'I611', 'I612', 'I613', 'I614', 'I615', 'I616', 'I618', 'I619'],
    exampleIcd: /^I61/,
  },
  {
    key: 'subarachnoid-hemorrhage',
    codes: ['I600', 'I601', 'I602', 'I603', 'I604', 'I605', 'I606', 'I607', 'I608', 'I609'],
    exampleIcd: /^I60/,
  },
  {
    key: 'acute-coronary-syndrome',
    codes: ['I200', 'I210', 'I211', 'I212', 'I213', 'I214', 'I219', 'I220', 'I221', 'I228', 'I229', 'I240', 'I241', 'I248', 'I249'],
    exampleIcd: /^I2[0124]/,
  },
  { key: 'acute-aortic-dissection', codes: ['I710'], exampleIcd: /^I710$/ },
  { key: 'acute-heart-failure', codes: ['I500', 'I501', 'I509', 'I110', 'I130', 'I132'], exampleIcd: /^(I50|I110|I13[02])/ },
];

describe('IG build output', () => {
  it('exists (run `npm run build:ig` first)', () => {
    expect(() => requireBuild()).not.toThrow();
    expect(read('ImplementationGuide-jp-cvd-registry.json').url).toBe(`${CANONICAL}/ImplementationGuide/jp-cvd-registry`);
  });

  it('declares the JP Core and JP-CLINS dependencies', () => {
    const ig = read('ImplementationGuide-jp-cvd-registry.json');
    const deps = (ig.dependsOn ?? []).map((d: any) => `${d.packageId}#${d.version}`);
    expect(deps).toEqual(expect.arrayContaining(['jp-core.r4#1.1.2-url', 'jp-clins.r4#1.5.2']));
  });

  it('ships snapshots with every profile and extension (the validator needs them)', () => {
    const sds = readdirSync(dir).filter((f) => f.startsWith('StructureDefinition-'));
    expect(sds.length).toBeGreaterThan(40);
    for (const f of sds) expect(read(f).snapshot?.element?.length, f).toBeGreaterThan(0);
  });
});

describe('disease Condition profiles and ICD-10 value sets', () => {
  for (const disease of DISEASES) {
    describe(disease.key, () => {
      it('derives from JP-CLINS JP_Condition_eCS', () => {
        const profile = sd(`jp-cvd-condition-${disease.key}`);
        expect(profile.url).toBe(`${SD}jp-cvd-condition-${disease.key}`);
        expect(profile.type).toBe('Condition');
        expect(profile.derivation).toBe('constraint');
        expect(profile.baseDefinition).toBe(JP_CONDITION_ECS);
      });

      it('requires one ICD-10 coding bound (required) to the disease value set', () => {
        const elements = sd(`jp-cvd-condition-${disease.key}`).snapshot.element;
        const slice = elements.find((e: any) => e.id === 'Condition.code.coding:icd10');
        expect(slice.min).toBe(1);
        expect(slice.max).toBe('1');
        expect(slice.binding.strength).toBe('required');
        expect(slice.binding.valueSet).toBe(`${CANONICAL}/ValueSet/jp-cvd-icd10-${disease.key}`);
        const system = elements.find((e: any) => e.id === 'Condition.code.coding:icd10.system');
        expect(system.fixedUri ?? system.patternUri).toBe(ICD10);
        // JP-CLINS's own rules are kept: the MEDIS key-number coding stays required
        expect(elements.find((e: any) => e.id === 'Condition.code.coding:medisRecordNo').min).toBe(1);
      });

      it('offers onset status, last-known-well and in-hospital onset extensions', () => {
        const urls = sd(`jp-cvd-condition-${disease.key}`)
          .snapshot.element.filter((e: any) => e.path === 'Condition.extension' && e.sliceName)
          .flatMap((e: any) => e.type?.[0]?.profile ?? []);
        expect(urls).toEqual(
          expect.arrayContaining([`${SD}jp-cvd-onset-time-status`, `${SD}jp-cvd-last-known-well`, `${SD}jp-cvd-in-hospital-onset`]),
        );
      });

      it('value set enumerates exactly the ICD-10 2013 codes (no dot)', () => {
        const codes = enumerated(vs(`jp-cvd-icd10-${disease.key}`), ICD10);
        expect([...codes].sort()).toEqual([...disease.codes].sort());
        for (const code of codes) expect(code).toMatch(/^[A-Z][0-9]{3}$/);
      });
    });
  }

  it('the ICD-10 value sets are disjoint and the union value set includes all six', () => {
    const all = DISEASES.flatMap((d) => d.codes);
    expect(new Set(all).size).toBe(all.length);
    const union = vs('jp-cvd-icd10-registry-diseases');
    const included = union.compose.include.flatMap((i: any) => i.valueSet ?? []);
    expect(included.sort()).toEqual(DISEASES.map((d) => `${CANONICAL}/ValueSet/jp-cvd-icd10-${d.key}`).sort());
  });

  it('excludes I11.9, I13.1 and I13.9 from acute heart failure', () => {
    const codes = enumerated(vs('jp-cvd-icd10-acute-heart-failure'), ICD10);
    for (const excluded of ['I119', 'I131', 'I139']) expect(codes).not.toContain(excluded);
  });

  it('the ConceptMap maps every registry ICD-10 code to its disease group', () => {
    const map = read('ConceptMap-jp-cvd-icd10-to-disease-group.json');
    const byCode = new Map(map.group[0].element.map((e: any) => [e.code, e.target[0].code]));
    for (const disease of DISEASES) for (const code of disease.codes) expect(byCode.get(code), code).toBe(disease.key);
    expect(byCode.size).toBe(DISEASES.flatMap((d) => d.codes).length);
  });
});

describe('document profiles', () => {
  it('Bundle and Composition derive from the JP-CLINS discharge summary', () => {
    const bundle = sd('jp-cvd-bundle-discharge-summary');
    expect(bundle.baseDefinition).toBe(JP_BUNDLE_DS);
    const composition = sd('jp-cvd-composition-discharge-summary');
    expect(composition.baseDefinition).toBe(JP_COMPOSITION_DS);
    const compositionEntry = bundle.snapshot.element.find((e: any) => e.id === 'Bundle.entry:composition.resource');
    expect(compositionEntry.type[0].profile).toEqual([`${SD}jp-cvd-composition-discharge-summary`]);
  });

  it('adds no new required Composition section (least burden)', () => {
    const composition = sd('jp-cvd-composition-discharge-summary');
    const parent = JSON.parse(
      readFileSync(
        join(loadConfig().fhirPackagesDir, 'jp-clins.r4#1.5.2', 'package', 'StructureDefinition-JP-Composition-eDischargeSummary.json'),
        'utf8',
      ),
    );
    const required = (s: any) =>
      s.snapshot.element
        .filter((e: any) => e.path === 'Composition.section.section' && e.sliceName && e.min > 0)
        .map((e: any) => e.sliceName)
        .sort();
    expect(required(composition)).toEqual(required(parent));
  });
});

describe('observations, procedures, encounter, terminology', () => {
  const loinc: [string, string][] = [
    ['jp-cvd-observation-nihss', '72089-6'],
    ['jp-cvd-observation-mrs', '75859-9'],
    ['jp-cvd-observation-gcs', '9269-2'],
    ['jp-cvd-observation-lvef', '10230-1'],
  ];
  for (const [id, code] of loinc) {
    it(`${id} fixes LOINC ${code}`, () => {
      const element = sd(id).snapshot.element.find((e: any) => e.id === 'Observation.code');
      expect(element.patternCodeableConcept.coding[0]).toMatchObject({ system: 'http://loinc.org', code });
    });
  }

  it('every registry Observation / Procedure profile derives from the JP-CLINS eCS profile', () => {
    for (const f of readdirSync(dir).filter((n) => /^StructureDefinition-jp-cvd-(observation|procedure)-/.test(n))) {
      const profile = read(f);
      expect(profile.baseDefinition, f).toMatch(/^http:\/\/jpfhir\.jp\/fhir\/eCS\/StructureDefinition\/JP_(Observation_Common|Procedure)_eCS$/);
    }
    const procedures = readdirSync(dir).filter((n) => n.startsWith('StructureDefinition-jp-cvd-procedure-'));
    // ivt, thrombectomy, cag, pci, cabg, aneurysm-repair, hematoma-evacuation, aortic-repair, mcs
    expect(procedures.length).toBe(9);
  });

  it('local code systems carry Japanese displays and English designations', () => {
    for (const f of readdirSync(dir).filter((n) => n.startsWith('CodeSystem-jp-cvd-'))) {
      const cs = read(f);
      const concepts: any[] = [];
      const walk = (list: any[] = []) => list.forEach((c) => (concepts.push(c), walk(c.concept)));
      walk(cs.concept);
      expect(concepts.length, f).toBeGreaterThan(0);
      for (const c of concepts) {
        expect(c.display, `${f}#${c.code}`).toBeTruthy();
        expect(c.designation?.some((d: any) => d.language === 'en' && d.value), `${f}#${c.code} English designation`).toBe(true);
      }
    }
  });

  it('defines the extensions generators and validators rely on', () => {
    for (const id of [
      'jp-cvd-onset-time-status',
      'jp-cvd-last-known-well',
      'jp-cvd-in-hospital-onset',
      'jp-cvd-arrival-time',
      'jp-cvd-arrival-mode',
      'jp-cvd-discharge-destination',
      'jp-cvd-assessment-timepoint',
      'jp-cvd-first-device-time',
      'jp-cvd-reperfusion-time',
      'jp-cvd-timi-flow-pre',
      'jp-cvd-timi-flow-post',
    ]) {
      const ext = sd(id);
      expect(ext.type).toBe('Extension');
      expect(ext.url).toBe(`${SD}${id}`);
    }
  });

  it('the CapabilityStatement only cites SearchParameters that exist', () => {
    const cs = read('CapabilityStatement-jp-cvd-registry-server.json');
    const own = cs.rest[0].resource
      .flatMap((r: any) => r.searchParam ?? [])
      .map((p: any) => p.definition)
      .filter((u: string) => u.startsWith(CANONICAL));
    expect(own.length).toBeGreaterThanOrEqual(5);
    for (const url of own) expect(read(`SearchParameter-${url.split('/').pop()}.json`).url).toBe(url);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------------------------
const PLAIN = 'Bundle-jp-cvd-example-bundle-plain-jpclins-cerebral-infarction.json';

/** The registry examples (one per disease); the plain JP-CLINS example is checked separately. */
function bundles(): [string, any][] {
  requireBuild();
  return readdirSync(dir)
    .filter((f) => f.startsWith('Bundle-jp-cvd-example-bundle-') && f !== PLAIN)
    .map((f) => [f, read(f)]);
}

/** The drug class of a YJ code by the longest matching prefix of ConceptMap jp-cvd-yj-to-drug-class. */
function drugClass(yj: string): string | undefined {
  const map = read('ConceptMap-jp-cvd-yj-to-drug-class.json');
  const match = map.group[0].element
    .filter((e: any) => yj.startsWith(e.code))
    .sort((a: any, b: any) => b.code.length - a.code.length)[0];
  return match?.target[0].code;
}

describe('example discharge-summary Bundles', () => {
  it('there is one example per disease', () => {
    const diseases = bundles().map(([, b]) =>
      b.entry
        .map((e: any) => e.resource)
        .filter((r: any) => r.resourceType === 'Condition')
        .flatMap((r: any) => r.meta.profile)
        .find((p: string) => p.startsWith(`${SD}jp-cvd-condition-`)),
    );
    expect(diseases.sort()).toEqual(DISEASES.map((d) => `${SD}jp-cvd-condition-${d.key}`).sort());
  });

  for (const disease of DISEASES) {
    describe(disease.key, () => {
      const file = `Bundle-jp-cvd-example-bundle-${disease.key}.json`;

      it('is a JP-CLINS document: type, identifier, timestamp, Composition first, urn:uuid fullUrls', () => {
        const b = read(file);
        expect(b.type).toBe('document');
        expect(b.meta.profile).toEqual(expect.arrayContaining([JP_BUNDLE_DS, `${SD}jp-cvd-bundle-discharge-summary`]));
        expect(b.meta.lastUpdated).toMatch(/T.*(Z|[+-]\d\d:\d\d)$/);
        expect(b.identifier.system).toBe('http://jpfhir.jp/fhir/clins/bundle-identifier');
        expect(b.identifier.value).toMatch(/^[0-9]{10}\^[0-9]{4}\^[^^]{1,36}$/);
        expect(b.timestamp).toMatch(/T.*(Z|[+-]\d\d:\d\d)$/);
        expect(b.entry[0].resource.resourceType).toBe('Composition');
        const urls = b.entry.map((e: any) => e.fullUrl);
        for (const u of urls) expect(u).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(new Set(urls).size).toBe(urls.length);
      });

      it('has the entry slices JP-CLINS requires (1 Composition, 1 Patient, >=1 Practitioner/Organization, 1 Encounter, >=1 Condition)', () => {
        const types = read(file).entry.map((e: any) => e.resource.resourceType);
        const count = (t: string) => types.filter((x: string) => x === t).length;
        expect(count('Composition')).toBe(1);
        expect(count('Patient')).toBe(1);
        expect(count('Practitioner')).toBeGreaterThanOrEqual(1);
        expect(count('Organization')).toBeGreaterThanOrEqual(1);
        expect(count('Encounter')).toBe(1);
        expect(count('Condition')).toBeGreaterThanOrEqual(1);
        expect(types.length).toBeGreaterThanOrEqual(6);
      });

      it('every reference resolves to an entry of the document', () => {
        const b = read(file);
        const urls = new Set(b.entry.map((e: any) => e.fullUrl));
        const refs = evaluate(b, 'entry.resource.descendants().reference') as string[];
        expect(refs.length).toBeGreaterThan(10);
        for (const ref of refs) expect(urls.has(ref), ref).toBe(true);
      });

      it('Composition has the required JP-CLINS sections with fixed codes', () => {
        const composition = read(file).entry[0].resource;
        expect(composition.status).toBe('final');
        expect(composition.type.coding[0]).toMatchObject({ code: '18842-5', display: '退院時サマリー' });
        expect(composition.title).toBe('退院時サマリー');
        expect(composition.extension[0].url).toBe('http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber');
        const structured = composition.section.find((s: any) => s.code.coding[0].code === '300');
        const codes = structured.section.map((s: any) => s.code.coding[0].code);
        for (const required of ['322', '342', '352', '312', '362', '333', '324', '344', '444', '424']) {
          expect(codes, required).toContain(required);
        }
        expect(structured.section.length).toBeGreaterThanOrEqual(10);
        for (const s of structured.section) {
          expect(s.code.coding[0].system).toBe('http://jpfhir.jp/fhir/clins/CodeSystem/document-section');
          expect(s.entry?.length || s.text?.div, `section ${s.code.coding[0].code} has content`).toBeTruthy();
          if (s.text) expect(s.text.status).toBe('additional');
        }
      });

      it('contains the disease Condition with an ICD-10 code of its value set, referenced from section 344', () => {
        const b = read(file);
        const entry = b.entry.find((e: any) => e.resource.meta?.profile?.includes(`${SD}jp-cvd-condition-${disease.key}`));
        const icd = entry.resource.code.coding.find((c: any) => c.system === ICD10);
        expect(disease.codes).toContain(icd.code);
        expect(icd.code).toMatch(disease.exampleIcd);
        const s344 = b.entry[0].resource.section[0].section.find((s: any) => s.code.coding[0].code === '344');
        expect(s344.entry.map((e: any) => e.reference)).toContain(entry.fullUrl);
      });

      it('satisfies the registry Bundle invariants jp-cvd-bdl-1..4 and R4 bdl-11', () => {
        const b = read(file);
        for (const key of ['jp-cvd-bdl-1', 'jp-cvd-bdl-2', 'jp-cvd-bdl-3', 'jp-cvd-bdl-4']) {
          expect(evaluate(b, invariant('jp-cvd-bundle-discharge-summary', key)), key).toEqual([true]);
        }
        expect(evaluate(b, "type = 'document' implies (entry.first().resource is Composition)")).toEqual([true]);
      });

      it('times are consistent: onset <= door <= admission < discharge; treatments and observations within the stay', () => {
        const b = read(file);
        const resources = b.entry.map((e: any) => e.resource);
        const enc = resources.find((r: any) => r.resourceType === 'Encounter');
        const t = (s: string) => new Date(s).getTime();
        const door = enc.extension.find((x: any) => x.url === `${SD}jp-cvd-arrival-time`).valueDateTime;
        const cond = resources.find((r: any) => r.meta?.profile?.includes(`${SD}jp-cvd-condition-${disease.key}`));
        if (cond.onsetDateTime) expect(t(cond.onsetDateTime)).toBeLessThanOrEqual(t(door));
        expect(t(door)).toBeLessThanOrEqual(t(enc.period.start));
        expect(t(enc.period.start)).toBeLessThan(t(enc.period.end));
        const composition = resources[0];
        expect(composition.event[0].period).toEqual({ start: enc.period.start, end: enc.period.end });
        for (const p of resources.filter((r: any) => r.resourceType === 'Procedure')) {
          expect(t(p.performedPeriod.start)).toBeGreaterThanOrEqual(t(door));
          expect(t(p.performedPeriod.start)).toBeLessThan(t(enc.period.end));
        }
        for (const o of resources.filter((r: any) => r.resourceType === 'Observation')) {
          expect(t(o.effectiveDateTime)).toBeGreaterThanOrEqual(t(door));
          expect(t(o.effectiveDateTime)).toBeLessThanOrEqual(t(enc.period.end));
        }
      });

      it('Patient meets the JP-CLINS identifier rules (local id system, insurance member id) with one profile', () => {
        const patient = read(file).entry.find((e: any) => e.resource.resourceType === 'Patient').resource;
        expect(patient.meta.profile).toEqual(['http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS']);
        const local = patient.identifier.filter((i: any) => i.system.startsWith('urn:oid:1.2.392.100495.20.3.51.'));
        expect(local).toHaveLength(1);
        expect(local[0].system.substring(31)).toMatch(/^1[0-4][0-9][1-3][0-9]{7}$/);
        const insurance = patient.identifier.filter((i: any) => i.system === 'http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID');
        expect(insurance).toHaveLength(1);
        expect(insurance[0].value).toMatch(/^[0-9]{8}:[^:\s　]*:[^:\s　]*:(|[0-9]{2})$/);
        const org = read(file).entry.find((e: any) => e.resource.resourceType === 'Organization').resource;
        expect(local[0].system.endsWith(org.identifier[0].value)).toBe(true);
        expect(read(file).identifier.value.startsWith(`${org.identifier[0].value}^`)).toBe(true);
      });

      it('discharge prescriptions are JP-CLINS MedicationRequests whose YJ codes classify into drug classes', () => {
        const mrs = read(file)
          .entry.map((e: any) => e.resource)
          .filter((r: any) => r.resourceType === 'MedicationRequest');
        for (const mr of mrs) {
          expect(mr.meta.profile).toContain('http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_MedicationRequest_eCS');
          expect(mr.dosageInstruction[0].extension[0].url).toBe(
            'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_PeriodOfUse',
          );
          const yj = mr.medicationCodeableConcept.coding.find((c: any) => c.system === YJ);
          if (yj) expect(yj.code).toMatch(/^[0-9]{4}[0-9A-Z]{3}[A-Z][0-9]{4}$/);
        }
      });
    });
  }

  it('the drug-class ConceptMap gives the ACS example DAPT, a statin and a beta-blocker', () => {
    const classes = read('Bundle-jp-cvd-example-bundle-acute-coronary-syndrome.json')
      .entry.map((e: any) => e.resource)
      .filter((r: any) => r.resourceType === 'MedicationRequest')
      .map((r: any) => drugClass(r.medicationCodeableConcept.coding.find((c: any) => c.system === YJ).code));
    expect(classes.filter((c: string) => c === 'antiplatelet')).toHaveLength(2);
    expect(classes).toEqual(expect.arrayContaining(['statin', 'beta-blocker']));
  });

  it('the heart-failure example has beta-blocker, ARB and SGLT2-i and leaves the uncoded drug unclassified', () => {
    const mrs = read('Bundle-jp-cvd-example-bundle-acute-heart-failure.json')
      .entry.map((e: any) => e.resource)
      .filter((r: any) => r.resourceType === 'MedicationRequest');
    const classes = mrs.map((r: any) => {
      const yj = r.medicationCodeableConcept.coding.find((c: any) => c.system === YJ);
      return yj ? drugClass(yj.code) : undefined;
    });
    expect(classes).toEqual(['beta-blocker', 'arb', 'sglt2i', undefined]);
  });

  it('the class ValueSets agree with the ConceptMap for every YJ code in the examples', () => {
    const classVs: Record<string, string> = {
      antiplatelet: 'antiplatelet',
      'beta-blocker': 'beta-blocker',
      arb: 'raas-inhibitor',
      acei: 'raas-inhibitor',
      arni: 'raas-inhibitor',
      statin: 'statin',
      sglt2i: 'sglt2i',
      anticoagulant: 'anticoagulant',
      mra: 'mra',
    };
    const yjs = bundles().flatMap(([, b]) => evaluate(b, `entry.resource.ofType(MedicationRequest).medication.coding.where(system = '${YJ}').code`) as string[]);
    expect(yjs.length).toBeGreaterThanOrEqual(8);
    for (const yj of yjs) {
      const cls = drugClass(yj);
      expect(cls, yj).toBeDefined();
      const filter = vs(`jp-cvd-drug-class-${classVs[cls!]}`).compose.include[0].filter[0];
      expect(filter).toMatchObject({ property: 'code', op: 'regex' });
      expect(new RegExp(filter.value).test(yj), `${yj} in ${cls}`).toBe(true);
    }
  });

  it('the disease-group SearchParameter expression yields the right group for each example', () => {
    const expression = read('SearchParameter-jp-cvd-bundle-disease-group.json').expression;
    for (const disease of DISEASES) {
      const groups = evaluate(read(`Bundle-jp-cvd-example-bundle-${disease.key}.json`), expression);
      expect(groups).toEqual([disease.key]);
    }
  });

  it('a plain JP-CLINS discharge summary (no registry profile or extension) is acceptable to the registry Bundle profile', () => {
    const b = read(PLAIN);
    const text = JSON.stringify(b);
    expect(text).not.toContain(`${CANONICAL}/StructureDefinition/`);
    expect(b.meta.profile).toEqual([JP_BUNDLE_DS]);
    expect(b.entry[0].resource.meta.profile).toEqual([JP_COMPOSITION_DS]);
    for (const key of ['jp-cvd-bdl-1', 'jp-cvd-bdl-2', 'jp-cvd-bdl-3', 'jp-cvd-bdl-4']) {
      expect(evaluate(b, invariant('jp-cvd-bundle-discharge-summary', key)), key).toEqual([true]);
    }
    // and its Condition still satisfies the cerebral infarction profile's extra rule (ICD-10 in the value set)
    const icd = evaluate(b, `entry.resource.ofType(Condition).code.coding.where(system = '${ICD10}').code`) as string[];
    expect(DISEASES[0].codes).toContain(icd[0]);
  });

  it('the 90-day mRS follow-up example references patient and admission by identifier', () => {
    const obs = read('Observation-jp-cvd-example-mrs-day90-cerebral-infarction.json');
    expect(obs.meta.profile).toContain(`${SD}jp-cvd-observation-mrs`);
    expect(obs.extension[0].valueCodeableConcept.coding[0].code).toBe('day-90');
    expect(obs.subject.identifier.system).toBe('urn:oid:1.2.392.100495.20.3.51.11310512345');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invalid fixtures: each breaks the rule named in its manifest row.
// ---------------------------------------------------------------------------------------------------------------
describe('invalid fixtures (test/fixtures/invalid) break the rule they name', () => {
  const fixtures = join(PROJECT_ROOT, 'test', 'fixtures', 'invalid');
  const manifest: { file: string; profile: string; rule: string }[] = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));

  it('has fixtures for every registry invariant of the Bundle, Condition, Encounter and Observation profiles', () => {
    const rules = manifest.map((m) => m.rule);
    for (const r of ['jp-cvd-bdl-1', 'jp-cvd-bdl-2', 'jp-cvd-bdl-3', 'jp-cvd-bdl-4', 'jp-cvd-cond-1', 'jp-cvd-cond-2', 'jp-cvd-enc-1', 'jp-cvd-enc-2']) {
      expect(rules).toContain(r);
    }
  });

  for (const row of manifest) {
    it(`${row.file} violates ${row.rule}`, () => {
      const resource = JSON.parse(readFileSync(join(fixtures, row.file), 'utf8'));
      const profileId = row.profile.split('/').pop()!;
      if (row.rule.startsWith('jp-cvd-')) {
        expect(evaluate(resource, invariant(profileId, row.rule))).toEqual([false]);
      } else if (row.rule === 'bdl-11') {
        expect(evaluate(resource, "type = 'document' implies (entry.first().resource is Composition)")).toEqual([false]);
      } else if (row.rule === 'binding:code.coding:icd10') {
        const binding = sd(profileId).snapshot.element.find((e: any) => e.id === 'Condition.code.coding:icd10').binding;
        const allowed = enumerated(vs(binding.valueSet.split('/').pop()), ICD10);
        const icd = resource.code.coding.find((c: any) => c.system === ICD10).code;
        expect(allowed).not.toContain(icd);
      } else {
        throw new Error(`unknown rule ${row.rule}`);
      }
    });
  }
});
