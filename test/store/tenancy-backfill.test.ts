import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { DEFAULT_OPTIONS, generateAdmissions } from '../../src/registry/synthetic/index.js';
import { useTestApi } from '../support/runtime.js';

/*
 * Migration 7 (hospital tenancy) on a database that already holds data: document Bundles and the resources derived
 * from them get the document's hospital, everything else stays registry-level (NULL).
 */

const api = useTestApi();
const [first, second] = [...generateAdmissions({ ...DEFAULT_OPTIONS, admissions: 12, hospitals: 3, readmissionShare: 0, seed: 'tenancy' })]
  .filter((admission, index, all) => all.findIndex((other) => other.truth.hospitalCode === admission.truth.hospitalCode) === index)
  .map((admission) => admission.bundle);

async function tenants(): Promise<Map<string, string | null>> {
  const { rows } = await api.runtime.db.query<{ type: string; id: string; hospital_code: string | null }>('SELECT type, id, hospital_code FROM resource');
  return new Map(rows.map((row) => [`${row.type}/${row.id}`, row.hospital_code]));
}

describe('migration 7: tenancy backfill', () => {
  it('assigns stored documents and their derived resources to the document hospital, and nothing else', async () => {
    const measure = { resourceType: 'Measure', status: 'active', name: 'RegistryLevel' };
    await api.http.put('/fhir/Measure/registry-level').send({ ...measure, id: 'registry-level' }).expect(201);
    await api.http.post('/fhir/Bundle').send(first).expect(201);
    await api.http.post('/fhir/Patient').send({ resourceType: 'Patient', gender: 'female' }).expect(201);
    await api.http.post('/fhir/Bundle').send(second).expect(201);
    const written = await tenants();
    const codes = [first, second].map((bundle) => bundle.identifier!.value!.slice(0, 10));
    expect([...new Set(written.values())].sort()).toEqual([...codes, null].sort());

    // Back to the schema and rows before migration 7 (its columns and indexes gone; every version row holding its
    // content, as the store then wrote them), then migrate again.
    await api.runtime.db.exec(`UPDATE resource_version v SET content = r.content FROM resource r WHERE v.rid = r.rid AND v.version_id = r.version_id AND v.content IS NULL;
      ALTER TABLE resource DROP COLUMN hospital_code; ALTER TABLE resource_version DROP COLUMN hospital_code`);
    const migration = MIGRATIONS.find((candidate) => candidate.version === 7)!;
    await api.runtime.db.transaction((tx) => tx.exec(migration.sql));

    expect(await tenants()).toEqual(written);
    const { rows } = await api.runtime.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM resource_version v JOIN resource r USING (rid) WHERE v.hospital_code IS DISTINCT FROM r.hospital_code',
    );
    expect(rows[0].n).toBe(0);
  });
});
