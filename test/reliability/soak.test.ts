import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/registry/synthetic/random.js';
import { standaloneValidator, validRegistryDocuments } from './registry-documents.js';
import { asNewDocument, fetchJson, pgliteStore, postgresStore, postJson, startServer, stopServers, storeProblems, type StoreUnderTest } from './server-process.js';

// 50 clients post documents about overlapping patients (the same hospital patient ids in many documents, several
// hospitals, some documents resubmitted by several clients at once) to a real server on loopback for SOAK_SECONDS.
// Throughput and latency are printed as information; the assertions are about correctness only.

const CLIENTS = 50;
const SECONDS = Number(process.env.SOAK_SECONDS || 30);
const validator = standaloneValidator();
// 16 admissions at 4 hospitals: each document posted is one of these under a new or a shared document identity.
const documents = validRegistryDocuments(validator, 16, { seed: 'soak', hospitals: 4 });
const scratch = mkdtempSync(join(tmpdir(), 'reliability-soak-'));
afterAll(() => {
  stopServers();
  rmSync(scratch, { recursive: true, force: true });
});

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

describe.each(['pglite', 'postgres'] as const)(`${CLIENTS} concurrent clients for ${SECONDS} s (%s)`, (storeName) => {
  it('stores no duplicate Patient, loses no acknowledged document and answers no 5xx', async () => {
    const store: StoreUnderTest = storeName === 'pglite' ? await pgliteStore(join(scratch, storeName)) : await postgresStore();
    try {
      const server = await startServer(store, { RATE_LIMIT_PER_MINUTE: '1000000' });
      /** Document identifier → the stored Bundle ids its acknowledgements named. */
      const acknowledged = new Map<string, Set<string>>();
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      const latencies: number[] = [];
      const started = performance.now();
      const until = started + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const rng = new SeededRandom(`soak/${storeName}/${client}`);
          while (performance.now() < until) {
            const base = rng.int(0, documents.length - 1);
            // A few identities per admission: clients often resubmit a document another client is posting.
            const document = asNewDocument(documents[base], `SOAK${base}X${rng.int(0, 5)}`);
            const identifier = document.identifier!.value!;
            const sent = performance.now();
            try {
              const answer = await postJson(server.origin, rng.chance(0.8) ? '/fhir/Bundle' : '/fhir', document);
              latencies.push(performance.now() - sent);
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              if (answer.status === 200 || answer.status === 201) {
                acknowledged.set(identifier, (acknowledged.get(identifier) ?? new Set()).add(answer.body.id));
              } else failures.push(`client ${client}, ${identifier}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`);
            } catch (error) {
              failures.push(`client ${client}, ${identifier}: ${(error as Error).message}`);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const requests = latencies.length;
      console.log(
        `soak (${storeName}): ${CLIENTS} clients, ${seconds.toFixed(1)} s, ${requests} requests (${(requests / seconds).toFixed(1)}/s), ` +
          `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms; ` +
          `statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${acknowledged.size} distinct documents acknowledged`,
      );
      try {
        expect(failures.slice(0, 10)).toEqual([]);
        // Every acknowledgement of one document named the same stored Bundle, and it is readable now.
        for (const [identifier, ids] of acknowledged) {
          expect([...ids], `acknowledgements of ${identifier}`).toHaveLength(1);
          const read = await fetchJson(server.origin, `/fhir/Bundle/${[...ids][0]}`);
          expect(read.status, `Bundle/${[...ids][0]} (${identifier})`).toBe(200);
          expect(read.body.identifier.value).toBe(identifier);
        }
      } finally {
        expect(await server.stop('SIGTERM')).toBe(0);
      }
      const { resources, problems } = await storeProblems(store);
      expect(problems).toEqual([]);
      expect(resources.filter((resource) => resource.type === 'Bundle')).toHaveLength(acknowledged.size);
    } finally {
      await store.drop();
    }
  });
});
