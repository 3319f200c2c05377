/**
 * Indicator operations end to end: generated discharge summaries ingested through POST /fhir/Bundle (their cases
 * derived at ingest) and hand-built registry_case rows with known populations; consent opt-out, re-derivation,
 * periods, hospitals, client roles and refused requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirRequest } from '../../src/fhir/context.js';
import { evaluateMeasure } from '../../src/fhir/operation/evaluate-measure.js';
import { FhirError } from '../../src/fhir/outcome.js';
import type { CaseFacts } from '../../src/registry/cases/model.js';
import { refreshResults } from '../../src/registry/indicators/case-results.js';
import { indicatorSet } from '../../src/registry/indicators/definitions.js';
import { DEFAULT_OPTIONS, generateAdmissions, type GeneratedAdmission } from '../../src/registry/synthetic/index.js';
import type { Principal } from '../../src/security/token-service.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();
const FHIR = 'application/fhir+json';
const HOSPITAL_A = '1310000001';
const HOSPITAL_B = '0110000001';
/** Hand-built cases are discharged in March 2030, away from the generated ones (2024-2025). */
const MARCH_2030 = 'periodStart=2030-03-01&periodEnd=2030-03-31';

type Counts = Record<'initial-population' | 'denominator' | 'denominator-exclusion' | 'numerator', number>;

function countsOf(report: fhir4.MeasureReport): Counts & { score?: number } {
  const counts = Object.fromEntries(report.group![0].population!.map((population) => [population.code!.coding![0].code, population.count])) as Counts;
  return { ...counts, score: report.group![0].measureScore?.value };
}

let caseNumber = 0;
async function insertCase(hospital: string, disease: string, facts: Partial<CaseFacts>, options: { died?: boolean; patientId?: string; dischargedAt?: string } = {}) {
  const id = `hand-${++caseNumber}`;
  const full: CaseFacts = { transferredIn: false, procedures: [], dischargeDrugClasses: [], dischargeMedications: [], observations: [], comorbidities: [], ...facts };
  await api.runtime.db.query(
    `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, patient_id, diseases, principal_disease,
                                admitted_at, discharged_at, died, facts)
     VALUES ($1, $1, $1, $2, $3, $4, $5, '2030-03-01T10:00:00+09:00', $6, $7, $8)`,
    [id, hospital, options.patientId ?? `patient-${id}`, [disease], disease, options.dischargedAt ?? '2030-03-15T10:00:00+09:00', options.died ?? false, JSON.stringify(full)],
  );
  return id;
}

const stemi = (doorToBalloonMinutes: number | undefined, extra: Partial<CaseFacts> = {}): Partial<CaseFacts> => ({
  onset: { at: '2030-03-01T09:00:00+09:00' },
  arrivalAt: '2030-03-01T10:00:00+09:00',
  observations: [{ kind: 'acs-type', code: 'STEMI' }],
  procedures: [
    {
      kind: 'pci',
      start: '2030-03-01T10:20:00+09:00',
      ...(doorToBalloonMinutes !== undefined ? { firstDeviceAt: new Date(Date.parse('2030-03-01T10:00:00+09:00') + doorToBalloonMinutes * 60_000).toISOString() } : {}),
    },
  ],
  ...extra,
});

async function report(path: string): Promise<fhir4.MeasureReport> {
  const response = await api.http.get(`/fhir/Measure/${path}`).set('Accept', FHIR);
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
  return response.body;
}

let generated: GeneratedAdmission[] = [];

