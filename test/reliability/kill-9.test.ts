import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { standaloneValidator, validRegistryDocuments } from './registry-documents.js';
import { asNewDocument, fetchJson, pgliteStore, postgresStore, postJson, startServer, stopServers, storeProblems, type StoreUnderTest } from './server-process.js';

// kill -9 of a real server process during a stream of document posts and a running $export, then a restart on the
// same data: each document is stored whole or not at all, every acknowledged one is there, and the export job
// either completes with whole files or reports failure.

const validator = standaloneValidator();
const documents = validRegistryDocuments(validator, 8, { seed: 'kill-9' });
const WORKERS = 4;
const SYSTEM = 'http://jpfhir.jp/fhir/clins/bundle-identifier';
const scratch = mkdtempSync(join(tmpdir(), 'reliability-kill-'));
afterAll(() => {
  stopServers();
  rmSync(scratch, { recursive: true, force: true });
});

type Outcome = 'acknowledged' | 'refused' | 'unknown';

describe.each(['pglite', 'postgres'] as const)('kill -9 during document posts (%s)', (storeName) => {
  it('keeps every document whole or absent, every acknowledged one stored, and the export job whole or failed', async () => {
    const dataDir = join(scratch, storeName);
    const store: StoreUnderTest = storeName === 'pglite' ? await pgliteStore(dataDir) : await postgresStore();
    // Tiny export files and fetches, so the job is still writing when the server dies.
    const exportEnv = { EXPORT_DIR: join(scratch, `${storeName}-export`), EXPORT_FILE_BYTES: '4096', EXPORT_FETCH_BYTES: '4096' };
    try {
      const first = await startServer(store, exportEnv);
      /** Document identifier value → what the client learnt about it. */
      const posted = new Map<string, Outcome>();
      let sequence = 0;
      let killed = false;
      let refusal: string | undefined;
      // Workers post new documents until the server dies under them.
      const workers = Array.from({ length: WORKERS }, async () => {
        while (!killed && !refusal) {
          const number = sequence++;
          const document = asNewDocument(documents[number % documents.length], `KILL9${number}`);
          const identifier = document.identifier!.value!;
          posted.set(identifier, 'unknown');
          try {
            const answer = await postJson(first.origin, '/fhir/Bundle', document);
            posted.set(identifier, answer.status === 201 ? 'acknowledged' : 'refused');
            if (answer.status !== 201) refusal = `${identifier}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 500)}`;
          } catch (error) {
            if (!killed) refusal = `${identifier}: ${(error as Error).message}`;
          }
        }
      });
      const acknowledged = () => [...posted.values()].filter((outcome) => outcome === 'acknowledged').length;
      while (acknowledged() < 12 && !refusal) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(refusal).toBeUndefined();
      const kickOff = await fetch(`${first.origin}/fhir/$export`, { headers: { prefer: 'respond-async', accept: 'application/fhir+json' } });
      expect(kickOff.status).toBe(202);
      const statusPath = new URL(kickOff.headers.get('content-location')!).pathname;
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 500));
      const exportRunningAtKill = (await fetchJson(first.origin, statusPath)).status === 202;
      killed = true;
      expect(await first.stop('SIGKILL')).toBe('SIGKILL');
      await Promise.all(workers);
      expect(refusal).toBeUndefined();
      const counts = { posted: posted.size, acknowledged: acknowledged(), inFlight: [...posted.values()].filter((outcome) => outcome === 'unknown').length };

      const second = await startServer(store, exportEnv);
      try {
        let storedInFlight = 0;
        for (const [identifier, outcome] of posted) {
          const search = await fetchJson(second.origin, `/fhir/Bundle?identifier=${encodeURIComponent(`${SYSTEM}|${identifier}`)}`);
          expect(search.status).toBe(200);
          const matches = (search.body.entry ?? []).length;
          expect(matches, `document ${identifier}`).toBeLessThanOrEqual(1);
          if (outcome === 'acknowledged') expect(matches, `acknowledged document ${identifier}`).toBe(1);
          if (outcome === 'unknown') storedInFlight += matches;
        }

        // The export: completes with whole files (each listed file's lines are whole resources, no id twice), or fails
        // with an OperationOutcome; it is never left pending for ever.
        let status = await fetchJson(second.origin, statusPath);
        for (let attempt = 0; attempt < 600 && status.status === 202; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = await fetchJson(second.origin, statusPath);
        }
        let exportResult: string;
        if (status.status === 200) {
          let lines = 0;
          for (const output of status.body.output as { type: string; url: string; count: number }[]) {
            const file = await fetch(new URL(new URL(output.url).pathname, second.origin));
            expect(file.status).toBe(200);
            const resources = (await file.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as fhir4.Resource);
            expect(resources).toHaveLength(output.count);
            expect(new Set(resources.map((resource) => resource.id)).size).toBe(resources.length);
            for (const resource of resources) expect(resource.resourceType).toBe(output.type);
            lines += resources.length;
          }
          const jobId = statusPath.split('/').pop()!;
          // Each run writes into its own folder under the job's (docs/EXPORT.md): none may keep a half-written file.
          const leftovers = readdirSync(join(exportEnv.EXPORT_DIR, jobId), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.part'));
          expect(leftovers).toEqual([]);
          exportResult = `completed after restart (${status.body.output.length} files, ${lines} resources)`;
        } else {
          expect(status.status).toBeGreaterThanOrEqual(400);
          expect(status.body.resourceType).toBe('OperationOutcome');
          exportResult = `failed cleanly (${status.status})`;
        }
        console.log(
          `kill -9 (${storeName}): ${counts.posted} documents posted, ${counts.acknowledged} acknowledged, ${counts.inFlight} in flight at the kill (${storedInFlight} of those stored whole); export ${exportRunningAtKill ? 'running' : 'already complete'} at the kill, ${exportResult}`,
        );
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }

      expect((await storeProblems(store)).problems).toEqual([]);
    } finally {
      await store.drop();
    }
  });
});
