import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
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
  /** Most entries accepted in one transaction, batch or document Bundle. */
  maxBundleEntries: number;
  /** Base URL used in Location headers and Bundle links; derived from the request when empty. */
  publicBaseUrl: string;
  logLevel: string;
  /** SMART Backend Services authentication on every FHIR route (AUTH_ENABLED=true). */
  authEnabled: boolean;
  /** Lifetime of issued access tokens in seconds. */
  accessTokenLifetime: number;
  /** Requests per minute allowed per client (per bearer token, or per address without one). */
  rateLimitPerMinute: number;
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
    maxBundleEntries: maxBundleEntries(env),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? '').replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL || 'info',
    authEnabled: /^(1|true|yes)$/i.test(env.AUTH_ENABLED ?? ''),
    accessTokenLifetime: intFromEnv(env.ACCESS_TOKEN_LIFETIME_S, 300, 'ACCESS_TOKEN_LIFETIME_S'),
    rateLimitPerMinute: intFromEnv(env.RATE_LIMIT_PER_MINUTE, 6000, 'RATE_LIMIT_PER_MINUTE'),
  };
}

/**
 * MAX_BUNDLE_ENTRIES (default 10000). Bundle processing reads it per request, as the FHIR context does not carry the
 * server configuration.
 */
export function maxBundleEntries(env: NodeJS.ProcessEnv = process.env): number {
  return intFromEnv(env.MAX_BUNDLE_ENTRIES, 10_000, 'MAX_BUNDLE_ENTRIES');
}

/**
 * IG_SITE_DIR (default `<project>/ig-site`): the IG's reading site, written by `npm run build:ig`
 * (scripts/build-ig-site.ts) and served at /ig/. Read from the environment (like exportSettings), as the HTTP app
 * does not carry the server configuration.
 */
export function igSiteDir(env: NodeJS.ProcessEnv = process.env): string {
  return fromRoot(env.IG_SITE_DIR || 'ig-site');
}

/** Bulk Data $export settings. */
export interface ExportSettings {
  /** Folder holding the NDJSON files of export jobs (one subfolder per job). */
  dir: string;
  /** Export jobs running at once; a kick-off beyond this answers 429 with Retry-After. */
  maxConcurrentJobs: number;
  /** An output file is closed and a new one started once it holds this many bytes. */
  fileByteLimit: number;
  /** Resource JSON fetched from the database per round trip; a resource larger than this is read in slices. */
  fetchBytes: number;
  /** Seconds a completed job's files stay downloadable. */
  expirySeconds: number;
  /** HMAC key of the de-identified export's pseudonyms; de-identified export is refused without one. */
  pseudonymKey: string;
  /** De-identified export shifts each patient's dates by up to this many days (0: no shift). */
  dateShiftDays: number;
  /** Seconds a server's hold on a running job lasts unless renewed; a job is taken over after its server died this long ago. */
  leaseSeconds: number;
}

/**
 * EXPORT_DIR (default `<DATA_DIR>/export`, or a temporary folder for an in-memory store), EXPORT_MAX_JOBS (2),
 * EXPORT_FILE_BYTES (256 MiB), EXPORT_FETCH_BYTES (4 MiB), EXPORT_EXPIRY_SECONDS (86400), EXPORT_PSEUDONYM_KEY,
 * EXPORT_DATE_SHIFT_DAYS (0), EXPORT_LEASE_SECONDS (60). Read from the environment when an export service starts, as the FHIR context does
 * not carry the server configuration.
 */
export function exportSettings(env: NodeJS.ProcessEnv = process.env): ExportSettings {
  const dataDir = env.DATA_DIR || './data';
  const defaultDir = dataDir === 'memory://' ? join(tmpdir(), 'jp-cvd-registry-export') : join(resolve(dataDir), 'export');
  return {
    dir: env.EXPORT_DIR ? resolve(env.EXPORT_DIR) : defaultDir,
    maxConcurrentJobs: Math.max(1, intFromEnv(env.EXPORT_MAX_JOBS, 2, 'EXPORT_MAX_JOBS')),
    fileByteLimit: Math.max(1024, intFromEnv(env.EXPORT_FILE_BYTES, 256 * 1024 * 1024, 'EXPORT_FILE_BYTES')),
    fetchBytes: Math.max(1024, intFromEnv(env.EXPORT_FETCH_BYTES, 4 * 1024 * 1024, 'EXPORT_FETCH_BYTES')),
    expirySeconds: intFromEnv(env.EXPORT_EXPIRY_SECONDS, 86_400, 'EXPORT_EXPIRY_SECONDS'),
    pseudonymKey: env.EXPORT_PSEUDONYM_KEY ?? '',
    dateShiftDays: intFromEnv(env.EXPORT_DATE_SHIFT_DAYS, 0, 'EXPORT_DATE_SHIFT_DAYS'),
    leaseSeconds: Math.max(1, intFromEnv(env.EXPORT_LEASE_SECONDS, 60, 'EXPORT_LEASE_SECONDS')),
  };
}

