import { describe, expect, it } from 'vitest';
import { selectRows, type ExportedLines, type ExportedRow } from '../../src/fhir/operation/export/source.js';
import { ALL_TENANTS } from '../../src/store/tenancy.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();

/** The exported JSON of a selection, from NDJSON lines and separately fetched rows alike. */
async function exported(transactionTime: string): Promise<fhir4.Patient[]> {
  const out: fhir4.Patient[] = [];
  for await (const item of selectRows(api.runtime.db, { type: 'Patient', transactionTime, scope: ALL_TENANTS }, 1 << 20)) {
    if ('ndjson' in item) out.push(...(item as ExportedLines).ndjson.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    else if ('json' in item) out.push(JSON.parse((item as Extract<ExportedRow, { json: string }>).json));
    else {
      const chunks: Uint8Array[] = [];
      for await (const part of item.parts()) chunks.push(part);
      out.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    }
  }
  return out;
}

describe('version content stored once', () => {
  it('keeps the current content in the resource row only, and every earlier version readable after updates and a deletion', async () => {
    const store = api.runtime.context.store;
    const first = await store.create({ resourceType: 'Patient', gender: 'female' } as fhir4.Patient, 'content-once');
    const { rows: afterCreate } = await api.runtime.db.query<{ n: number }>("SELECT count(*)::int AS n FROM resource_version WHERE id = 'content-once' AND content IS NOT NULL");
    expect(afterCreate[0].n).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const beforeUpdates = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.put({ resourceType: 'Patient', id: 'content-once', gender: 'male' } as fhir4.Patient, 'content-once');
    const [second] = await store.writeMany([{ resource: { resourceType: 'Patient', gender: 'other' } as fhir4.Patient, id: 'content-once', method: 'PUT' }]);
    await store.delete('Patient', 'content-once');

    const genders = async () => (await store.history({ type: 'Patient', id: 'content-once' }, { count: 10 })).versions.map((version) => (version.resource as fhir4.Patient | undefined)?.gender ?? null);
    expect(await genders()).toEqual([null, 'other', 'male', 'female']);
    expect(((await store.vread('Patient', 'content-once', first.versionId))?.resource as fhir4.Patient).gender).toBe('female');
    expect(((await store.vread('Patient', 'content-once', second.version.versionId))?.resource as fhir4.Patient).gender).toBe('other');

    // Bulk export as of a time before the updates gives the version current then, from its version row (the
    // resource row is now a deletion without content).
    const asOfBefore = (await exported(beforeUpdates)).filter((patient) => patient.id === 'content-once');
    expect(asOfBefore.map((patient) => [patient.gender, patient.meta?.versionId])).toEqual([['female', '1']]);
  });
});
