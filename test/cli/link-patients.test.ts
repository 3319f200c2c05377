import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

// `link-patients` on data loaded before linkage ran: two hospitals' records of one person, and someone else.
const dataDir = mkdtempSync(join(tmpdir(), 'jpcvd-link-'));
const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const cli = join(PROJECT_ROOT, 'src', 'cli.ts');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SYL = [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }];
const patient = (id: string, hospital: string, kana: string, birthDate: string): fhir4.Patient => ({
  resourceType: 'Patient',
  id,
  identifier: [{ system: `urn:oid:1.2.392.100495.20.3.51.1${hospital}`, value: id }],
  name: [{ extension: SYL, family: kana.split(' ')[0], given: [kana.split(' ')[1]] }],
  gender: 'female',
  birthDate,
  address: [{ postalCode: '160-0023' }],
});

describe('jp-cvd-registry link-patients', () => {
  it('links the stored records of one person and is idempotent', () => {
    const file = join(dataDir, 'patients.ndjson');
    const patients = [
      patient('tokyo-1', '1310000001', 'タカハシ ユウコ', '1948-03-15'),
      patient('osaka-1', '2710000002', 'ﾀｶﾊｼ ﾕｰｺ', '1948-03-15'),
      patient('osaka-2', '2710000002', 'ヤマモト ハナコ', '1948-03-15'),
    ];
    writeFileSync(file, patients.map((one) => JSON.stringify(one)).join('\n'));
    const load = spawnSync(tsx, [cli, 'load', file], { env, encoding: 'utf8' });
    expect(load.stdout).toMatch(/stored 3 (other )?resources/);

    const first = spawnSync(tsx, [cli, 'link-patients'], { env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('checked 3 patients; linked pairs: 1');
    const again = spawnSync(tsx, [cli, 'link-patients'], { env, encoding: 'utf8' });
    expect(again.stdout).toContain('checked 3 patients; linked pairs: 1');
  }, 300_000);
});