beforeAll(async () => {
  // Hospital A: 4 STEMI with PCI in the door-to-balloon denominator (3 within 90 min), one transferred in, one
  // without a first-device time, one of an opted-out patient; hospital B: 2 STEMI, 1 within 90 min.
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(60));
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(85));
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(90), { died: true });
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(140));
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(50, { transferredIn: true }));
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(undefined));
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', stemi(40), { patientId: 'patient-opted-out' });
  await insertCase(HOSPITAL_A, 'acute-coronary-syndrome', { observations: [{ kind: 'acs-type', code: 'NSTEMI' }] });
  await insertCase(HOSPITAL_A, 'cerebral-infarction', { arrivalAt: '2030-03-02T10:00:00+09:00', procedures: [{ kind: 'ivt', start: '2030-03-02T10:45:00+09:00' }] });
  await insertCase(HOSPITAL_B, 'acute-coronary-syndrome', stemi(70));
  await insertCase(HOSPITAL_B, 'acute-coronary-syndrome', stemi(95));
  // Discharged on 1 April 2030 00:10 in Japan (31 March in UTC): outside March, as periods are Japanese days.
  await insertCase(HOSPITAL_B, 'acute-coronary-syndrome', stemi(30), { dischargedAt: '2030-04-01T00:10:00+09:00' });
  await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id) VALUES ('patient-opted-out', 'deny', 'consent-1')`);

  // Insurance numbers on every registration: JP_Patient_eCS requires one, and ingest validates.
  generated = [
    ...generateAdmissions({
      ...DEFAULT_OPTIONS,
      admissions: 10,
      hospitals: 3,
      seed: 'indicators-api',
      insuranceShare: 1,
      variantRates: { ...DEFAULT_OPTIONS.variantRates, insuranceMissing: 0 },
    }),
  ];
  for (const { bundle } of generated) {
    const response = await api.http.post('/fhir/Bundle').set('Content-Type', FHIR).send(bundle);
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(201);
  }
}, 300_000);

describe('$evaluate-measure on hand-built cases', () => {
  it('counts door-to-balloon for all hospitals and for one, leaving out the opted-out patient', async () => {
    const national = countsOf(await report(`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}`));
    expect(national).toEqual({ 'initial-population': 9, denominator: 8, 'denominator-exclusion': 2, numerator: 4, score: 0.666667 });
    const hospitalA = await report(`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&hospital=${HOSPITAL_A}`);
    expect(countsOf(hospitalA)).toEqual({ 'initial-population': 7, denominator: 6, 'denominator-exclusion': 2, numerator: 3, score: 0.75 });
    expect(hospitalA).toMatchObject({
      resourceType: 'MeasureReport',
      status: 'complete',
      type: 'summary',
      measure: 'http://jp-cvd-registry.org/fhir/Measure/acs-door-to-balloon',
      period: { start: '2030-03-01', end: '2030-03-31' },
      reporter: { identifier: { value: HOSPITAL_A } },
      improvementNotation: { coding: [{ code: 'increase' }] },
    });
  });

  it('omits the score when nothing is left to score, and lists subjects on request', async () => {
    const none = await report(`acs-door-to-balloon/$evaluate-measure?periodStart=2031-01-01&periodEnd=2031-01-31`);
    expect(countsOf(none)).toEqual({ 'initial-population': 0, denominator: 0, 'denominator-exclusion': 0, numerator: 0, score: undefined });
    const list = await report(`mortality-acute-coronary-syndrome/$evaluate-measure?${MARCH_2030}&hospital=${HOSPITAL_A}&reportType=subject-list`);
    expect(list.type).toBe('subject-list');
    expect(countsOf(list)).toMatchObject({ 'initial-population': 7, numerator: 1 });
    const numerator = list.group![0].population!.find((population) => population.code!.coding![0].code === 'numerator')!;
    const contained = list.contained!.find((resource) => `#${resource.id}` === numerator.subjectResults!.reference) as fhir4.List;
    expect(contained.entry).toHaveLength(1);
    expect(contained.entry![0].item.reference).toMatch(/^Patient\/patient-hand-/);
    expect(JSON.stringify(list)).not.toContain('patient-opted-out');
  });

  it('re-evaluates a case only once it is re-derived', async () => {
    const before = countsOf(await report(`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&hospital=${HOSPITAL_B}`));
    expect(before).toMatchObject({ denominator: 2, numerator: 1 });
    const march = { start: '2030-03-01T00:00:00+09:00', end: '2030-04-01T00:00:00+09:00' };
    const indicators = indicatorSet(api.runtime.context.conformance);
    expect(await refreshResults(api.runtime.context.store, indicators, march)).toBe(0);
    await api.runtime.db.query(
      `UPDATE registry_case SET facts = jsonb_set(facts, '{procedures,0,firstDeviceAt}', '"2030-03-01T02:20:00Z"'), derived_at = now()
        WHERE hospital_code = $1 AND facts->'procedures'->0->>'firstDeviceAt' = '2030-03-01T02:35:00.000Z'`,
      [HOSPITAL_B],
    );
    expect(await refreshResults(api.runtime.context.store, indicators, march)).toBe(1);
    const after = countsOf(await report(`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&hospital=${HOSPITAL_B}`));
    expect(after).toMatchObject({ denominator: 2, numerator: 2 });
  });

  it('evaluates every Measure at type level', async () => {
    const response = await api.http.get(`/fhir/Measure/$evaluate-measure?${MARCH_2030}&hospital=${HOSPITAL_A}`).set('Accept', FHIR);
    expect(response.status).toBe(200);
    const bundle = response.body as fhir4.Bundle;
    expect(bundle.type).toBe('collection');
    expect(bundle.entry).toHaveLength(24);
    const byMeasure = new Map(bundle.entry!.map((entry) => [(entry.resource as fhir4.MeasureReport).measure, countsOf(entry.resource as fhir4.MeasureReport)]));
    expect(byMeasure.get('http://jp-cvd-registry.org/fhir/Measure/stroke-door-to-needle')).toEqual({ 'initial-population': 1, denominator: 1, 'denominator-exclusion': 0, numerator: 1, score: 1 });
    // The NSTEMI case has no door time: excluded, so nothing is left to score.
    expect(byMeasure.get('http://jp-cvd-registry.org/fhir/Measure/acs-cag-72h')).toEqual({ 'initial-population': 7, denominator: 1, 'denominator-exclusion': 1, numerator: 0, score: undefined });
  });

  it('accepts POST with a Parameters body', async () => {
    const response = await api.http
      .post('/fhir/Measure/acs-door-to-balloon/$evaluate-measure')
      .set('Content-Type', FHIR)
      .send({
        resourceType: 'Parameters',
        parameter: [
          { name: 'periodStart', valueDate: '2030-03-01' },
          { name: 'periodEnd', valueDate: '2030-03-31' },
          { name: 'hospital', valueString: HOSPITAL_A },
        ],
      });
    expect(response.status).toBe(200);
    expect(countsOf(response.body)).toMatchObject({ denominator: 6, numerator: 3 });
  });

  it.each([
    ['acs-door-to-balloon/$evaluate-measure?periodStart=2030-03-01', 400, /periodStart and periodEnd are required/],
    ['acs-door-to-balloon/$evaluate-measure?periodStart=2030-13-01&periodEnd=2030-12-31', 400, /not a valid date/],
    ['acs-door-to-balloon/$evaluate-measure?periodStart=2030-03-31&periodEnd=2030-03-01', 400, /before periodStart/],
    [`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&hospital=13100`, 400, /10-digit/],
    [`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&subject=Patient/1`, 400, /subject is not supported/],
    [`acs-door-to-balloon/$evaluate-measure?${MARCH_2030}&reportType=population`, 400, /reportType population/],
    [`$evaluate-measure?${MARCH_2030}&reportType=subject-list`, 400, /reportType subject-list/],
    [`no-such-indicator/$evaluate-measure?${MARCH_2030}`, 404, /not one of the registry's indicators/],
  ])('refuses %s with %i', async (path, status, message) => {
    const response = await api.http.get(`/fhir/Measure/${path}`).set('Accept', FHIR);
    expect(response.status).toBe(status);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(response.body.issue[0].diagnostics).toMatch(message);
  });
});

