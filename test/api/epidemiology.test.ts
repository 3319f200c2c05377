import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FhirRequest } from '../../src/fhir/context.js';
import { FhirError } from '../../src/fhir/outcome.js';
import { epidemiology } from '../../src/fhir/operation/epidemiology.js';
import type { Principal } from '../../src/security/token-service.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();
const POPULATION = join(PROJECT_ROOT, 'test/fixtures/epidemiology/population.csv');
const PERIOD = 'period-start=2025-01-01&period-end=2025-03-31';
const HOSPITAL_TOKYO = '1310000001';
const HOSPITAL_SAPPORO = '0110000001';

interface CaseRow {
  hospital: string;
  residence: string | null;
  sex: string;
  age: number;
  disease: string | null;
  admittedAt: string;
  patientId?: string;
}

let caseNumber = 0;
/** Registry cases as the case derivation stores them (only the columns epidemiology reads carry meaning here). */
async function insertCases(count: number, row: CaseRow): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = `enc-${++caseNumber}`;
    await api.runtime.db.query(
      `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, hospital_prefecture, patient_id,
                                  patient_prefecture, sex, age_at_admission, diseases, principal_disease, admitted_at, died, facts)
       VALUES ($1, $1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, '{}'::jsonb)`,
      [id, row.hospital, row.hospital.slice(0, 2), row.patientId ?? `patient-${caseNumber}`, row.residence, row.sex, row.age, row.disease ? [row.disease] : [], row.disease, row.admittedAt],
    );
  }
}

