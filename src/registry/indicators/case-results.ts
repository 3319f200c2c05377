import type { Queryable } from '../../db/database.js';
import type { ResourceStore } from '../../store/resource-store.js';
import { caseOfRow, type RegistryCaseRow } from '../cases/case-store.js';
import type { RegistryCase } from '../cases/model.js';
import { OPTED_OUT_PATIENT_IDS } from '../consent/opted-out-sql.js';
import type { IndicatorSet } from './definitions.js';
import { evaluateCase } from './evaluate.js';

/**
 * Which cases an indicator report covers: cases discharged in [start, end) (indicators are judged at discharge),
 * of one hospital or of all. People whose current registry Consent decision is 'deny' (the latest over their linked
 * records) are always left out.
 */
export interface IndicatorScope {
  start: string;
  end: string;
  hospitalCode?: string;
}

/** Population counts of one indicator; `hospitalCode` undefined for the national (all hospitals) row. */
export interface PopulationCounts {
  measureId: string;
  hospitalCode?: string;
  initialPopulation: number;
  denominator: number;
  exclusion: number;
  numerator: number;
}

/** Cases evaluated per round trip: bounds memory and transaction size while stale results are refreshed. */
const REFRESH_BATCH = 2000;

/**
 * Brings the stored per-case indicator results of the scope up to date, then counts. Criteria are evaluated in
 * FHIRPath once per case (and again only when the case is re-derived or the Measures change), so repeated reports
 * are SQL aggregates over registry_indicator_result.
 */
export async function countPopulations(
  store: ResourceStore,
  indicators: IndicatorSet,
  scope: IndicatorScope,
  byHospital: boolean,
  measureIds?: string[],
): Promise<PopulationCounts[]> {
  // National rows are part of every report (a hospital sees itself against all), so the whole period is refreshed.
  await refreshResults(store, indicators, scope);
  return aggregate(store.sql, scope, byHospital, measureIds);
}

/**
 * Evaluates the cases discharged in the period (all hospitals) that have no results under the current Measures:
 * new cases, re-derived cases, or all of them after the Measures changed. Returns how many were evaluated.
 */
export async function refreshResults(store: ResourceStore, indicators: IndicatorSet, period: Pick<IndicatorScope, 'start' | 'end'>): Promise<number> {
  let evaluated = 0;
  for (;;) {
    const batch = await store.transaction(async (tx) => {
      // One refresher at a time: two concurrent reports would otherwise evaluate and write the same cases. The rows are
      // locked so that a re-derivation cannot slip in between evaluating a case and stamping it current.
      await tx.lockKey('registry-indicator-refresh');
      const { rows } = await tx.sql.query<RegistryCaseRow>(
        `SELECT c.* FROM registry_case c
           LEFT JOIN registry_indicator_evaluation e ON e.encounter_id = c.encounter_id
          WHERE (e.encounter_id IS NULL OR e.ruleset <> $1 OR e.derived_at IS DISTINCT FROM c.derived_at)
            AND c.discharged_at >= $2 AND c.discharged_at < $3
          LIMIT ${REFRESH_BATCH}
          FOR UPDATE OF c`,
        [indicators.fingerprint, period.start, period.end],
      );
      if (rows.length) await writeResults(tx.sql, indicators, rows.map(caseOfRow));
      return rows.length;
    });
    evaluated += batch;
    if (batch < REFRESH_BATCH) return evaluated;
  }
}

/**
 * Stores the indicator results of cases already written in this transaction (registry_case rows), replacing earlier
 * ones, and marks them current for this derivation and these Measures. Document ingest and derive-cases call this
 * with the case they just saved, so the first report after a load has nothing left to evaluate.
 */
