import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

// The CLI as a user runs it: `serve` on the embedded store in a data dir, `load`, graceful shutdown on SIGTERM.
const dataDir = mkdtempSync(join(tmpdir(), 'jpcvd-cli-'));
const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const cli = join(PROJECT_ROOT, 'src', 'cli.ts');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer ${url}`);
}

describe('jp-cvd-registry CLI', () => {
  it('loads resources, serves them on PORT/HOST and stops cleanly on SIGTERM', async () => {
    const file = join(dataDir, 'patient.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Patient', id: 'cli-loaded', name: [{ family: '岡田' }] }));
    const load = spawnSync(tsx, [cli, 'load', file], { env, encoding: 'utf8' });
    expect(load.stderr).not.toMatch(/Error/);
    expect(load.stdout).toContain('stored 1 resources from 1 files');

    const port = 18000 + Math.floor(Math.random() * 1000);
    const server = spawn(tsx, [cli, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 60_000);
      const response = await fetch(`http://127.0.0.1:${port}/fhir/Patient/cli-loaded`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as fhir4.Patient).name?.[0].family).toBe('岡田');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('migrate reports an up-to-date schema on a migrated store', () => {
    const result = spawnSync(tsx, [cli, 'migrate'], { env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/up to date|applied migrations/);
  });
});
