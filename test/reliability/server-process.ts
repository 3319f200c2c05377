import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { TEST_DATABASE_URL } from '../support/runtime.js';
import { duplicatePatients, incompleteDocuments, storedResources, type StoredResource } from './stored-documents.js';

/** Where a server process keeps its data: a PGlite folder, or a PostgreSQL database of its own. */
export interface StoreUnderTest {
  name: 'pglite' | 'postgres';
  env: { DATA_DIR: string; DATABASE_URL: string };
  /** Opens the store directly (with no server running on a PGlite folder), for checks after the run. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function pgliteStore(dataDir: string): Promise<StoreUnderTest> {
  return { name: 'pglite', env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ databaseUrl: '', dataDir }), drop: async () => {} };
}

/** A fresh database in the test PostgreSQL server (the server process migrates it), dropped by `drop`. */
export async function postgresStore(): Promise<StoreUnderTest> {
  const name = `reliability_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    env: { DATA_DIR: 'memory://', DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' }),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Server processes started and not yet ended: a suite that fails or times out still stops them (stopServers). */
const startedServers = new Set<ChildProcess>();

/** SIGKILLs every server process still running; suites call it in afterAll. */
export function stopServers(): void {
  for (const child of startedServers) child.kill('SIGKILL');
}

export interface ServerProcess {
  origin: string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | string | null>;
  /** Sends a signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<number | string | null>;
  /** The last lines the server wrote to stderr/stdout, for failure messages. */
  output(): string;
}

/**
 * `jp-cvd-registry serve` as its own Node process (tsx loaded in-process, so SIGKILL reaches the server itself and
 * not a wrapper), on loopback at a free port, waiting until /healthz answers.
 */
export async function startServer(store: StoreUnderTest, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli.ts'), 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...store.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', AUTH_ENABLED: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  startedServers.add(child);
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      startedServers.delete(child);
      resolve(code ?? signal);
    }),
  );
  const origin = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    origin,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    output: () => output,
  };
  // Generous: a fresh PGlite folder is created and migrated on a machine that may be busy with other suites.
  const deadline = Date.now() + 240_000;
  let running = true;
  void exited.then(() => (running = false));
  while (running && Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop('SIGKILL');
  throw new Error(`the server did not start on ${origin}:\n${output}`);
}

/** A FHIR JSON request: the answer's status, parsed body (the text when not JSON) and headers. */
export async function fetchJson(origin: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${origin}${path}`, { ...init, headers: { accept: 'application/fhir+json', ...(init.body ? { 'content-type': 'application/fhir+json' } : {}), ...init.headers } });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers };
}

export function postJson(origin: string, path: string, resource: unknown): ReturnType<typeof fetchJson> {
  return fetchJson(origin, path, { method: 'POST', body: JSON.stringify(resource) });
}

/** After a run, with the server stopped: incomplete documents and duplicate Patients in the store (none expected). */
export async function storeProblems(store: StoreUnderTest): Promise<{ resources: StoredResource[]; problems: string[] }> {
  const db = await store.open();
  try {
    const resources = await storedResources(db);
    return { resources, problems: [...incompleteDocuments(resources), ...duplicatePatients(resources)] };
  } finally {
    await db.close();
  }
}

/**
 * A copy of a document under a new document identity (Bundle.id, and the document number in Bundle.identifier,
 * which keeps its JP-CLINS form <institution>^<year>^<number>): same entries, same patient.
 */
export function asNewDocument(bundle: fhir4.Bundle, documentNumber: string): fhir4.Bundle {
  const [institution, year] = bundle.identifier!.value!.split('^');
  return { ...bundle, id: randomBytes(16).toString('hex'), identifier: { system: bundle.identifier!.system, value: `${institution}^${year}^${documentNumber}` } };
}