describe('consent per person across linked records', () => {
  const MAY_2030 = 'periodStart=2030-05-01&periodEnd=2030-05-31';
  const mortality = async () => countsOf(await report(`mortality-acute-coronary-syndrome/$evaluate-measure?${MAY_2030}&hospital=${HOSPITAL_B}`));

  it("leaves out the case at hospital B of a person who opted out at hospital A, until a later permit", async () => {
    // The person's record at B links to their record at A; the link is recorded on B's side only.
    await api.http.put('/fhir/Patient/person-at-a').send({ resourceType: 'Patient', id: 'person-at-a' }).expect(201);
    await api.http
      .put('/fhir/Patient/person-at-b')
      .send({ resourceType: 'Patient', id: 'person-at-b', link: [{ other: { reference: 'Patient/person-at-a' }, type: 'seealso' }] })
      .expect(201);
    await insertCase(HOSPITAL_B, 'acute-coronary-syndrome', {}, { patientId: 'person-at-b', dischargedAt: '2030-05-10T10:00:00+09:00', died: true });
    await insertCase(HOSPITAL_B, 'acute-coronary-syndrome', {}, { dischargedAt: '2030-05-11T10:00:00+09:00' });
    expect(await mortality()).toMatchObject({ 'initial-population': 2, numerator: 1 });

    await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id, decided_at) VALUES ('person-at-a', 'deny', 'consent-a', '2030-06-01T00:00:00Z')`);
    expect(await mortality()).toMatchObject({ 'initial-population': 1, numerator: 0 });

    // An earlier permit at B does not outweigh the later deny at A; a later one does.
    await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id, decided_at) VALUES ('person-at-b', 'permit', 'consent-b', '2030-05-20T00:00:00Z')`);
    expect(await mortality()).toMatchObject({ 'initial-population': 1 });
    await api.runtime.db.query(`UPDATE registry_consent SET decided_at = '2030-07-01T00:00:00Z' WHERE patient_id = 'person-at-b'`);
    expect(await mortality()).toMatchObject({ 'initial-population': 2, numerator: 1 });
  });
});