export async function writeResults(sql: Queryable, indicators: IndicatorSet, cases: RegistryCase[]): Promise<void> {
  const result = { encounter: [] as string[], measure: [] as string[], denominator: [] as boolean[], exclusion: [] as boolean[], numerator: [] as boolean[] };
  for (const registryCase of cases) {
    for (const membership of evaluateCase(indicators, registryCase)) {
      result.encounter.push(registryCase.encounterId);
      result.measure.push(membership.measureId);
      result.denominator.push(membership.denominator);
      result.exclusion.push(membership.exclusion);
      result.numerator.push(membership.numerator);
    }
  }
  const encounters = cases.map((registryCase) => registryCase.encounterId);
  await sql.query('DELETE FROM registry_indicator_result WHERE encounter_id = ANY($1::text[])', [encounters]);
  // One statement for the results and the stamp (ingest pays this per case). derived_at straight from the rows: the
  // stamp must equal the case's to the microsecond to count as current.
  await sql.query(
    `WITH added AS (
       INSERT INTO registry_indicator_result (encounter_id, measure, denominator, exclusion, numerator)
       SELECT * FROM unnest($3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::boolean[])
     )
     INSERT INTO registry_indicator_evaluation (encounter_id, derived_at, ruleset)
     SELECT encounter_id, derived_at, $2 FROM registry_case WHERE encounter_id = ANY($1::text[])
     ON CONFLICT (encounter_id) DO UPDATE SET derived_at = excluded.derived_at, ruleset = excluded.ruleset`,
    [encounters, indicators.fingerprint, result.encounter, result.measure, result.denominator, result.exclusion, result.numerator],
  );
}

async function aggregate(sql: Queryable, scope: IndicatorScope, byHospital: boolean, measureIds?: string[]): Promise<PopulationCounts[]> {
  // The national rows ignore scope.hospitalCode: a hospital's checklist compares itself with all hospitals.
  const grouping = byHospital ? 'GROUPING SETS ((c.hospital_code, r.measure), (r.measure))' : '(r.measure)';
  const { rows } = await sql.query<{ measure: string; hospital_code: string | null; national: boolean; ip: string; den: string; excl: string; num: string }>(
    `SELECT r.measure, ${byHospital ? 'c.hospital_code, GROUPING(c.hospital_code) = 1' : 'NULL AS hospital_code, true'} AS national,
            count(*) AS ip, count(*) FILTER (WHERE r.denominator) AS den,
            count(*) FILTER (WHERE r.exclusion) AS excl, count(*) FILTER (WHERE r.numerator) AS num
       FROM registry_indicator_result r
       JOIN registry_case c ON c.encounter_id = r.encounter_id
      WHERE c.discharged_at >= $1 AND c.discharged_at < $2
        AND ($3::text IS NULL OR c.hospital_code = $3) AND ($4::text[] IS NULL OR r.measure = ANY($4::text[]))
        AND c.patient_id NOT IN (${OPTED_OUT_PATIENT_IDS})
      GROUP BY ${grouping}`,
    [scope.start, scope.end, byHospital ? null : (scope.hospitalCode ?? null), measureIds ?? null],
  );
  return rows
    .filter((row) => !byHospital || !scope.hospitalCode || row.national || row.hospital_code === scope.hospitalCode)
    .map((row) => ({
      measureId: row.measure,
      ...(row.national ? {} : { hospitalCode: row.hospital_code as string }),
      initialPopulation: Number(row.ip),
      denominator: Number(row.den),
      exclusion: Number(row.excl),
      numerator: Number(row.num),
    }));
}

/** The patients (stored Patient ids) of each population of one indicator in the scope, for a subject-list report. */
export async function populationSubjects(sql: Queryable, measureId: string, scope: IndicatorScope): Promise<Record<'initialPopulation' | 'denominator' | 'exclusion' | 'numerator', string[]>> {
  const { rows } = await sql.query<{ patient_id: string; denominator: boolean; exclusion: boolean; numerator: boolean }>(
    `SELECT c.patient_id, r.denominator, r.exclusion, r.numerator
       FROM registry_indicator_result r
       JOIN registry_case c ON c.encounter_id = r.encounter_id
      WHERE r.measure = $1 AND c.discharged_at >= $2 AND c.discharged_at < $3 AND ($4::text IS NULL OR c.hospital_code = $4)
        AND c.patient_id NOT IN (${OPTED_OUT_PATIENT_IDS})
      ORDER BY c.patient_id, c.encounter_id`,
    [measureId, scope.start, scope.end, scope.hospitalCode ?? null],
  );
  return {
    initialPopulation: rows.map((row) => row.patient_id),
    denominator: rows.filter((row) => row.denominator).map((row) => row.patient_id),
    exclusion: rows.filter((row) => row.exclusion).map((row) => row.patient_id),
    numerator: rows.filter((row) => row.numerator).map((row) => row.patient_id),
  };
}
