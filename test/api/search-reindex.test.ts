import { describe, expect, it } from 'vitest';
import { reindex } from '../../src/search/indexer.js';
import { useTestApi } from '../support/runtime.js';

const api = useTestApi();

const ids = async (query: string) => ((await api.http.get(`/fhir/${query}`).expect(200)).body.entry ?? []).map((entry: fhir4.BundleEntry) => entry.resource!.id).sort();

describe('reindex', () => {
  it('rebuilds the index tables from the stored resources, skipping deleted ones', async () => {
    for (const [id, family] of [['r1', '伊藤'], ['r2', '渡辺'], ['r3', '伊東']]) {
      await api.http.put(`/fhir/Patient/${id}`).send({ resourceType: 'Patient', id, name: [{ family }], gender: 'female' }).expect(201);
    }
    await api.http.delete('/fhir/Patient/r3').expect(200);
    for (const table of ['token', 'string', 'date', 'number', 'reference', 'uri']) await api.runtime.db.query(`DELETE FROM search_${table}`);
    expect(await ids('Patient?gender=female')).toEqual([]);

    const progress: number[] = [];
    const indexed = await reindex(api.runtime.db, api.runtime.context.conformance, { batchSize: 1, onProgress: (done) => progress.push(done) });
    expect(indexed).toBe(2);
    expect(progress.at(-1)).toBe(2);
    expect(await ids('Patient?gender=female')).toEqual(['r1', 'r2']);
    expect(await ids('Patient?family=伊')).toEqual(['r1']);
  });
});