/** Settings of the $epidemiology operation (docs/EPIDEMIOLOGY.md). */
export interface EpidemiologySettings {
  /** Population table (CSV: prefecture,age_band,sex,population); empty: counts only, rates omitted with a warning. */
  populationFile: string;
  /** Cells counting fewer cases than this (but more than zero) are hidden, and complements with them. */
  minCellCount: number;
  /** Width of the age bands when the request does not choose: 5 or 10 years. */
  ageBandWidth: 5 | 10;
}

/**
 * EPI_POPULATION_FILE (none), EPI_MIN_CELL_COUNT (10, at least 1), EPI_AGE_BAND_WIDTH (10; 5 or 10). Read from the
 * environment per request, as the FHIR context does not carry the server configuration.
 */
export function epidemiologySettings(env: NodeJS.ProcessEnv = process.env): EpidemiologySettings {
  const width = intFromEnv(env.EPI_AGE_BAND_WIDTH, 10, 'EPI_AGE_BAND_WIDTH');
  if (width !== 5 && width !== 10) throw new Error(`EPI_AGE_BAND_WIDTH must be 5 or 10, got "${env.EPI_AGE_BAND_WIDTH}"`);
  return {
    populationFile: env.EPI_POPULATION_FILE ? fromRoot(env.EPI_POPULATION_FILE) : '',
    minCellCount: Math.max(1, intFromEnv(env.EPI_MIN_CELL_COUNT, 10, 'EPI_MIN_CELL_COUNT')),
    ageBandWidth: width,
  };
}

/** Patient linkage (名寄せ) thresholds: scores in [0, 1] (docs/LINKAGE.md). */
export interface LinkageSettings {
  /** A candidate at or above this score is graded `certain` and linked automatically. */
  certainScore: number;
  /** At or above: `probable` (returned by $match for an operator to review, not linked). */
  probableScore: number;
  /** At or above: `possible`; below it a candidate is `certainly-not` and not returned. */
  possibleScore: number;
  /** Subtracted from the score when both records carry an insurance number and the numbers differ. */
  insuranceConflictPenalty: number;
}

function fractionFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new Error(`${name} must be a number from 0 to 1, got "${value}"`);
  return parsed;
}

/**
 * LINKAGE_CERTAIN_SCORE (0.9), LINKAGE_PROBABLE_SCORE (0.75), LINKAGE_POSSIBLE_SCORE (0.6),
 * LINKAGE_INSURANCE_CONFLICT_PENALTY (0.2). Read from the environment (like exportSettings), as the FHIR context does
 * not carry the server configuration.
 */
export function linkageSettings(env: NodeJS.ProcessEnv = process.env): LinkageSettings {
  const settings = {
    certainScore: fractionFromEnv(env.LINKAGE_CERTAIN_SCORE, 0.9, 'LINKAGE_CERTAIN_SCORE'),
    probableScore: fractionFromEnv(env.LINKAGE_PROBABLE_SCORE, 0.75, 'LINKAGE_PROBABLE_SCORE'),
    possibleScore: fractionFromEnv(env.LINKAGE_POSSIBLE_SCORE, 0.6, 'LINKAGE_POSSIBLE_SCORE'),
    insuranceConflictPenalty: fractionFromEnv(env.LINKAGE_INSURANCE_CONFLICT_PENALTY, 0.2, 'LINKAGE_INSURANCE_CONFLICT_PENALTY'),
  };
  if (!(settings.possibleScore <= settings.probableScore && settings.probableScore <= settings.certainScore)) {
    throw new Error('LINKAGE_POSSIBLE_SCORE <= LINKAGE_PROBABLE_SCORE <= LINKAGE_CERTAIN_SCORE is required');
  }
  return settings;
}
