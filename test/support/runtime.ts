import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/server.js';
import { dropSchema } from '../../src/db/postgres.js';

/** The store a suite runs against: vitest's `pglite` and `postgres` projects set STORE. */
export const STORE = process.env.STORE === 'postgres' ? 'postgres' : 'pglite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestRuntime extends Runtime {
  config: ServerConfig;
}

/**
 * A fresh, empty server runtime on the suite's store: in-memory PGlite, or a private schema in the test
 * PostgreSQL database (dropped on close).
 */
export async function startTestRuntime(overrides: Partial<ServerConfig> = {}): Promise<TestRuntime> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const config: ServerConfig = {
    ...loadConfig(),
    dataDir: 'memory://',
    databaseUrl: STORE === 'postgres' ? TEST_DATABASE_URL : '',
    publicBaseUrl: 'http://fhir.test',
    ...overrides,
  };
  const runtime = await createRuntime(config, { logger: false, postgres: { schema } });
  return {
    ...runtime,
    config,
    async close() {
      await runtime.close();
      if (STORE === 'postgres') {
        await dropSchema(TEST_DATABASE_URL, schema);
      }
    },
  };
}

export interface TestApi {
  /** The suite's runtime (available inside tests and hooks). */
  readonly runtime: TestRuntime;
  /** supertest bound to the runtime's HTTP server. */
  readonly http: ReturnType<typeof request>;
  /** Number of current resources stored, for "nothing stored" assertions. */
  storedCount(type?: string): Promise<number>;
}

/** Registers beforeAll/afterAll hooks that give a suite a fresh server on its store and a supertest client. */
export function useTestApi(overrides: Partial<ServerConfig> = {}): TestApi {
  let runtime: TestRuntime | undefined;
  let http: ReturnType<typeof request> | undefined;
  beforeAll(async () => {
    runtime = await startTestRuntime(overrides);
    await runtime.app.ready();
    http = request(runtime.app.server);
  });
  afterAll(async () => runtime?.close());
  return {
    get runtime() {
      if (!runtime) throw new Error('the test runtime starts in beforeAll');
      return runtime;
    },
    get http() {
      if (!http) throw new Error('the test runtime starts in beforeAll');
      return http;
    },
    async storedCount(type?: string) {
      const { rows } = await this.runtime.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM resource${type ? ' WHERE type = $1' : ''}`,
        type ? [type] : [],
      );
      return rows[0].n;
    },
  };
}

/**
 * A fresh runtime listening on an ephemeral loopback port, for clients others wrote that speak real HTTP. `origin`
 * is e.g. http://127.0.0.1:40123 (the FHIR base is `${origin}/fhir`); links use the request's own host.
 */
export type ListeningRuntime = TestRuntime & { origin: string };

export async function startListeningRuntime(): Promise<ListeningRuntime> {
  const runtime = await startTestRuntime({ publicBaseUrl: '' });
  await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = runtime.app.server.address() as AddressInfo;
  return Object.assign(runtime, { origin: `http://127.0.0.1:${port}` });
}
