import type { Queryable } from '../../db/database.js';
import type { IndicatorScope } from './case-results.js';

export interface CareListing {
  /** Cases per principal disease, with in-hospital deaths. */
  diseases: { disease: string; cases: number; deaths: number }[];
  /** Treatments the hospital gave: procedures of each jp-cvd-procedure kind and the cases that had one. */
  procedures: { kind: string; procedures: number; cases: number }[];
}

/**
 * What one hospital treated in a period (cases discharged in [start, end)), from registry_case: case counts per
 * disease and the treatments offered. Patients who denied secondary use are left out.
 */
export async function careListing(sql: Queryable, scope: Required<IndicatorScope>): Promise<CareListing> {
  const cases = `SELECT c.* FROM registry_case c
                  WHERE c.hospital_code = $1 AND c.discharged_at >= $2 AND c.discharged_at < $3
                    AND NOT EXISTS (SELECT 1 FROM registry_consent k WHERE k.patient_id = c.patient_id AND k.decision = 'deny')`;
  const parameters = [scope.hospitalCode, scope.start, scope.end];
  const diseases = await sql.query<{ disease: string; cases: string; deaths: string }>(
    `SELECT principal_disease AS disease, count(*) AS cases, count(*) FILTER (WHERE died) AS deaths
       FROM (${cases}) c WHERE principal_disease IS NOT NULL GROUP BY principal_disease ORDER BY principal_disease`,
    parameters,
  );
  const procedures = await sql.query<{ kind: string; procedures: string; cases: string }>(
    `SELECT p.value->>'kind' AS kind, count(*) AS procedures, count(DISTINCT c.encounter_id) AS cases
       FROM (${cases}) c, jsonb_array_elements(c.facts->'procedures') p
      WHERE p.value->>'kind' IS NOT NULL GROUP BY 1 ORDER BY 1`,
    parameters,
  );
  return {
    diseases: diseases.rows.map((row) => ({ disease: row.disease, cases: Number(row.cases), deaths: Number(row.deaths) })),
    procedures: procedures.rows.map((row) => ({ kind: row.kind, procedures: Number(row.procedures), cases: Number(row.cases) })),
  };
}
