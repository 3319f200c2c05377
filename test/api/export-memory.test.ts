import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../support/runtime.js';

// Resource JSON read from the database per round trip: 1 MiB; a larger resource comes in slices.
const FETCH_BYTES = 1024 * 1024;
process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-memory-'));
process.env.EXPORT_FETCH_BYTES = String(FETCH_BYTES);

let runtime: TestRuntime;
let http: ReturnType<typeof request>;
const LARGE_BYTES = 3 * 1024 * 1024;
const MEDIUM_COUNT = 30;
const MEDIUM_BYTES = 100 * 1024;

/** Incompressible base64, so stored sizes are not shrunk by TOAST compression. */
const payload = (bytes: number) => randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64').slice(0, bytes);

/** Largest text or bytes value in one query result, and the sum of its text and bytes values. */
let largestValue = 0;
let largestResult = 0;

beforeAll(async () => {
  runtime = await startTestRuntime({ bodyLimit: 64 * 1024 * 1024 });
  await runtime.app.ready();
  http = request(runtime.app.server);
  await runtime.context.store.put({ resourceType: 'Binary', id: 'large', contentType: 'application/octet-stream', data: payload(LARGE_BYTES) } as fhir4.Binary, 'large');
  for (let n = 0; n < MEDIUM_COUNT; n++) {
    await runtime.context.store.put({ resourceType: 'Binary', id: `medium-${n}`, contentType: 'text/plain', data: payload(MEDIUM_BYTES) } as fhir4.Binary, `medium-${n}`);
  }
  // Watch every result the database hands to the server from here on.
  const query = runtime.db.query.bind(runtime.db);
  runtime.db.query = (async (sql: string, params?: unknown[]) => {
    const result = await query(sql, params);
    let total = 0;
    for (const row of result.rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        const size = typeof value === 'string' ? value.length : value instanceof Uint8Array ? value.byteLength : 0;
        largestValue = Math.max(largestValue, size);
        total += size;
      }
    }
    largestResult = Math.max(largestResult, total);
    return result;
  }) as typeof runtime.db.query;
});
afterAll(async () => runtime?.close());

describe('$export memory', () => {
  it('streams a 3 MB resource in slices and batches others by bytes, never holding more than the fetch budget', async () => {
    const kickOff = await http.get('/fhir/$export?_type=Binary').set({ Prefer: 'respond-async' }).expect(202);
    const statusPath = kickOff.headers['content-location'].slice('http://fhir.test'.length);
    let manifest: { output: { url: string; count: number }[] } | undefined;
    while (!manifest) {
      const status = await http.get(statusPath);
      if (status.status === 200) manifest = JSON.parse(status.text);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(manifest.output.map((output) => output.count)).toEqual([MEDIUM_COUNT + 1]);

    // Nothing the database returned held the large resource whole, and no result exceeded the budget.
    expect(largestValue).toBeLessThanOrEqual(FETCH_BYTES);
    expect(largestResult).toBeLessThanOrEqual(FETCH_BYTES + MEDIUM_BYTES * 2);

    const response = await http.get(manifest.output[0].url.slice('http://fhir.test'.length)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    const exported = (response.body as string).split('\n').filter(Boolean).map((line) => JSON.parse(line) as fhir4.Binary);
    const stored = await runtime.context.store.read('Binary', 'large');
    const large = exported.find((binary) => binary.id === 'large')!;
    expect(large.data).toBe((stored!.resource as fhir4.Binary).data);
    expect(large.data!.length).toBe(LARGE_BYTES);
  });
});
