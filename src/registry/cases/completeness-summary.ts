import type { Queryable } from '../../db/database.js';
import type { ItemStatus } from './completeness.js';

export interface CompletenessQuery {
  /** 10-digit medical institution code; undefined: every hospital. */
  hospital?: string;
  /** Admission dates (YYYY-MM-DD, inclusive, Japan time). */
  periodStart?: string;
  periodEnd?: string;
  disease?: string;
}

export type ItemCounts = Record<ItemStatus, number>;

export interface CompletenessSummary {
  cases: number;
  /** Per registry item over all matching cases. */
  items: Map<string, ItemCounts>;
  /** Per disease group of the cases (a case with two diseases counts under both). */
  diseases: Map<string, { cases: number; items: Map<string, ItemCounts> }>;
}

/** Filter over registry_case `c`; the period is of admission dates in Japan time (the registry's calendar). */
function caseFilter(query: CompletenessQuery, bind: (value: unknown) => string): string {
  const where = ['true'];
  if (query.hospital) where.push(`c.hospital_code = ${bind(query.hospital)}`);
  if (query.periodStart) where.push(`c.admitted_at >= (${bind(query.periodStart)}::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  if (query.periodEnd) where.push(`c.admitted_at < (${bind(query.periodEnd)}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  if (query.disease) where.push(`${bind(query.disease)} = ANY (c.diseases)`);
  return where.join(' AND ');
}

const emptyCounts = (): ItemCounts => ({ present: 0, missing: 0, implausible: 0 });

/** Present / missing / implausible counts of every registry item of the matching cases (registry_case.completeness). */
export async function completenessSummary(sql: Queryable, query: CompletenessQuery): Promise<CompletenessSummary> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = caseFilter(query, bind);
  const { rows } = await sql.query<{ disease: string | null; item: string | null; status: ItemStatus | null; n: number }>(
    `WITH matching AS (SELECT c.diseases, c.completeness FROM registry_case c WHERE ${where}),
     per_disease AS (
       SELECT d.disease, i->>'item' AS item, i->>'status' AS status
         FROM matching m, unnest(m.diseases) AS d(disease), jsonb_array_elements(coalesce(m.completeness->'items', '[]'::jsonb)) AS i)
     SELECT NULL AS disease, NULL AS item, NULL AS status, count(*)::int AS n FROM matching
     UNION ALL
     SELECT d.disease, NULL, NULL, count(*)::int FROM matching m, unnest(m.diseases) AS d(disease) GROUP BY d.disease
     UNION ALL
     SELECT NULL, i->>'item', i->>'status', count(*)::int
       FROM matching m, jsonb_array_elements(coalesce(m.completeness->'items', '[]'::jsonb)) AS i GROUP BY 2, 3
     UNION ALL
     SELECT disease, item, status, count(*)::int FROM per_disease GROUP BY 1, 2, 3`,
    params,
  );
  const summary: CompletenessSummary = { cases: 0, items: new Map(), diseases: new Map() };
  const diseaseOf = (code: string) => {
    let entry = summary.diseases.get(code);
    if (!entry) summary.diseases.set(code, (entry = { cases: 0, items: new Map() }));
    return entry;
  };
  const count = (items: Map<string, ItemCounts>, item: string, status: ItemStatus, n: number) => {
    let counts = items.get(item);
    if (!counts) items.set(item, (counts = emptyCounts()));
    counts[status] += n;
  };
  for (const row of rows) {
    if (row.item && row.status) count(row.disease ? diseaseOf(row.disease).items : summary.items, row.item, row.status, row.n);
    else if (row.disease) diseaseOf(row.disease).cases = row.n;
    else summary.cases = row.n;
  }
  return summary;
}
