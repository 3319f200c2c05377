import type { Queryable } from '../../db/database.js';
import { OPTED_OUT_PATIENT_IDS } from '../consent/opted-out-sql.js';
import { OPEN_BAND_FROM, type AgeBandWidth } from './age-bands.js';

/** The dimensions a table can be cross-classified by, in the order cells list them. */
export const DIMENSIONS = ['disease', 'prefecture', 'age-band', 'sex', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Value of a dimension the case does not record (no residence, no birth date...). */
export const UNKNOWN = 'unknown';

export interface CaseCountQuery {
  /** First and last day of admission (inclusive), YYYY-MM-DD, Japan time. */
  periodStart: string;
  periodEnd: string;
  /** Principal-disease codes to count; empty: all six. */
  diseases: string[];
  groupBy: Dimension[];
  /** Prefecture of the patient's residence (default) or of the hospital. */
  prefectureBasis: 'residence' | 'hospital';
  ageBandWidth: AgeBandWidth;
  /** Only this hospital's cases. */
  hospitalCode?: string;
}

/**
 * SQL of each dimension's value. Months and days are Japan time (the registry's hospitals all are); an age band is
 * given by its lower bound.
 */
function dimensionSql(dimension: Dimension, query: CaseCountQuery, widthParam: string): string {
  switch (dimension) {
    case 'disease':
      return 'principal_disease';
    case 'prefecture':
      return `COALESCE(${query.prefectureBasis === 'hospital' ? 'hospital_prefecture' : 'patient_prefecture'}, '${UNKNOWN}')`;
    case 'age-band':
      return `CASE WHEN age_at_admission IS NULL OR age_at_admission < 0 THEN '${UNKNOWN}'
                   WHEN age_at_admission >= ${OPEN_BAND_FROM} THEN '${OPEN_BAND_FROM}'
                   ELSE (age_at_admission - age_at_admission % ${widthParam})::text END`;
    case 'sex':
      return `COALESCE(sex, '${UNKNOWN}')`;
    case 'month':
      return `to_char(admitted_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;
  }
}

/**
 * Registry cases (admissions, by principal disease) admitted in the period, counted per combination of the
 * group-by dimensions; only non-zero combinations are returned. Secondary use: cases of people whose current
 * registry Consent decision (the latest over their linked records) is 'deny' are left out, by the same SQL the
 * indicators use.
 */
export async function countCases(sql: Queryable, query: CaseCountQuery): Promise<{ key: string[]; count: number }[]> {
  const params: unknown[] = [query.periodStart, query.periodEnd];
  const where = [
    'principal_disease IS NOT NULL',
    `admitted_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`,
    `admitted_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`,
    `patient_id NOT IN (${OPTED_OUT_PATIENT_IDS})`,
  ];
  if (query.diseases.length) {
    params.push(query.diseases);
    where.push(`principal_disease = ANY($${params.length}::text[])`);
  }
  if (query.hospitalCode !== undefined) {
    params.push(query.hospitalCode);
    where.push(`hospital_code = $${params.length}`);
  }
  let widthParam = '';
  if (query.groupBy.includes('age-band')) {
    params.push(query.ageBandWidth);
    widthParam = `$${params.length}::int`;
  }
  const columns = query.groupBy.map((dimension, index) => `${dimensionSql(dimension, query, widthParam)} AS d${index}`);
  const groupBy = query.groupBy.map((_dimension, index) => `d${index}`);
  const { rows } = await sql.query<Record<string, string | number>>(
    `SELECT ${[...columns, 'count(*)::int AS n'].join(', ')}
       FROM registry_case
      WHERE ${where.join(' AND ')}
      ${groupBy.length ? `GROUP BY ${groupBy.join(', ')} ORDER BY ${groupBy.join(', ')}` : ''}`,
    params,
  );
  return rows.filter((row) => Number(row.n) > 0).map((row) => ({ key: query.groupBy.map((_dimension, index) => String(row[`d${index}`])), count: Number(row.n) }));
}
