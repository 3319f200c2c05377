import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres, type PostgresOptions } from './postgres.js';

export interface StoreLocation {
  /** PostgreSQL connection string; empty selects the embedded PGlite store. */
  databaseUrl: string;
  dataDir: string;
  postgres?: PostgresOptions;
}

export function openDatabase(location: StoreLocation): Promise<Database> {
  return location.databaseUrl ? openPostgres(location.databaseUrl, location.postgres) : openPglite(location.dataDir);
}