beforeAll(async () => {
  const tokyo = { hospital: HOSPITAL_TOKYO, residence: '13' };
  const sapporo = { hospital: HOSPITAL_SAPPORO, residence: '01' };
  await insertCases(25, { ...tokyo, sex: 'male', age: 65, disease: 'acute-coronary-syndrome', admittedAt: '2025-01-10T09:00:00+09:00' });
  await insertCases(1, { ...tokyo, sex: 'male', age: 65, disease: 'acute-coronary-syndrome', admittedAt: '2025-01-11T09:00:00+09:00', patientId: 'patient-permit' });
  await insertCases(2, { ...tokyo, sex: 'male', age: 65, disease: 'acute-coronary-syndrome', admittedAt: '2025-01-12T09:00:00+09:00', patientId: 'patient-deny' });
  await insertCases(3, { ...tokyo, sex: 'female', age: 72, disease: 'acute-coronary-syndrome', admittedAt: '2025-01-20T09:00:00+09:00' });
  await insertCases(12, { ...tokyo, sex: 'female', age: 62, disease: 'acute-coronary-syndrome', admittedAt: '2025-02-03T09:00:00+09:00' });
  await insertCases(15, { ...sapporo, sex: 'male', age: 55, disease: 'cerebral-infarction', admittedAt: '2025-03-05T09:00:00+09:00' });
  // Midnight of 1 April in Japan is still 31 March in UTC: outside the period, as months and days are Japan time.
  await insertCases(11, { ...sapporo, sex: 'female', age: 81, disease: 'cerebral-infarction', admittedAt: '2025-03-31T23:30:00+09:00' });
  await insertCases(1, { ...sapporo, sex: 'female', age: 81, disease: 'cerebral-infarction', admittedAt: '2025-04-01T00:10:00+09:00' });
  // Tokyo residents treated in Sapporo: by residence they are Tokyo's.
  await insertCases(4, { ...sapporo, residence: '13', sex: 'male', age: 58, disease: 'cerebral-infarction', admittedAt: '2025-02-14T09:00:00+09:00' });
  await insertCases(5, { ...tokyo, sex: 'male', age: 70, disease: 'acute-coronary-syndrome', admittedAt: '2024-12-20T09:00:00+09:00' });
  await insertCases(1, { ...tokyo, sex: 'male', age: 70, disease: null, admittedAt: '2025-01-20T09:00:00+09:00' });
  await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id) VALUES ('patient-deny', 'deny', 'c1'), ('patient-permit', 'permit', 'c2')`);
});

afterEach(() => {
  delete process.env.EPI_POPULATION_FILE;
  delete process.env.EPI_MIN_CELL_COUNT;
});

type Cell = Record<string, string | number | boolean | undefined>;

/** The Parameters answer as plain cells ({disease, prefecture, ..., count, suppressed, rate}) and its other parts. */
function read(parameters: fhir4.Parameters) {
  const cells: Cell[] = [];
  for (const parameter of parameters.parameter ?? []) {
    if (parameter.name !== 'cell') continue;
    const cell: Cell = {};
    for (const part of parameter.part ?? []) {
      cell[part.name] = part.valueCoding?.code ?? part.valueCode ?? part.valueString ?? part.valueInteger ?? part.valueBoolean ?? part.valueDecimal;
    }
    cells.push(cell);
  }
  const named = (name: string) => parameters.parameter?.find((parameter) => parameter.name === name);
  return { cells, total: named('total')?.valueInteger, warnings: (named('outcome')?.resource as fhir4.OperationOutcome | undefined)?.issue ?? [] };
}

async function get(query: string, expectStatus = 200) {
  const response = await api.http.get(`/fhir/$epidemiology?${query}`).expect(expectStatus);
  return response;
}

describe('$epidemiology counts', () => {
  it('counts cases by principal disease in the period, leaving out patients who denied consent', async () => {
    const { body } = await get(`${PERIOD}&group-by=disease`);
    expect(body.resourceType).toBe('Parameters');
    const { cells, total } = read(body);
    expect(cells).toEqual([
      { disease: 'cerebral-infarction', count: 30, suppressed: false },
      { disease: 'acute-coronary-syndrome', count: 41, suppressed: false },
    ].sort((a, b) => a.disease.localeCompare(b.disease)));
    expect(total).toBe(71);
    const coding = body.parameter.find((parameter: fhir4.ParametersParameter) => parameter.name === 'cell').part[0].valueCoding;
    expect(coding).toEqual({ system: 'http://jp-cvd-registry.org/fhir/CodeSystem/jp-cvd-disease-group', code: 'acute-coronary-syndrome', display: '急性冠症候群' });
  });

  it('counts a patient again once the decision is permit', async () => {
    await api.runtime.db.query(`UPDATE registry_consent SET decision = 'permit' WHERE patient_id = 'patient-deny'`);
    try {
      expect(read((await get(`${PERIOD}&disease=acute-coronary-syndrome&group-by=`)).body).total).toBe(43);
    } finally {
      await api.runtime.db.query(`UPDATE registry_consent SET decision = 'deny' WHERE patient_id = 'patient-deny'`);
    }
  });

  it("leaves out a person's cases at hospital B after a deny recorded at hospital A (linked records), until a later permit", async () => {
    const total = async () => read((await get(`${PERIOD}&disease=acute-coronary-syndrome&group-by=`)).body).total;
    const before = await total();
    await api.http.put('/fhir/Patient/epi-person-a').send({ resourceType: 'Patient', id: 'epi-person-a' }).expect(201);
    await api.http
      .put('/fhir/Patient/epi-person-b')
      .send({ resourceType: 'Patient', id: 'epi-person-b', link: [{ other: { reference: 'Patient/epi-person-a' }, type: 'seealso' }] })
      .expect(201);
    await insertCases(2, { hospital: HOSPITAL_SAPPORO, residence: '01', sex: 'male', age: 60, disease: 'acute-coronary-syndrome', admittedAt: '2025-02-20T09:00:00+09:00', patientId: 'epi-person-b' });
    expect(await total()).toBe(before! + 2);
    await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id, decided_at) VALUES ('epi-person-a', 'deny', 'c-a', '2025-03-01T00:00:00Z')`);
    try {
      expect(await total()).toBe(before);
      await api.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id, decided_at) VALUES ('epi-person-b', 'permit', 'c-b', '2025-04-01T00:00:00Z')`);
      expect(await total()).toBe(before! + 2);
    } finally {
      await api.runtime.db.query(`DELETE FROM registry_case WHERE patient_id = 'epi-person-b'`);
    }
  });

  it('groups by month in Japan time and by residence or hospital prefecture', async () => {
    expect(read((await get(`${PERIOD}&group-by=month`)).body).cells).toEqual([
      { month: '2025-01', count: 29, suppressed: false },
      { month: '2025-02', count: 16, suppressed: false },
      { month: '2025-03', count: 26, suppressed: false },
    ]);
    expect(read((await get(`${PERIOD}&group-by=prefecture`)).body).cells).toEqual([
      { prefecture: '01', count: 26, suppressed: false },
      { prefecture: '13', count: 45, suppressed: false },
    ]);
    expect(read((await get(`${PERIOD}&group-by=prefecture&prefecture-basis=hospital`)).body).cells).toEqual([
      { prefecture: '01', count: 30, suppressed: false },
      { prefecture: '13', count: 41, suppressed: false },
    ]);
  });

  it('bands ages in 10- or 5-year bands and suppresses small cells with a complement', async () => {
    const tenYear = read((await get(`${PERIOD}&group-by=age-band`)).body);
    // 70-79 holds 3 cases; 80-89 (11) is hidden with it so the total (71) does not give it away.
    expect(tenYear.cells).toEqual([
      { 'age-band': '50-59', count: 19, suppressed: false },
      { 'age-band': '60-69', count: 38, suppressed: false },
      { 'age-band': '70-79', suppressed: true },
      { 'age-band': '80-89', suppressed: true },
    ]);
    expect(tenYear.total).toBe(71);
    expect(tenYear.warnings.map((one) => one.diagnostics)).toContain(
      '2 cells are suppressed: counts from 1 to 9, and complementary cells that would let them be recovered from totals',
    );
    const fiveYear = read((await get(`${PERIOD}&group-by=age-band&age-band-width=5`)).body);
    expect(fiveYear.cells.map((cell) => cell['age-band'])).toEqual(['55-59', '60-64', '65-69', '70-74', '80-84']);
    expect(fiveYear.cells.filter((cell) => cell.suppressed).map((cell) => cell['age-band'])).toEqual(['70-74', '80-84']);
  });

  it('never leaves a hidden cell alone beside shown cells in a row or column of a cross-table', async () => {
    const { cells } = read((await get(`${PERIOD}&group-by=disease,prefecture,sex`)).body);
    const hidden = cells.filter((cell) => cell.suppressed);
    expect(hidden).toContainEqual({ disease: 'cerebral-infarction', prefecture: '13', sex: 'male', suppressed: true });
    expect(cells.every((cell) => cell.suppressed === (cell.count === undefined))).toBe(true);
    for (const dimension of ['disease', 'prefecture', 'sex']) {
      const lines = new Map<string, Cell[]>();
      for (const cell of cells) {
        const line = JSON.stringify(['disease', 'prefecture', 'sex'].filter((other) => other !== dimension).map((other) => cell[other]));
        lines.set(line, [...(lines.get(line) ?? []), cell]);
      }
      // A line may hold one hidden cell only if every other cell of it is zero (its total is then hidden too).
      for (const line of lines.values()) if (line.filter((cell) => cell.suppressed).length === 1) expect(line).toHaveLength(1);
    }
  });

  it('uses the configured threshold', async () => {
    process.env.EPI_MIN_CELL_COUNT = '31';
    const { cells, total } = read((await get(`${PERIOD}&group-by=disease`)).body);
    expect(cells.map((cell) => cell.suppressed)).toEqual([true, true]);
    expect(total).toBe(71);
  });
});

describe('$epidemiology rates', () => {
  it('omits rates without a population file and says so', async () => {
    const { cells, warnings } = read((await get(`${PERIOD}&group-by=prefecture`)).body);
    expect(cells.every((cell) => cell.rate === undefined)).toBe(true);
    expect(warnings).toContainEqual({
      severity: 'warning',
      code: 'informational',
      diagnostics: 'Crude rates are omitted: no population table is configured (EPI_POPULATION_FILE)',
    });
  });

  it('gives crude rates per 100,000 person-years from the population file', async () => {
    process.env.EPI_POPULATION_FILE = POPULATION;
    const { cells } = read((await get(`${PERIOD}&group-by=prefecture,sex`)).body);
    const tokyoMen = cells.find((cell) => cell.prefecture === '13' && cell.sex === 'male')!;
    // 19 five-year bands of 20,000 Tokyo men, over the 90 days of January to March 2025.
    const personYears = 19 * 20_000 * (90 / 365.25);
    expect(tokyoMen).toEqual({ prefecture: '13', sex: 'male', count: 30, suppressed: false, 'person-years': Math.round(personYears), rate: Math.round((30 / personYears) * 1e7) / 100 });
    const monthly = read((await get(`${PERIOD}&group-by=month&age-band-width=10`)).body).cells;
    const allPeople = 19 * (10_000 + 20_000 + 20_000 + 40_000);
    expect(monthly[1]).toMatchObject({ month: '2025-02', count: 16, 'person-years': Math.round(allPeople * (28 / 365.25)) });
  });

  it('gives no rate to cells it has no denominator for, and none for one hospital or by hospital prefecture', async () => {
    process.env.EPI_POPULATION_FILE = POPULATION;
    expect(read((await get(`${PERIOD}&group-by=age-band`)).body).cells.every((cell) => cell['person-years'] !== undefined)).toBe(true);
    const byHospital = read((await get(`${PERIOD}&group-by=prefecture&prefecture-basis=hospital`)).body);
    expect(byHospital.cells.every((cell) => cell.rate === undefined)).toBe(true);
    expect(byHospital.warnings[0].diagnostics).toMatch(/hospital's prefecture/);
  });

  it('answers counts with a warning when the population file is malformed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'epi-population-')), 'bad.csv');
    writeFileSync(file, 'prefecture,age_band,sex,population\n13,60-64,male,many\n');
    process.env.EPI_POPULATION_FILE = file;
    const { total, warnings } = read((await get(`${PERIOD}&group-by=`)).body);
    expect(total).toBe(71);
    expect(warnings[0].diagnostics).toMatch(/line 2: population must be a non-negative integer/);
  });
});

describe('$epidemiology CSV', () => {
  it('answers CSV for _format=text/csv and Accept: text/csv', async () => {
    process.env.EPI_POPULATION_FILE = POPULATION;
    const response = await get(`${PERIOD}&group-by=disease,sex&_format=text/csv`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.text.split('\r\n')).toEqual([
      'disease,sex,count,suppressed,person_years,rate_per_100000_person_years',
      expect.stringMatching(/^acute-coronary-syndrome,female,15,false,\d+,[\d.]+$/),
      expect.stringMatching(/^acute-coronary-syndrome,male,26,false,\d+,[\d.]+$/),
      expect.stringMatching(/^cerebral-infarction,female,11,false,\d+,[\d.]+$/),
      expect.stringMatching(/^cerebral-infarction,male,19,false,\d+,[\d.]+$/),
      '',
    ]);
    const byAccept = await api.http.get(`/fhir/$epidemiology?${PERIOD}&group-by=age-band`).set('Accept', 'text/csv').expect(200);
    expect(byAccept.text).toMatch(/\r\n70-79,,true,\d+,\r\n/);
    expect(byAccept.headers.warning).toMatch(/^299 jp-cvd-registry "2 cells are suppressed/);
  });

  it('keeps CSV to this operation and still refuses formats it does not serve', async () => {
    await api.http.get('/fhir/Patient?_format=text/csv').expect(406);
    const refused = await get(`${PERIOD}&_format=xml`, 406);
    expect(refused.body.issue[0].diagnostics).toBe('_format "xml" is not supported; this endpoint returns application/fhir+json, text/csv');
  });
});

describe('$epidemiology requests', () => {
  it.each([
    ['period-end=2025-03-31', 'period-start is required as a date YYYY-MM-DD'],
    ['period-start=2025-04-01&period-end=2025-03-31', 'period-end is before period-start'],
    [`${PERIOD}&disease=stroke`, 'disease "stroke" is not a code of'],
    [`${PERIOD}&group-by=hospital`, 'group-by "hospital" is not one of disease, prefecture, age-band, sex, month'],
    [`${PERIOD}&age-band-width=7`, 'age-band-width must be 5 or 10'],
    [`${PERIOD}&prefecture-basis=birthplace`, 'prefecture-basis must be residence or hospital'],
    [`${PERIOD}&period-start=2025-01-01`, 'Parameter "period-start" is repeated'],
    [`${PERIOD}&stratify=sex`, 'Unknown parameter "stratify"'],
    [`${PERIOD}&hospital=13`, 'hospital must be a 10-digit medical institution code'],
  ])('refuses %s with 400', async (query, message) => {
    const { body } = await get(query, 400);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0].diagnostics).toContain(message);
  });
});

describe('$epidemiology roles', () => {
  const principal = (role: Principal['role'], hospitalCode?: string): Principal => ({ clientId: `${role}-client`, role, scopes: [], ...(hospitalCode ? { hospitalCode } : {}) });
  const call = (who: Principal, query: string) => {
    const request: FhirRequest = { method: 'GET', baseUrl: 'http://fhir.test/fhir', query: [...new URLSearchParams(`${PERIOD}&${query}`)], headers: {}, principal: who };
    return epidemiology(api.runtime.context, request);
  };
  const totalOf = async (who: Principal, query: string) => read((await call(who, query)).body as fhir4.Parameters).total;
  const status = (promise: Promise<unknown>) => promise.then(() => 200, (error: FhirError) => error.status);

  it('gives registry staff and researchers every hospital; staff may ask for one hospital', async () => {
    expect(await totalOf(principal('registry-staff'), 'group-by=')).toBe(71);
    expect(await totalOf(principal('researcher'), 'group-by=')).toBe(71);
    expect(await totalOf(principal('registry-staff'), `group-by=&hospital=${HOSPITAL_SAPPORO}`)).toBe(30);
    expect(await status(call(principal('researcher'), `hospital=${HOSPITAL_SAPPORO}`))).toBe(403);
  });

  it("gives a hospital client its own cases only and refuses another hospital's", async () => {
    const tokyo = principal('hospital', HOSPITAL_TOKYO);
    expect(await totalOf(tokyo, 'group-by=')).toBe(41);
    expect(await totalOf(tokyo, `group-by=&hospital=${HOSPITAL_TOKYO}`)).toBe(41);
    expect(await status(call(tokyo, `hospital=${HOSPITAL_SAPPORO}`))).toBe(403);
  });

  it('refuses administrators', async () => {
    expect(await status(call(principal('administrator'), 'group-by='))).toBe(403);
  });
});

describe('$epidemiology on ingested discharge summaries', () => {
  const ingested = useTestApi();
  const generated = { ...DEFAULT_OPTIONS, admissions: 30, hospitals: 3, seed: 'epidemiology', startDate: '2025-01-01', periodDays: 60 };
  const period = 'period-start=2025-01-01&period-end=2025-12-31';

  beforeAll(async () => {
    for (const { bundle } of generateAdmissions(generated)) {
      await ingested.http.post('/fhir/Bundle').set('content-type', 'application/fhir+json').send(bundle);
    }
  }, 300_000);

  it('counts the cases that document ingest derived, by disease, and leaves out a patient who refused', async () => {
    const { rows } = await ingested.runtime.db.query<{ principal_disease: string; patient_id: string }>(
      `SELECT principal_disease, patient_id FROM registry_case WHERE principal_disease IS NOT NULL ORDER BY encounter_id`,
    );
    expect(rows.length).toBeGreaterThan(20);
    process.env.EPI_MIN_CELL_COUNT = '1';
    const all = read((await ingested.http.get(`/fhir/$epidemiology?${period}&group-by=disease`).expect(200)).body);
    expect(all.total).toBe(rows.length);
    for (const cell of all.cells) expect(cell.count).toBe(rows.filter((row) => row.principal_disease === cell.disease).length);

    const refusing = rows[0].patient_id;
    await ingested.runtime.db.query(`INSERT INTO registry_consent (patient_id, decision, consent_id) VALUES ($1, 'deny', 'refusal')`, [refusing]);
    const left = read((await ingested.http.get(`/fhir/$epidemiology?${period}&group-by=`).expect(200)).body);
    expect(left.total).toBe(rows.filter((row) => row.patient_id !== refusing).length);
  });
});
