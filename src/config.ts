import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this file both in src/ (tsx) and in dist/ (compiled). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data directory; used when databaseUrl is empty. `memory://` keeps the store in memory. */
  dataDir: string;
  /** PostgreSQL connection string; empty means the embedded PGlite store. */
  databaseUrl: string;
  /** Folder holding JP Core / JP-CLINS package folders (`name#version/package`). */
  fhirPackagesDir: string;
  /** FHIR package cache seeded with hl7.fhir.r4.core (scripts/seed-r4-core.mjs). */
  fhirPackageCache: string;
  /** The IG's compiled conformance resources (SUSHI output). */
  igResourcesDir: string;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Base URL used in Location headers and Bundle links; derived from the request when empty. */
  publicBaseUrl: string;
  logLevel: string;
}

function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
}

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: intFromEnv(env.PORT, 8080, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR === 'memory://' ? 'memory://' : resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL ?? '',
    fhirPackagesDir: fromRoot(env.FHIR_PACKAGES_DIR || '../shared/fhir-packages'),
    fhirPackageCache: fromRoot(env.FHIR_PACKAGE_CACHE || '.fhir/packages'),
    igResourcesDir: fromRoot(env.IG_RESOURCES_DIR || 'fsh-generated/resources'),
    bodyLimit: intFromEnv(env.BODY_LIMIT_BYTES, 20 * 1024 * 1024, 'BODY_LIMIT_BYTES'),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? '').replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
