import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/server.js';

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
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}
