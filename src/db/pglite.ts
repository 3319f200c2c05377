import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/** The embedded store: PostgreSQL compiled to WASM, in a data directory or in memory (`memory://`). */
export async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    dataDir: dataDir === 'memory://' ? undefined : dataDir,
    // Same int8 (bigint) handling as the pg driver: plain numbers.
    parsers: { 20: (value: string) => Number(value) },
  });
  return {
    kind: 'pglite',
    query: (sql, params) => pg.query(sql, params as any[]),
    exec: async (sql) => void (await pg.exec(sql)),
    // PGlite serialises transactions and queries itself: it has a single backend.
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: (sql, params) => tx.query(sql, params as any[]),
          exec: async (sql) => void (await tx.exec(sql)),
        } satisfies Queryable),
      ),
    close: () => pg.close(),
  };
}
