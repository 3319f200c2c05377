/**
 * The IG's indicator Measures evaluated on hand-built registry cases with known populations (requires
 * `npm run build:ig`). Each case states which populations it must land in; consent opt-out is applied by the SQL
 * aggregate and is tested in test/api/indicators.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { loadConformance } from '../../src/conformance/package-loader.js';
import type { CaseFacts, DischargeMedication, ObservationFact, ProcedureFact, RegistryCase } from '../../src/registry/cases/model.js';
import { IndicatorSet, indicatorSet } from '../../src/registry/indicators/definitions.js';
import { evaluateCase } from '../../src/registry/indicators/evaluate.js';

const indicators = indicatorSet(loadConformance({ ...loadConfig(), sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml') }));

/** 2024-05-01 JST at hh:mm plus `minutes`. */
const at = (minutes: number) => new Date(Date.parse('2024-05-01T08:00:00+09:00') + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const HOUR = 60;

let serial = 0;
function registryCase(principalDisease: string, facts: Partial<CaseFacts> = {}, rest: Partial<RegistryCase> = {}): RegistryCase {
  serial++;
  return {
    encounterId: `enc-${serial}`,
    documentId: `doc-${serial}`,
    documentIdentifier: `urn:test|${serial}`,
    hospitalCode: '1310000001',
    patientId: `pat-${serial}`,
    diseases: [principalDisease],
    principalDisease,
    died: false,
    ...rest,
    facts: {
      onset: { at: at(0), status: 'witnessed' },
      arrivalAt: at(60),
      transferredIn: false,
      dischargeDestination: 'home',
      procedures: [],
      dischargeDrugClasses: [],
      dischargeMedications: [],
      observations: [],
      comorbidities: [],
      ...facts,
    },
  };
}

const acsType = (code: string): ObservationFact => ({ kind: 'acs-type', code });
const lvef = (value: number): ObservationFact => ({ kind: 'lvef', value });
const pci = (start: number, firstDevice?: number): ProcedureFact => ({ kind: 'pci', start: at(start), ...(firstDevice !== undefined ? { firstDeviceAt: at(firstDevice) } : {}) });

type Expected = 'ip' | 'den' | 'excl' | 'num' | 'none';

/** Where a case must land in one indicator: outside it, or the deepest population it reaches. */
function landing(indicatorId: string, registryCase: RegistryCase): Expected {
  const membership = evaluateCase(indicators, registryCase).find((one) => one.measureId === indicatorId);
  if (!membership) return 'none';
  if (membership.numerator) return 'num';
  if (membership.exclusion) return 'excl';
  return membership.denominator ? 'den' : 'ip';
}

function expectLandings(indicatorId: string, cases: [string, RegistryCase, Expected][]): void {
  expect(indicators.byId.has(indicatorId), `Measure ${indicatorId} in the IG`).toBe(true);
  for (const [label, one, expected] of cases) expect(landing(indicatorId, one), `${indicatorId}: ${label}`).toBe(expected);
}

describe('indicator definitions', () => {
  it('reads every IG Measure as a proportion with four FHIRPath populations', () => {
    expect(indicators.indicators.map((indicator) => indicator.id)).toEqual(
      expect.arrayContaining([
        'acs-reperfusion-12h', 'acs-door-to-balloon', 'acs-cag-72h', 'acs-dapt-discharge', 'acs-beta-blocker-hf-lowef',
        'acs-acei-arb-hf-lowef', 'acs-statin-discharge', 'stroke-ivt-4-5h', 'stroke-door-to-needle', 'stroke-door-to-puncture',
        'stroke-antithrombotic-discharge', 'stroke-anticoagulant-af', 'stroke-statin-discharge', 'hf-beta-blocker-lowef',
        'hf-raas-inhibitor-lowef', 'hf-mra-lowef', 'hf-sglt2i-lowef', 'hf-bb-acei-lowef',
        'mortality-cerebral-infarction', 'mortality-intracerebral-hemorrhage', 'mortality-subarachnoid-hemorrhage',
        'mortality-acute-coronary-syndrome', 'mortality-acute-aortic-dissection', 'mortality-acute-heart-failure',
      ]),
    );
    expect(indicators.indicators).toHaveLength(24);
    for (const indicator of indicators.indicators) expect(indicator.disease, indicator.id).toMatch(/^[a-z-]+$/);
  });

  it('changes its fingerprint when a criterion changes, and refuses Measures it cannot evaluate', () => {
    const measure = structuredClone(indicators.byId.get('acs-statin-discharge')!.measure);
    const same = new IndicatorSet([structuredClone(measure)]);
    measure.group![0].population![3].criteria.expression = "facts.dischargeDrugClasses contains 'mra'";
    expect(new IndicatorSet([measure]).fingerprint).not.toBe(same.fingerprint);
    measure.group![0].population![3].criteria.expression = 'facts.(';
    expect(() => new IndicatorSet([measure])).toThrow(/does not compile/);
    measure.scoring = { coding: [{ code: 'ratio' }] };
    expect(() => new IndicatorSet([measure])).toThrow(/proportion only/);
  });
});

describe('acute coronary syndrome indicators', () => {
  it('acs-reperfusion-12h: STEMI reperfused by PCI within 12 h of onset', () => {
    expectLandings('acs-reperfusion-12h', [
      ['PCI device 3 h after onset', registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')], procedures: [pci(150, 170)] }), 'num'],
      ['PCI without device time, puncture at 11 h', registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')], procedures: [pci(11 * HOUR)] }), 'num'],
      ['PCI at 13 h', registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')], procedures: [pci(13 * HOUR, 13 * HOUR + 10)] }), 'den'],
      ['no PCI', registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')] }), 'den'],
      ['onset time missing', registryCase('acute-coronary-syndrome', { onset: { status: 'unknown' }, observations: [acsType('STEMI')], procedures: [pci(100, 120)] }), 'excl'],
      ['arrival 14 h after onset', registryCase('acute-coronary-syndrome', { arrivalAt: at(14 * HOUR), observations: [acsType('STEMI')], procedures: [pci(15 * HOUR)] }), 'excl'],
      ['in-hospital onset, no door time', registryCase('acute-coronary-syndrome', { arrivalAt: undefined, onset: { at: at(0), inHospital: true }, observations: [acsType('STEMI')], procedures: [pci(60, 80)] }), 'num'],
      ['NSTEMI', registryCase('acute-coronary-syndrome', { observations: [acsType('NSTEMI')], procedures: [pci(100, 120)] }), 'ip'],
      ['no ACS type recorded', registryCase('acute-coronary-syndrome', { procedures: [pci(100, 120)] }), 'ip'],
      ['stroke case', registryCase('cerebral-infarction'), 'none'],
    ]);
  });

  it('acs-door-to-balloon: first device within 90 min of the door', () => {
    const stemi = (facts: Partial<CaseFacts>) => registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')], ...facts });
    expectLandings('acs-door-to-balloon', [
      ['90 min exactly', stemi({ procedures: [pci(100, 60 + 90)] }), 'num'],
      ['91 min', stemi({ procedures: [pci(100, 60 + 91)] }), 'den'],
      ['transferred in', stemi({ transferredIn: true, procedures: [pci(80, 100)] }), 'excl'],
      ['in-hospital onset', stemi({ onset: { at: at(0), inHospital: true }, procedures: [pci(80, 100)] }), 'excl'],
      ['door time missing', stemi({ arrivalAt: undefined, procedures: [pci(80, 100)] }), 'excl'],
      ['first device time missing', stemi({ procedures: [pci(80)] }), 'excl'],
      ['STEMI without PCI', stemi({}), 'ip'],
      ['died after PCI: still counted', registryCase('acute-coronary-syndrome', { observations: [acsType('STEMI')], procedures: [pci(80, 100)] }, { died: true }), 'num'],
    ]);
  });

  it('acs-cag-72h: NSTE-ACS with angiography within 72 h of arrival', () => {
    const nste = (type: string, procedures: ProcedureFact[], facts: Partial<CaseFacts> = {}) =>
      registryCase('acute-coronary-syndrome', { observations: [acsType(type)], procedures, ...facts });
    expectLandings('acs-cag-72h', [
      ['NSTEMI, CAG at 20 h', nste('NSTEMI', [{ kind: 'cag', start: at(20 * HOUR) }]), 'num'],
      ['UA, PCI at 30 h', nste('UA', [pci(30 * HOUR, 30 * HOUR + 20)]), 'num'],
      ['NSTEMI, CAG at 80 h', nste('NSTEMI', [{ kind: 'cag', start: at(80 * HOUR) }]), 'den'],
      ['NSTEMI, no angiography', nste('NSTEMI', []), 'den'],
      ['NSTEMI, door time missing', nste('NSTEMI', [{ kind: 'cag', start: at(20 * HOUR) }], { arrivalAt: undefined }), 'excl'],
      ['STEMI', nste('STEMI', [{ kind: 'cag', start: at(90) }]), 'ip'],
    ]);
  });

  it('acs-dapt-discharge: two antiplatelet agents after PCI', () => {
    // YJ codes of the synthetic drug list: two aspirin products share the ingredient code 3399007.
    const aspirin = { code: '3399007H1021', classes: ['antiplatelet'] };
    const aspirinOtherProduct = { code: '3399007H1030', classes: ['antiplatelet'] };
    const prasugrel = { code: '3399009F1022', classes: ['antiplatelet'] };
    const statin = { code: '2189016F1027', classes: ['statin'] };
    const warfarin = { code: '3332001F1026', classes: ['anticoagulant'] };
    const afterPci = (medications: DischargeMedication[], rest: Partial<RegistryCase> = {}, facts: Partial<CaseFacts> = {}) =>
      registryCase(
        'acute-coronary-syndrome',
        { procedures: [pci(100, 120)], dischargeMedications: medications, dischargeDrugClasses: [...new Set(medications.flatMap((one) => one.classes))], ...facts },
        rest,
      );
    expectLandings('acs-dapt-discharge', [
      ['aspirin + prasugrel', afterPci([aspirin, prasugrel, statin]), 'num'],
      ['aspirin only', afterPci([aspirin, statin]), 'den'],
      ['aspirin twice (two products, one ingredient)', afterPci([aspirin, aspirinOtherProduct]), 'den'],
      ['on anticoagulant', afterPci([aspirin, prasugrel, warfarin]), 'excl'],
      ['transferred out', afterPci([aspirin, prasugrel], {}, { dischargeDestination: 'transfer-acute' }), 'excl'],
      ['died', afterPci([], { died: true }), 'ip'],
      ['no PCI', registryCase('acute-coronary-syndrome', { dischargeMedications: [aspirin, prasugrel], dischargeDrugClasses: ['antiplatelet'] }), 'ip'],
    ]);
  });

  it('acs-beta-blocker-hf-lowef and acs-acei-arb-hf-lowef: HF or LVEF < 40 %', () => {
    const acs = (observations: ObservationFact[], drugs: string[], rest: Partial<RegistryCase> = {}) =>
      registryCase('acute-coronary-syndrome', { observations, dischargeDrugClasses: drugs }, rest);
    const lowEf = acs([lvef(35)], ['beta-blocker', 'raas-inhibitor', 'arb']);
    const killip = acs([{ kind: 'killip', code: 'III' }, lvef(55)], ['acei', 'raas-inhibitor']);
    const hfDiagnosis = acs([lvef(50)], [], { diseases: ['acute-coronary-syndrome', 'acute-heart-failure'] });
    const normal = acs([lvef(55), { kind: 'killip', code: 'I' }], ['beta-blocker']);
    const noEchoRecorded = acs([], ['beta-blocker']);
    expectLandings('acs-beta-blocker-hf-lowef', [
      ['LVEF 35 with beta-blocker', lowEf, 'num'],
      ['Killip III without beta-blocker', killip, 'den'],
      ['HF diagnosis, nothing prescribed', hfDiagnosis, 'den'],
      ['LVEF 55, Killip I', normal, 'ip'],
      ['no LVEF or Killip recorded', noEchoRecorded, 'ip'],
      ['LVEF 35, died', acs([lvef(35)], [], { died: true }), 'ip'],
    ]);
    expectLandings('acs-acei-arb-hf-lowef', [
      ['LVEF 35 with ARB', lowEf, 'num'],
      ['Killip III with ACE-i', killip, 'num'],
      ['HF diagnosis, nothing prescribed', hfDiagnosis, 'den'],
    ]);
  });

  it('acs-statin-discharge and mortality-acute-coronary-syndrome', () => {
    const withStatin = registryCase('acute-coronary-syndrome', { dischargeDrugClasses: ['statin'] });
    const without = registryCase('acute-coronary-syndrome');
    const transferred = registryCase('acute-coronary-syndrome', { dischargeDestination: 'transfer-acute' });
    const died = registryCase('acute-coronary-syndrome', { dischargeDestination: 'death' }, { died: true });
    expectLandings('acs-statin-discharge', [
      ['statin', withStatin, 'num'],
      ['no statin', without, 'den'],
      ['transferred out', transferred, 'excl'],
      ['died', died, 'ip'],
    ]);
    expectLandings('mortality-acute-coronary-syndrome', [
      ['alive', withStatin, 'den'],
      ['died', died, 'num'],
      ['transferred out', transferred, 'excl'],
    ]);
  });
});

describe('cerebral infarction indicators', () => {
  const ivt = (minutes: number): ProcedureFact => ({ kind: 'ivt', start: at(minutes) });
  const stroke = (facts: Partial<CaseFacts>, rest: Partial<RegistryCase> = {}) => registryCase('cerebral-infarction', facts, rest);

  it('stroke-ivt-4-5h: arrivals within 4.5 h of onset, thrombolysed within 4.5 h', () => {
    expectLandings('stroke-ivt-4-5h', [
      ['needle at 2 h', stroke({ procedures: [ivt(120)] }), 'num'],
      ['needle at 4 h 30 min exactly', stroke({ arrivalAt: at(200), procedures: [ivt(270)] }), 'num'],
      ['needle at 4 h 40 min', stroke({ arrivalAt: at(200), procedures: [ivt(280)] }), 'den'],
      ['no IVT', stroke({}), 'den'],
      ['last known well only, needle within 4.5 h of it', stroke({ onset: { status: 'last-known-well', lastKnownWell: at(0) }, procedures: [ivt(150)] }), 'num'],
      ['arrival at 6 h', stroke({ arrivalAt: at(6 * HOUR) }), 'ip'],
      ['onset and last known well unknown', stroke({ onset: { status: 'unknown' }, procedures: [ivt(120)] }), 'ip'],
      ['transferred in (drip and ship)', stroke({ transferredIn: true, procedures: [ivt(120)] }), 'excl'],
      ['in-hospital onset', stroke({ onset: { at: at(0), inHospital: true }, procedures: [ivt(45)] }), 'excl'],
    ]);
  });

  it('stroke-door-to-needle and stroke-door-to-puncture', () => {
    const puncture = (minutes: number): ProcedureFact => ({ kind: 'thrombectomy', start: at(minutes) });
    expectLandings('stroke-door-to-needle', [
      ['needle 60 min after door', stroke({ procedures: [ivt(120)] }), 'num'],
      ['needle 61 min after door', stroke({ procedures: [ivt(121)] }), 'den'],
      ['needle time missing', stroke({ procedures: [{ kind: 'ivt' }] }), 'excl'],
      ['door time missing', stroke({ arrivalAt: undefined, procedures: [ivt(120)] }), 'excl'],
      ['transferred in', stroke({ transferredIn: true, procedures: [ivt(80)] }), 'excl'],
      ['no IVT', stroke({ procedures: [puncture(100)] }), 'ip'],
    ]);
    expectLandings('stroke-door-to-puncture', [
      ['puncture 85 min after door', stroke({ procedures: [ivt(100), puncture(145)] }), 'num'],
      ['puncture 2 h after door', stroke({ procedures: [puncture(180)] }), 'den'],
      ['in-hospital onset', stroke({ onset: { at: at(0), inHospital: true }, procedures: [puncture(90)] }), 'excl'],
      ['puncture time missing', stroke({ procedures: [{ kind: 'thrombectomy' }] }), 'excl'],
    ]);
  });

  it('discharge prescriptions: antithrombotic, anticoagulant for AF, statin', () => {
    const af = ['I10', 'I489'];
    expectLandings('stroke-antithrombotic-discharge', [
      ['antiplatelet', stroke({ dischargeDrugClasses: ['antiplatelet'] }), 'num'],
      ['anticoagulant', stroke({ dischargeDrugClasses: ['anticoagulant'] }), 'num'],
      ['statin only', stroke({ dischargeDrugClasses: ['statin'] }), 'den'],
      ['transferred out', stroke({ dischargeDestination: 'transfer-acute' }), 'excl'],
      ['died', stroke({}, { died: true }), 'ip'],
    ]);
    expectLandings('stroke-anticoagulant-af', [
      ['AF with anticoagulant', stroke({ comorbidities: af, dischargeDrugClasses: ['anticoagulant'] }), 'num'],
      ['AF with antiplatelet only', stroke({ comorbidities: af, dischargeDrugClasses: ['antiplatelet'] }), 'den'],
      ['no AF', stroke({ comorbidities: ['I10'], dischargeDrugClasses: ['anticoagulant'] }), 'ip'],
      ['AF, died', stroke({ comorbidities: af }, { died: true }), 'ip'],
    ]);
    expectLandings('stroke-statin-discharge', [
      ['statin', stroke({ dischargeDrugClasses: ['antiplatelet', 'statin'] }), 'num'],
      ['no statin', stroke({ dischargeDrugClasses: ['antiplatelet'] }), 'den'],
    ]);
  });
});

describe('heart failure indicators (LVEF < 40 %)', () => {
  const hf = (value: number | undefined, drugs: string[], rest: Partial<RegistryCase> = {}, facts: Partial<CaseFacts> = {}) =>
    registryCase('acute-heart-failure', { observations: value === undefined ? [] : [lvef(value)], dischargeDrugClasses: drugs, ...facts }, rest);

  it('counts each drug class among survivors with LVEF < 40 %', () => {
    const full = hf(30, ['beta-blocker', 'raas-inhibitor', 'arni', 'mra', 'sglt2i']);
    const bbOnly = hf(25, ['beta-blocker']);
    const aceiOnly = hf(39, ['raas-inhibitor', 'acei']);
    const preserved = hf(55, ['beta-blocker']);
    const boundary = hf(40, []);
    const noEcho = hf(undefined, []);
    const died = hf(20, [], { died: true });
    const transferred = hf(20, ['beta-blocker'], {}, { dischargeDestination: 'transfer-acute' });
    for (const id of ['hf-beta-blocker-lowef', 'hf-raas-inhibitor-lowef', 'hf-mra-lowef', 'hf-sglt2i-lowef', 'hf-bb-acei-lowef']) {
      expectLandings(id, [
        ['full therapy', full, 'num'],
        ['LVEF 55', preserved, 'ip'],
        ['LVEF exactly 40', boundary, 'ip'],
        ['no LVEF recorded', noEcho, 'ip'],
        ['died', died, 'ip'],
        ['transferred out', transferred, 'excl'],
      ]);
    }
    expectLandings('hf-beta-blocker-lowef', [['beta-blocker only', bbOnly, 'num'], ['ACE-i only', aceiOnly, 'den']]);
    expectLandings('hf-raas-inhibitor-lowef', [['beta-blocker only', bbOnly, 'den'], ['ACE-i only', aceiOnly, 'num']]);
    expectLandings('hf-bb-acei-lowef', [['beta-blocker only', bbOnly, 'den'], ['ACE-i only', aceiOnly, 'den']]);
    expectLandings('hf-mra-lowef', [['beta-blocker only', bbOnly, 'den']]);
    expectLandings('hf-sglt2i-lowef', [['ACE-i only', aceiOnly, 'den']]);
  });
});

describe('in-hospital mortality', () => {
  it('has one Measure per disease, counting deaths among non-transferred cases', () => {
    for (const disease of ['cerebral-infarction', 'intracerebral-hemorrhage', 'subarachnoid-hemorrhage', 'acute-coronary-syndrome', 'acute-aortic-dissection', 'acute-heart-failure']) {
      const others = disease === 'acute-aortic-dissection' ? 'acute-heart-failure' : 'acute-aortic-dissection';
      expectLandings(`mortality-${disease}`, [
        ['died', registryCase(disease, { dischargeDestination: 'death' }, { died: true }), 'num'],
        ['died with no destination recorded', registryCase(disease, { dischargeDestination: undefined }, { died: true }), 'num'],
        ['home', registryCase(disease), 'den'],
        ['transferred out', registryCase(disease, { dischargeDestination: 'transfer-acute' }), 'excl'],
        ['another disease', registryCase(others, {}, { died: true }), 'none'],
        ['secondary diagnosis only', registryCase(others, {}, { died: true, diseases: [others, disease] }), 'none'],
      ]);
    }
  });
});
