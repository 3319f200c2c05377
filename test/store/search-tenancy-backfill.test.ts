import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { useTestApi } from '../support/runtime.js';

/*
 * Migration 14 (hospital_code on the search index tables) on a database that already holds data: every index row
 * gets its resource's hospital, registry-level resources' rows stay NULL.
 */

const api = useTestApi();
const INDEX_TABLES = ['search_token', 'search_string', 'search_date', 'search_number', 'search_reference', 'search_uri', 'search_text'];
const [document] = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 2, hospitals: 1, readmissionShare: 0, seed: 'index-tenancy' })].map((admission) => admission.bundle);

/** Per index table: rows whose hospital_code differs from their resource's, and rows of a hospital. */
async function tenancy(): Promise<Record<string, { differing: number; ofHospital: number }>> {
  const counts: Record<string, { differing: number; ofHospital: number }> = {};
  for (const table of INDEX_TABLES) {
    const { rows } = await api.runtime.db.query<{ differing: number; of_hospital: number }>(
      `SELECT count(*) FILTER (WHERE x.hospital_code IS DISTINCT FROM r.hospital_code)::int AS differing,
              count(*) FILTER (WHERE x.hospital_code IS NOT NULL)::int AS of_hospital
         FROM ${table} x JOIN resource r USING (rid)`,
    );
    counts[table] = { differing: rows[0].differing, ofHospital: rows[0].of_hospital };
  }
  return counts;
}

describe('migration 14: tenancy of index rows', () => {
  it('index rows carry their resource hospital, as written and as backfilled', async () => {
    await api.http.put('/fhir/Measure/registry-level').send({ resourceType: 'Measure', id: 'registry-level', status: 'active', name: 'RegistryLevel' }).expect(201);
    await api.http.post('/fhir/Bundle').send(document).expect(201);
    const written = await tenancy();
    expect(Object.values(written).every((table) => table.differing === 0)).toBe(true);
    expect(written.search_token.ofHospital).toBeGreaterThan(0);

    // Back to the schema before migration 14 (the columns and the indexes holding them gone), then migrate again.
    await api.runtime.db.exec(INDEX_TABLES.map((table) => `ALTER TABLE ${table} DROP COLUMN hospital_code;`).join('\n'));
    const migration = MIGRATIONS.find((candidate) => candidate.version === 14)!;
    await api.runtime.db.transaction((tx) => tx.exec(migration.sql));
    expect(await tenancy()).toEqual(written);
  });
});
