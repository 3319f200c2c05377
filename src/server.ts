import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT, type ServerConfig } from './config.js';
import { loadConformance } from './conformance/package-loader.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { openDatabase } from './db/open.js';
import type { PostgresOptions } from './db/postgres.js';
import type { FhirContext } from './fhir/context.js';
import { buildApp } from './http/app.js';
import { SearchEngine } from './search/search-engine.js';
import { ResourceStore } from './store/resource-store.js';
import { writeIndexers } from './store/write-hooks.js';
import { ConsentRecorder, registryConsentProfile } from './registry/consent/registry-consent.js';
import { Validator } from './validation/index.js';
import { AuditTrail } from './security/audit-trail.js';
import { TokenService } from './security/token-service.js';

export interface Runtime {
  db: Database;
  context: FhirContext;
  app: FastifyInstance;
  /** Stops accepting requests, lets in-flight ones finish, then closes the store. */
  close(): Promise<void>;
}

/** Opens the store (migrating it), loads the FHIR packages and builds the HTTP app; does not listen. */
export async function createRuntime(
  config: ServerConfig,
  options: { logger?: Logger | false; postgres?: PostgresOptions } = {},
): Promise<Runtime> {
  const logger = options.logger === undefined ? pino({ level: config.logLevel }) : options.logger;
  const conformance = loadConformance(
    {
      fhirPackageCache: config.fhirPackageCache,
      fhirPackagesDir: config.fhirPackagesDir,
      igResourcesDir: config.igResourcesDir,
      sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
    },
    (message) => logger && logger.warn(message),
  );
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, postgres: options.postgres });
  try {
    const applied = await migrate(db);
    if (logger && applied.length) logger.info({ applied }, 'database migrations applied');
  } catch (error) {
    await db.close();
    throw error;
  }
  const search = new SearchEngine(db, conformance);
  const context: FhirContext = {
    // registry_consent follows Consent writes; it searches the index rows the search engine has just written.
    store: new ResourceStore(db, writeIndexers(search, new ConsentRecorder(search, registryConsentProfile(conformance)))),
    search,
    conformance,
    validator: new Validator(conformance),
    audit: new AuditTrail(db),
    resourceTypes: new Set(conformance.resourceTypes()),
  };
  const app = buildApp(context, {
    bodyLimit: config.bodyLimit,
    publicBaseUrl: config.publicBaseUrl,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(config.authEnabled ? { tokens: new TokenService(db, config.accessTokenLifetime) } : {}),
  });
  let closed = false;
  return {
    db,
    context,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await db.close();
    },
  };
}

/** Starts the server and stops it gracefully on SIGINT/SIGTERM (in-flight writes finish first). */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Secure default: without authentication the server may only listen on loopback. Returns a warning to log, or
 * throws when the configuration would expose unauthenticated data.
 */
export function checkExposure(config: ServerConfig): string | undefined {
  if (config.authEnabled) return undefined;
  if (!LOOPBACK.has(config.host)) {
    throw new Error(`Refusing to listen on ${config.host} without authentication: set AUTH_ENABLED=true (and register clients) or HOST=127.0.0.1`);
  }
  return `Authentication is off (AUTH_ENABLED unset): listening on ${config.host} only, reachable from this machine alone`;
}

export async function serve(config: ServerConfig): Promise<Runtime> {
  const exposureWarning = checkExposure(config);
  const runtime = await createRuntime(config);
  if (exposureWarning) runtime.app.log.warn(exposureWarning);
  const log = runtime.app.log;
  await runtime.app.listen({ port: config.port, host: config.host });
  log.info(
    { store: config.databaseUrl ? 'postgresql' : `pglite (${config.dataDir})`, packages: runtime.context.conformance.packages.map((p) => `${p.name}#${p.version}`) },
    'jp-cvd-registry FHIR server ready',
  );
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    runtime.close().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return runtime;
}