describe('who may evaluate what', () => {
  const principal = (role: Principal['role'], hospitalCode?: string): Principal => ({ clientId: `client-${role}`, role, hospitalCode, scopes: [] });
  const evaluate = (who: Principal, query: string) => {
    const request: FhirRequest = {
      method: 'GET',
      baseUrl: 'http://fhir.test/fhir',
      id: 'acs-door-to-balloon',
      query: [...new URLSearchParams(`${MARCH_2030}${query}`)],
      headers: {},
      principal: who,
    };
    return evaluateMeasure(api.runtime.context, request);
  };
  const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: FhirError) => error.status);

  it('lets a hospital see itself and the nation, not another hospital or national patient lists', async () => {
    const own = principal('hospital', HOSPITAL_A);
    expect((await evaluate(own, `&hospital=${HOSPITAL_A}&reportType=subject-list`)).status).toBe(200);
    expect((await evaluate(own, '')).status).toBe(200);
    expect(await refusal(evaluate(own, `&hospital=${HOSPITAL_B}`))).toBe(403);
    expect(await refusal(evaluate(own, '&reportType=subject-list'))).toBe(403);
  });

  it('lets registry staff see any hospital, researchers national summaries only', async () => {
    expect((await evaluate(principal('registry-staff'), `&hospital=${HOSPITAL_B}&reportType=subject-list`)).status).toBe(200);
    expect((await evaluate(principal('researcher'), '')).status).toBe(200);
    expect(await refusal(evaluate(principal('researcher'), `&hospital=${HOSPITAL_B}`))).toBe(403);
  });
});

