import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindex } from '../../src/search/indexer.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

let runtime: TestRuntime;
let http: ReturnType<typeof request>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await runtime.app.ready();
  http = request(runtime.app.server);
});
afterAll(async () => runtime?.close());

const ids = async (query: string) => ((await http.get(`/fhir/${query}`).expect(200)).body.entry ?? []).map((entry: fhir4.BundleEntry) => entry.resource!.id).sort();

describe('reindex', () => {
  it('rebuilds the index tables from the stored resources, skipping deleted ones', async () => {
    for (const [id, family] of [['r1', '伊藤'], ['r2', '渡辺'], ['r3', '伊東']]) {
      await http.put(`/fhir/Patient/${id}`).send({ resourceType: 'Patient', id, name: [{ family }], gender: 'female' }).expect(201);
    }
    await http.delete('/fhir/Patient/r3').expect(200);
    for (const table of ['token', 'string', 'date', 'number', 'reference', 'uri']) await runtime.db.query(`DELETE FROM search_${table}`);
    expect(await ids('Patient?gender=female')).toEqual([]);

    const progress: number[] = [];
    const indexed = await reindex(runtime.db, runtime.context.conformance, { batchSize: 1, onProgress: (done) => progress.push(done) });
    expect(indexed).toBe(2);
    expect(progress.at(-1)).toBe(2);
    expect(await ids('Patient?gender=female')).toEqual(['r1', 'r2']);
    expect(await ids('Patient?family=伊')).toEqual(['r1']);
  });
});
