/**
 * Builds the implementation guide's conformance resources with SUSHI, offline.
 *
 *   npm run build:ig            (= tsx scripts/build-ig.ts)
 *
 * SUSHI resolves FHIR packages from `$HOME/.fhir/packages`. The project keeps its cache at
 * `<project>/.fhir/packages` (hl7.fhir.r4.core#4.0.1 is seeded there by scripts/seed-r4-core.mjs); JP Core and
 * JP-CLINS live outside the repository in FHIR_PACKAGES_DIR (default ../shared/fhir-packages). This script
 *   1. reads the dependencies of sushi-config.yaml and checks that each one (plus hl7.fhir.r4.core) exists,
 *      failing with the package name and every folder it looked in;
 *   2. makes them visible to SUSHI by *symlinking* (never copying) them into a package cache that SUSHI sees as
 *      `$HOME/.fhir/packages`: the project cache itself when it is laid out as `<dir>/.fhir/packages`, otherwise a
 *      temporary HOME;
 *   3. runs SUSHI with network access to package registries short-circuited (a closed local port), so the
 *      automatic dependencies SUSHI tries to fetch (hl7.fhir.uv.tools.r4, hl7.terminology.r4,
 *      hl7.fhir.uv.extensions.r4) and its "latest SUSHI version" check fail at once instead of hanging, with a
 *      hard timeout as a last resort (SUSHI_TIMEOUT_MS, default 600000). Set SUSHI_ONLINE=1 to let SUSHI use the
 *      network normally;
 *   4. writes to fsh-generated/resources (config.igResourcesDir) and exits non-zero when SUSHI reports errors.
 *
 * Known, explained warnings are listed in input/README-IG.md ("Build warnings").
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { buildIgSiteIfStale } from './build-ig-site.js';

interface Dependency {
  name: string;
  version: string;
}

const R4_CORE: Dependency = { name: 'hl7.fhir.r4.core', version: '4.0.1' };

/** Closed local port: connection attempts fail immediately (ECONNREFUSED) instead of timing out. */
const OFFLINE_REGISTRY = 'http://127.0.0.1:9';

export class MissingDependencyError extends Error {
  constructor(dep: Dependency, searched: string[]) {
    super(
      `FHIR package ${dep.name}#${dep.version} (required by sushi-config.yaml) is missing; looked for ` +
        `${searched.map((dir) => join(dir, `${dep.name}#${dep.version}`, 'package', 'package.json')).join(' and ')}. ` +
        (dep.name === R4_CORE.name
          ? 'Run `npm install` (or `node scripts/seed-r4-core.mjs`) to seed it.'
          : 'Set FHIR_PACKAGES_DIR to the folder holding JP Core / JP-CLINS package folders (name#version/package).'),
    );
    this.name = 'MissingDependencyError';
  }
}

/** Dependencies declared in sushi-config.yaml (simple `id: version` or detailed `id: {version: ...}` form). */
export function readDependencies(configPath: string): Dependency[] {
  const config = parseYaml(readFileSync(configPath, 'utf8')) as { dependencies?: Record<string, unknown> };
  const deps: Dependency[] = [];
  for (const [name, spec] of Object.entries(config.dependencies ?? {})) {
    const version =
      typeof spec === 'string' || typeof spec === 'number'
        ? String(spec)
        : spec && typeof spec === 'object' && 'version' in spec
          ? String((spec as { version: unknown }).version)
          : '';
    if (!version) throw new Error(`sushi-config.yaml: dependency ${name} has no version`);
    deps.push({ name, version });
  }
  return deps;
}

/** The folder `<dir>/<name>#<version>` holding `package/package.json`, searched in order. */
export function findPackage(dep: Dependency, searchDirs: string[]): string {
  for (const dir of searchDirs) {
    const folder = join(dir, `${dep.name}#${dep.version}`);
    if (existsSync(join(folder, 'package', 'package.json'))) return folder;
  }
  throw new MissingDependencyError(dep, searchDirs);
}

/** Points `<cache>/<name>#<version>` at `target` with a symlink; leaves real folders (e.g. seeded r4 core) alone. */
function linkInto(cache: string, target: string): void {
  const link = join(cache, basename(target));
  if (resolve(link) === resolve(target)) return;
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    if (resolve(dirname(link), readlinkSync(link)) === resolve(target)) return;
    unlinkSync(link);
  } else if (stat) {
    return; // a real package folder already in the cache
  }
  symlinkSync(target, link, 'dir');
}