describe('checklist and care listing', () => {
  const part = (parameter: fhir4.ParametersParameter, name: string) => parameter.part!.find((one) => one.name === name);

  it('puts the hospital beside the national rate for every indicator', async () => {
    const response = await api.http.get(`/fhir/Organization/$indicator-checklist?hospital=${HOSPITAL_B}&${MARCH_2030}`).set('Accept', FHIR);
    expect(response.status).toBe(200);
    const indicators = (response.body as fhir4.Parameters).parameter!.filter((parameter) => parameter.name === 'indicator');
    expect(indicators).toHaveLength(24);
    const doorToBalloon = indicators.find((parameter) => part(parameter, 'code')?.valueCode === 'acs-door-to-balloon')!;
    expect(part(doorToBalloon, 'disease')?.valueCode).toBe('acute-coronary-syndrome');
    expect(part(doorToBalloon, 'hospitalDenominator')?.valueInteger).toBe(2);
    expect(part(doorToBalloon, 'hospitalRate')?.valueDecimal).toBe(1);
    expect(part(doorToBalloon, 'nationalDenominator')?.valueInteger).toBe(8);
    expect(part(doorToBalloon, 'nationalRate')?.valueDecimal).toBeCloseTo(5 / 6, 5);
    const needle = indicators.find((parameter) => part(parameter, 'code')?.valueCode === 'stroke-door-to-needle')!;
    expect(part(needle, 'hospitalRate')).toBeUndefined();
    expect(part(needle, 'nationalRate')?.valueDecimal).toBe(1);
  });

  it('lists cases per disease and treatments given', async () => {
    const response = await api.http.get(`/fhir/Organization/$care-listing?hospital=${HOSPITAL_A}&${MARCH_2030}`).set('Accept', FHIR);
    expect(response.status).toBe(200);
    const parameters = (response.body as fhir4.Parameters).parameter!;
    const diseases = parameters.filter((parameter) => parameter.name === 'disease');
    const acs = diseases.find((parameter) => part(parameter, 'code')?.valueCoding?.code === 'acute-coronary-syndrome')!;
    expect(part(acs, 'cases')?.valueInteger).toBe(7);
    expect(part(acs, 'deaths')?.valueInteger).toBe(1);
    expect(part(acs, 'code')?.valueCoding?.display).toBe('急性冠症候群');
    const procedures = parameters.filter((parameter) => parameter.name === 'procedure');
    expect(procedures.map((parameter) => [part(parameter, 'code')?.valueCoding?.code, part(parameter, 'procedures')?.valueInteger])).toEqual([
      ['ivt', 1],
      ['pci', 6],
    ]);
    const missing = await api.http.get(`/fhir/Organization/$care-listing?${MARCH_2030}`).set('Accept', FHIR);
    expect(missing.status).toBe(400);
  });
});

describe('indicators over ingested discharge summaries', () => {
  it('evaluates each case at ingest, so the first report has nothing left to evaluate', async () => {
    const { rows } = await api.runtime.db.query<{ cases: number; evaluated: number }>(
      `SELECT count(*)::int AS cases, count(e.encounter_id)::int AS evaluated
         FROM registry_case c LEFT JOIN registry_indicator_evaluation e ON e.encounter_id = c.encounter_id AND e.derived_at = c.derived_at
        WHERE c.encounter_id NOT LIKE 'hand-%'`,
    );
    expect(rows[0].cases).toBe(generated.length);
    expect(rows[0].evaluated).toBe(generated.length);
    const generatedYears = { start: '2024-01-01T00:00:00+09:00', end: '2027-01-01T00:00:00+09:00' };
    expect(await refreshResults(api.runtime.context.store, indicatorSet(api.runtime.context.conformance), generatedYears)).toBe(0);
  });

  it('counts each disease of the generated documents in its mortality Measure', async () => {
    const response = await api.http.get('/fhir/Measure/$evaluate-measure?periodStart=2024&periodEnd=2026').set('Accept', FHIR);
    expect(response.status).toBe(200);
    const reports = (response.body as fhir4.Bundle).entry!.map((entry) => entry.resource as fhir4.MeasureReport);
    for (const disease of new Set(generated.map(({ truth }) => truth.disease))) {
      const documents = generated.filter(({ truth }) => truth.disease === disease).map(({ bundle }) => bundle);
      const encounters = documents.map((bundle) => bundle.entry!.find((entry) => entry.resource?.resourceType === 'Encounter')!.resource as fhir4.Encounter);
      const deaths = encounters.filter((encounter) => ['6', '7'].includes(encounter.hospitalization?.dischargeDisposition?.coding?.[0]?.code ?? '')).length;
      const mortality = reports.find((one) => one.measure?.endsWith(`/mortality-${disease}`))!;
      expect(countsOf(mortality)['initial-population'], disease).toBe(documents.length);
      expect(countsOf(mortality).numerator, disease).toBe(deaths);
    }
  });
});
