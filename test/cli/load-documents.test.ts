import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';

// `load` ingests document Bundles through document ingest (entries and registry case stored); `derive-cases` rebuilds.
const dataDir = mkdtempSync(join(tmpdir(), 'jpcvd-cli-documents-'));
const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const cli = join(PROJECT_ROOT, 'src', 'cli.ts');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('jp-cvd-registry load of documents and derive-cases', () => {
  it('ingests valid documents, lists refused ones and rebuilds their cases', () => {
    const example = readFileSync(join(loadConfig().igResourcesDir, 'Bundle-jp-cvd-example-bundle-acute-heart-failure.json'), 'utf8');
    const broken = JSON.parse(example) as fhir4.Bundle;
    broken.identifier = { ...broken.identifier, value: `${broken.identifier!.value}-broken` };
    (broken.entry![0].resource as fhir4.Composition).status = 'not-a-status' as fhir4.Composition['status'];
    const file = join(dataDir, 'documents.ndjson');
    writeFileSync(file, `${JSON.stringify(JSON.parse(example))}\n${JSON.stringify(broken)}\n`);

    const load = spawnSync(tsx, [cli, 'load', file], { env, encoding: 'utf8' });
    expect(load.stdout).toContain('stored 0 resources from 1 files; ingested 1 documents (1 refused)');
    expect(load.stderr).toMatch(/documents\.ndjson #2: 422 /);
    expect(load.status).toBe(1);

    const derive = spawnSync(tsx, [cli, 'derive-cases'], { env, encoding: 'utf8' });
    expect(derive.stdout).toContain('derived 1 cases');
    expect(derive.status).toBe(0);
  }, 180_000);
});