function runSushi(home: string, outDir: string, timeoutMs: number): Promise<{ code: number; output: string }> {
  const require = createRequire(import.meta.url);
  const sushiBin = join(dirname(require.resolve('fsh-sushi/package.json')), 'dist', 'app.js');
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
  if (process.env.SUSHI_ONLINE !== '1') {
    Object.assign(env, {
      FPL_REGISTRY: OFFLINE_REGISTRY,
      HTTPS_PROXY: OFFLINE_REGISTRY,
      HTTP_PROXY: OFFLINE_REGISTRY,
      https_proxy: OFFLINE_REGISTRY,
      http_proxy: OFFLINE_REGISTRY,
      NO_PROXY: '',
      no_proxy: '',
      npm_config_offline: 'true',
      npm_config_loglevel: 'silent',
      npm_config_registry: `${OFFLINE_REGISTRY}/`,
    });
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [sushiBin, 'build', PROJECT_ROOT, '--out', outDir, '--snapshot'], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const forward = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => forward(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => forward(c, process.stderr));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`SUSHI did not finish within ${timeoutMs} ms (SUSHI_TIMEOUT_MS); killed`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 1, output });
    });
  });
}

/**
 * A digest of everything SUSHI's output depends on (FSH, sushi-config.yaml, the SUSHI version): a build whose stamp
 * matches is skipped, so `npm start` and `npm test` only pay for SUSHI when the IG changed. `--force` rebuilds.
 */
function inputDigest(): string {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  hash.update(readFileSync(require.resolve('fsh-sushi/package.json')));
  const files = [join(PROJECT_ROOT, 'sushi-config.yaml'), ...filesUnder(join(PROJECT_ROOT, 'input', 'fsh'))].sort();
  for (const file of files) hash.update(file.slice(PROJECT_ROOT.length)).update(readFileSync(file));
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

async function main(): Promise<number> {
  const config = loadConfig();
  const stampFile = join(dirname(resolve(config.igResourcesDir)), '.build-stamp');
  const digest = inputDigest();
  if (!process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) {
    console.log(`build-ig: ${config.igResourcesDir} is up to date (use --force to rebuild)`);
    return 0;
  }
  const configPath = join(PROJECT_ROOT, 'sushi-config.yaml');
  const deps = readDependencies(configPath);

  // 1. Every dependency present? JP packages come from FHIR_PACKAGES_DIR (or the cache), r4 core from the cache.
  const searchDirs = [config.fhirPackagesDir, config.fhirPackageCache];
  const packages = [R4_CORE, ...deps.filter((d) => d.name !== R4_CORE.name)].map((dep) => ({
    dep,
    folder: findPackage(dep, dep.name === R4_CORE.name ? [config.fhirPackageCache, config.fhirPackagesDir] : searchDirs),
  }));

  // 2. A package cache SUSHI sees as $HOME/.fhir/packages.
  let home: string;
  let cache: string;
  let tempHome: string | undefined;
  const cacheDir = resolve(config.fhirPackageCache);
  if (basename(cacheDir) === 'packages' && basename(dirname(cacheDir)) === '.fhir') {
    home = dirname(dirname(cacheDir));
    cache = cacheDir;
  } else {
    tempHome = mkdtempSync(join(tmpdir(), 'jp-cvd-sushi-home-'));
    home = tempHome;
    cache = join(tempHome, '.fhir', 'packages');
  }
  mkdirSync(cache, { recursive: true });
  for (const { folder } of packages) linkInto(cache, folder);
  console.log(`build-ig: SUSHI package cache ${cache} (HOME=${home})`);
  for (const { dep, folder } of packages) console.log(`build-ig:   ${dep.name}#${dep.version} -> ${folder}`);

  // 3. Run SUSHI. SUSHI writes <out>/fsh-generated/resources, so igResourcesDir must end in fsh-generated/resources.
  const resourcesDir = resolve(config.igResourcesDir);
  if (basename(resourcesDir) !== 'resources' || basename(dirname(resourcesDir)) !== 'fsh-generated') {
    throw new Error(
      `IG_RESOURCES_DIR must end in fsh-generated/resources (SUSHI writes <out>/fsh-generated/resources), got ${resourcesDir}`,
    );
  }
  const outDir = dirname(dirname(resourcesDir));
  const timeoutMs = Number(process.env.SUSHI_TIMEOUT_MS || 600_000);
  try {
    const { code, output } = await runSushi(home, outDir, timeoutMs);
    const errors = /(\d+)\s+Errors?\s/i.exec(output.replace(/[│║]/g, ' '));
    const warnings = /(\d+)\s+Warnings?\s/i.exec(output.replace(/[│║]/g, ' '));
    console.log(
      `build-ig: SUSHI exit code ${code}; errors ${errors?.[1] ?? '?'}, warnings ${warnings?.[1] ?? '?'}; output in ${config.igResourcesDir}`,
    );
    if (code !== 0 || (errors && Number(errors[1]) > 0)) return 1;
    writeFileSync(stampFile, digest);
    return 0;
  } finally {
    if (tempHome) rmSync(tempHome, { recursive: true, force: true });
  }
}

// The reading site (scripts/build-ig-site.ts) follows every successful build, also when SUSHI was skipped.
main()
  .then((code) => (code === 0 ? buildIgSiteIfStale(process.argv.includes('--force')) : code))
  .then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`build-ig: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
