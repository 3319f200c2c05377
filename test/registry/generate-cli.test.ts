import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

const out = mkdtempSync(join(tmpdir(), 'jpcvd-generate-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const run = (...args: string[]) =>
  spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'src', 'cli.ts'), 'generate', ...args], { encoding: 'utf8' });

describe('jp-cvd-registry generate', () => {
  it('writes NDJSON Bundles and truth.json with the requested options', () => {
    const result = run('--admissions', '40', '--hospitals', '5', '--seed', 'cli', '--per-file', '25', '--readmission-share', '0.3', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/wrote 40 Bundles \(\d+ persons, \d+ re-admissions\) in 2 files/);
    expect(readdirSync(out).sort()).toEqual(['bundles-00001.ndjson', 'bundles-00002.ndjson', 'truth.json']);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
    expect(truth.parameters).toMatchObject({ admissions: 40, hospitals: 5, seed: 'cli', readmissionShare: 0.3 });
    expect(new Set(truth.bundles.map((record: { hospitalCode: string }) => record.hospitalCode)).size).toBeLessThanOrEqual(5);
    const lines = readFileSync(join(out, 'bundles-00002.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(15);
    expect(JSON.parse(lines[0]).type).toBe('document');
  });

  it('rejects out-of-range options', () => {
    const result = run('--admissions', '0', '--out', out);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/expected an integer from 1/);
  });
});
