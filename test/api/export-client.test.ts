import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MedplumClient } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFolder } from '../../src/fhir/operation/export/local-export.js';
import { startListeningRuntime, type ListeningRuntime } from '../support/runtime.js';

process.env.EXPORT_DIR = mkdtempSync(join(tmpdir(), 'export-client-'));

/** An output entry of the manifest as the client returns it. */
interface ManifestOutput {
  type?: string;
  url?: string;
  count?: number;
}

let runtime: ListeningRuntime;
let medplum: MedplumClient;

beforeAll(async () => {
  runtime = await startListeningRuntime();
  // Medplum's client implements the Bulk Data flow itself: POST kick-off with Prefer: respond-async, then polling.
  medplum = new MedplumClient({ baseUrl: `${runtime.origin}/`, fhirUrlPath: 'fhir', fetch: globalThis.fetch.bind(globalThis) });
  for (let n = 0; n < 5; n++) {
    await runtime.context.store.put({ resourceType: 'Patient', id: `pt${n}`, gender: 'female' } as fhir4.Patient, `pt${n}`);
    await runtime.context.store.put(
      { resourceType: 'Condition', id: `c${n}`, subject: { reference: `Patient/pt${n}` }, code: { text: 'stroke' } } as fhir4.Condition,
      `c${n}`,
    );
  }
});
afterAll(async () => runtime?.close());

describe('Bulk Data clients', () => {
  it('Medplum client: kicks off, polls to the manifest and downloads the NDJSON files', async () => {
    const manifest = await medplum.bulkExport('', 'Patient,Condition', undefined, { pollStatusOnAccepted: true, pollStatusPeriod: 50 });
    expect(manifest.output?.map((output: ManifestOutput) => [output.type, output.count]).sort()).toEqual([
      ['Condition', 5],
      ['Patient', 5],
    ]);
    for (const output of manifest.output!) {
      const blob = await medplum.download(output.url!);
      const lines = (await blob.text()).split('\n').filter(Boolean);
      expect(lines).toHaveLength(5);
      expect(lines.every((line) => JSON.parse(line).resourceType === output.type)).toBe(true);
    }
  });

  it('Medplum client: Patient-level export', async () => {
    const manifest = await medplum.bulkExport('Patient', undefined, undefined, { pollStatusOnAccepted: true, pollStatusPeriod: 50 });
    expect(manifest.output?.map((output: ManifestOutput) => output.type).sort()).toEqual(['Condition', 'Patient']);
  });

  it('exports into a folder without HTTP (the CLI `export` command), and removes the job afterwards', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'export-folder-'));
    const progress: number[] = [];
    const manifest = await exportToFolder(runtime.context, {
      level: 'system',
      parameters: [['_type', 'Condition']],
      folder,
      onProgress: (exported) => progress.push(exported),
    });
    expect(manifest.output).toEqual([{ type: 'Condition', url: 'Condition-1.ndjson', count: 5 }]);
    expect(readdirSync(folder).sort()).toEqual(['Condition-1.ndjson', 'manifest.json']);
    expect(readFileSync(join(folder, 'Condition-1.ndjson'), 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
    expect(progress.at(-1)).toBe(5);
    const { rows } = await runtime.db.query<{ n: number }>("SELECT count(*)::int AS n FROM export_job WHERE request_url LIKE 'urn:jp-cvd-registry:local%'");
    expect(rows[0].n).toBe(0);
  });
});
