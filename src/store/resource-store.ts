import type { Database, Queryable } from '../db/database.js';
import { ALL_TENANTS, mayChange, tenantCondition, TenantWriteError, writtenTenant, type ReadScope } from './tenancy.js';

/** One stored version of a resource. `resource` is absent for a deletion. */
export interface StoredVersion {
  type: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  deleted: boolean;
  /** The write that made this version: POST (create), PUT (update) or DELETE. */
  method: 'POST' | 'PUT' | 'DELETE';
  resource?: fhir4.Resource;
}

/** The version a conditional write expected is not the current one (If-Match). */
export class VersionConflictError extends Error {
  constructor(
    readonly type: string,
    readonly id: string,
    readonly expected: string,
    readonly current: string | undefined,
  ) {
    super(
      current === undefined
        ? `${type}/${id} does not exist (expected version ${expected})`
        : `${type}/${id} is at version ${current}, not ${expected}`,
    );
  }
}

/** One write of a batch (`writeMany`): a create under a fresh id (POST) or a create-or-update (PUT). */
export interface BatchWrite {
  resource: fhir4.Resource;
  id: string;
  method: 'POST' | 'PUT';
  /** For PUT: write only if the current version is this one (If-Match). */
  ifMatch?: string;
  /** The tenancy this write is made under, when not the store's own (a batch of several hospitals' documents). */
  scope?: ReadScope;
}

export interface BatchWriteResult {
  version: StoredVersion;
  /** True when the write made the resource exist (a create, or an update of an absent or deleted resource). */
  created: boolean;
}

/** A hospital may change only its own rows; a scope without data access changes nothing. Checked before If-Match. */
function checkTenant(scope: ReadScope, type: string, id: string, current: { hospital_code: string | null } | undefined): void {
  if (scope.kind === 'none' || (current && !mayChange(scope, current.hospital_code))) throw new TenantWriteError(type, id, scope);
}

/** If-Match: the write needs `expected` to be the current, undeleted version of type/id. */
function checkIfMatch(
  type: string,
  id: string,
  expected: string | undefined,
  current: { version_id: number; deleted: boolean } | undefined,
): void {
  if (expected === undefined) return;
  const currentVersion = current && !current.deleted ? String(current.version_id) : undefined;
  if (currentVersion !== expected) throw new VersionConflictError(type, id, expected, currentVersion);
}

export interface HistoryScope {
  type?: string;
  id?: string;
}

export interface HistoryQuery {
  /** Only versions written after this instant (exclusive). */
  since?: string;
  /** Only versions current at or before this instant. */
  at?: string;
  /** Page size. */
  count: number;
  /** Continue after this position (exclusive): the `cursor` of the previous page. */
  before?: number;
}

export interface HistoryPage {
  versions: StoredVersion[];
  /** Position to continue from, when more versions may follow. */
  cursor?: number;
}

interface VersionRow {
  type: string;
  id: string;
  version_id: number;
  last_updated: Date | string;
  deleted: boolean;
  method: StoredVersion['method'];
  content: fhir4.Resource | string | null;
  seq?: number;
}

/**
 * A version row's content is NULL while the version is current: the resource row holds it, so a write stores each
 * document once. Superseding a version copies the content into its version row (`SUPERSEDE`).
 */
const VERSION_COLUMNS =
  'type, id, version_id, last_updated, deleted, method, COALESCE(content, (SELECT c.content FROM resource c WHERE c.rid = v.rid AND c.version_id = v.version_id)) AS content';

/** A CTE (`superseded`) moving the content of the current versions of `rids` into their version rows, before they change. */
const SUPERSEDE = (rids: string) => `superseded AS (
     UPDATE resource_version v SET content = c.content FROM resource c
      WHERE c.rid IN (${rids}) AND v.rid = c.rid AND v.version_id = c.version_id AND v.content IS NULL)`;

function toVersion(row: VersionRow): StoredVersion {
  const content = typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
  return {
    type: row.type,
    id: row.id,
    versionId: String(row.version_id),
    lastUpdated: new Date(row.last_updated).toISOString(),
    deleted: row.deleted,
    method: row.method,
    ...(content ? { resource: withConventionalKeyOrder(content) } : {}),
  };
}

/** jsonb sorts object keys; put resourceType, id and meta first again, as FHIR JSON is conventionally written. */
export function withConventionalKeyOrder(resource: fhir4.Resource): fhir4.Resource {
  const { resourceType, id, meta, ...rest } = resource as fhir4.Resource & Record<string, unknown>;
  return { resourceType, id, meta, ...rest } as fhir4.Resource;
}

function stamp(resource: fhir4.Resource, id: string, versionId: number, lastUpdated: string): fhir4.Resource {
  return withConventionalKeyOrder({ ...resource, id, meta: { ...resource.meta, versionId: String(versionId), lastUpdated } });
}

/**
 * Told of every write inside the writing transaction, so that derived tables (search indexes) commit or roll back
 * with the resource. Implemented outside the store (the search engine) and injected.
 */
export interface WriteIndexer {
  indexWrites(tx: Queryable, writes: IndexedWrite[]): Promise<void>;
}

/** A written resource as indexers see it: absent `resource` for a deletion; `created` when its rid is new this write. */
export interface IndexedWrite {
  rid: number;
  type: string;
  resource?: fhir4.Resource;
  created?: boolean;
}

/**
 * Versioned resource storage over one SQL dialect. Every write appends to resource_version and moves the current
 * pointer in resource, in one transaction. Knows nothing of HTTP: conditions are reported as typed errors.
 *
 * A store reads and writes within its ReadScope (see tenancy.ts): reads and history see only the scope's rows (a
 * row outside it is as absent), new rows are stamped with the scope's hospital, and changing a row of another
 * hospital is a TenantWriteError.
 */
export class ResourceStore {
  constructor(
    private readonly db: Database,
    private readonly indexer?: WriteIndexer,
    private readonly tx?: Queryable,
    readonly scope: ReadScope = ALL_TENANTS,
  ) {}

  /** The same storage seen through another scope (inside the same transaction, if any). */
  withScope(scope: ReadScope): ResourceStore {
    return new ResourceStore(this.db, this.indexer, this.tx, scope);
  }

  /** Runs `work` with a store whose every operation belongs to one database transaction. */
  transaction<T>(work: (store: ResourceStore) => Promise<T>): Promise<T> {
    if (this.tx) return work(this);
    return this.db.transaction((tx) => work(new ResourceStore(this.db, this.indexer, tx, this.scope)));
  }

  /** `AND <condition>` keeping rows of `alias` to this store's scope ('' when it sees everything). */
  private visible(alias: string, params: unknown[]): string {
    const condition = tenantCondition(this.scope, alias, (value, cast) => `$${params.push(value)}${cast ? `::${cast}` : ''}`);
    return condition ? ` AND ${condition}` : '';
  }

  /** The connection this store's statements run on (the transaction's, inside `transaction`). */
  get sql(): Queryable {
    return this.tx ?? this.db;
  }

  /**
   * Serialises writers that share `key` until the current transaction ends, so that a check-then-write (conditional
   * create) cannot race another one with the same condition.
   */
  async lockKey(key: string): Promise<void> {
    await this.sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  /**
   * `lockKey` for many keys in one statement, taken in sorted order so that two such callers cannot deadlock.
   * `sharedKeys` are taken in shared mode: they wait only for (and hold off only) exclusive holders of the key.
   */
  async lockKeys(keys: string[], sharedKeys: string[] = []): Promise<void> {
    const exclusive = new Set(keys);
    const sorted = [...new Set([...keys, ...sharedKeys])].sort();
    if (sorted.length === 0) return;
    await this.sql.query(
      `SELECT CASE WHEN shared THEN pg_advisory_xact_lock_shared(hashtext(key)) ELSE pg_advisory_xact_lock(hashtext(key)) END
         FROM unnest($1::text[], $2::boolean[]) WITH ORDINALITY AS k(key, shared, ord) ORDER BY ord`,
      [sorted, sorted.map((key) => !exclusive.has(key))],
    );
  }

  async read(type: string, id: string): Promise<StoredVersion | undefined> {
    const params: unknown[] = [type, id];
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT type, id, version_id, last_updated, deleted,
              CASE WHEN deleted THEN 'DELETE' ELSE 'PUT' END AS method, content
         FROM resource r WHERE type = $1 AND id = $2${this.visible('r', params)}`,
      params,
    );
    return rows[0] && toVersion(rows[0]);
  }

  async vread(type: string, id: string, versionId: string): Promise<StoredVersion | undefined> {
    const version = Number(versionId);
    if (!Number.isSafeInteger(version)) return undefined;
    const params: unknown[] = [type, id, version];
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM resource_version v
        WHERE rid = (SELECT rid FROM resource WHERE type = $1 AND id = $2) AND version_id = $3${this.visible('v', params)}`,
      params,
    );
    return rows[0] && toVersion(rows[0]);
  }

  /** Stores a new resource under `id` (which the caller has chosen and knows to be free). */
  async create(resource: fhir4.Resource, id: string, lastUpdated = new Date().toISOString()): Promise<StoredVersion> {
    return this.transaction(async (store) => {
      const created = await store.insertIfAbsent(resource, id, lastUpdated, 'POST');
      if (!created) throw new Error(`${resource.resourceType}/${id} already exists`);
      return created;
    });
  }

  /**
   * Writes a new current version of type/id, creating the resource when it does not exist (or was deleted).
   * `ifMatch` makes the write conditional on the current version.
   */
  put(
    resource: fhir4.Resource,
    id: string,
    options: { ifMatch?: string; lastUpdated?: string } = {},
  ): Promise<{ version: StoredVersion; created: boolean }> {
    const type = resource.resourceType;
    const lastUpdated = options.lastUpdated ?? new Date().toISOString();
    return this.transaction(async (store) => {
      for (;;) {
        const current = await store.lockCurrent(type, id);
        checkTenant(store.scope, type, id, current);
        checkIfMatch(type, id, options.ifMatch, current);
        if (!current) {
          const inserted = await store.insertIfAbsent(resource, id, lastUpdated, 'PUT');
          if (inserted) return { version: inserted, created: true };
          continue; // another writer created it meanwhile: lock that row and update it
        }
        const versionId = current.version_id + 1;
        const stored = stamp(resource, id, versionId, lastUpdated);
        await store.writeVersion(current.rid, type, id, versionId, lastUpdated, 'PUT', stored);
        return {
          version: { type, id, versionId: String(versionId), lastUpdated, deleted: false, method: 'PUT', resource: stored },
          created: current.deleted,
        };
      }
    });
  }

  /**
   * Marks type/id deleted with a new version. Returns undefined when it never existed; deleting a deleted resource
   * changes nothing and returns its deletion version.
   */
  delete(type: string, id: string, options: { ifMatch?: string } = {}): Promise<StoredVersion | undefined> {
    const lastUpdated = new Date().toISOString();
    return this.transaction(async (store) => {
      const current = await store.lockCurrent(type, id);
      checkTenant(store.scope, type, id, current);
      checkIfMatch(type, id, options.ifMatch, current);
      if (!current) return undefined;
      if (current.deleted) return store.read(type, id);
      const versionId = current.version_id + 1;
      await store.writeVersion(current.rid, type, id, versionId, lastUpdated, 'DELETE', null);
      return { type, id, versionId: String(versionId), lastUpdated, deleted: true, method: 'DELETE' };
    });
  }

  /**
   * Writes many resources in one transaction with a constant number of statements (lock, insert, update), however
   * many there are: what large transaction Bundles need. Results are in the order of `writes`. A POST id must be
   * free (the caller chose a fresh one); a PUT behaves as `put`. Every write shares one lastUpdated instant.
   */
  writeMany(writes: BatchWrite[], lastUpdated = new Date().toISOString()): Promise<BatchWriteResult[]> {
    if (writes.length === 0) return Promise.resolve([]);
    const keys = new Set(writes.map((write) => `${write.resource.resourceType}/${write.id}`));
    if (keys.size !== writes.length) return Promise.reject(new Error('writeMany: a resource may be written only once per batch'));
    return this.transaction(async (store) => {
      const puts = writes.filter((write) => write.method === 'PUT');
      const currentRows = await store.lockCurrentMany(puts.map((write) => ({ type: write.resource.resourceType, id: write.id })));
      const current = new Map(currentRows.map((row) => [`${row.type}/${row.id}`, row]));
      const results: BatchWriteResult[] = new Array(writes.length);
      const inserts: { index: number; stored: fhir4.Resource; method: 'POST' | 'PUT'; tenant: string | null }[] = [];
      const updates: { index: number; rid: number; versionId: number; stored: fhir4.Resource; wasDeleted: boolean }[] = [];
      writes.forEach((write, index) => {
        const type = write.resource.resourceType;
        const row = write.method === 'PUT' ? current.get(`${type}/${write.id}`) : undefined;
        checkTenant(write.scope ?? store.scope, type, write.id, row);
        checkIfMatch(type, write.id, write.ifMatch, row);
        if (row) {
          const versionId = row.version_id + 1;
          updates.push({ index, rid: row.rid, versionId, stored: stamp(write.resource, write.id, versionId, lastUpdated), wasDeleted: row.deleted });
        } else {
          inserts.push({ index, stored: stamp(write.resource, write.id, 1, lastUpdated), method: write.method, tenant: writtenTenant(write.scope ?? store.scope) });
        }
      });

      const indexed: IndexedWrite[] = [];
      if (inserts.length) {
        const { rows } = await store.sql.query<{ rid: number; type: string; id: string }>(
          `WITH input AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(ord int, type text, id text, method text, content jsonb, hospital_code text)),
           current AS (
             INSERT INTO resource (type, id, version_id, last_updated, content, hospital_code)
             SELECT type, id, 1, $2::timestamptz, content, hospital_code FROM input ORDER BY ord
             ON CONFLICT (type, id) DO NOTHING RETURNING rid, type, id)
           INSERT INTO resource_version (rid, version_id, type, id, last_updated, method, hospital_code)
           SELECT c.rid, 1, c.type, c.id, $2::timestamptz, i.method, i.hospital_code
             FROM current c JOIN input i ON i.type = c.type AND i.id = c.id ORDER BY i.ord
           RETURNING rid, type, id`,
          [
            JSON.stringify(inserts.map(({ stored, method, tenant }, ord) => ({ ord, type: stored.resourceType, id: stored.id, method, content: stored, hospital_code: tenant }))),
            lastUpdated,
          ],
        );
        const insertedRid = new Map(rows.map((row) => [`${row.type}/${row.id}`, row.rid]));
        for (const insert of inserts) {
          const { resourceType: type, id } = insert.stored;
          const rid = insertedRid.get(`${type}/${id}`);
          const write = writes[insert.index];
          if (rid === undefined) {
            if (write.method === 'POST') throw new Error(`${type}/${id} already exists`);
            // A concurrent writer created it after our lock query: update it the ordinary way.
            results[insert.index] = await store.withScope(write.scope ?? store.scope).put(write.resource, write.id, { ifMatch: write.ifMatch, lastUpdated });
            continue;
          }
          indexed.push({ rid, type, resource: insert.stored, created: true });
          results[insert.index] = {
            version: { type, id: id!, versionId: '1', lastUpdated, deleted: false, method: insert.method, resource: insert.stored },
            created: true,
          };
        }
      }
      if (updates.length) {
        await store.sql.query(
          `WITH input AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(ord int, rid bigint, version_id int, type text, id text, content jsonb)),
           ${SUPERSEDE('SELECT rid FROM input')},
           current AS (
             UPDATE resource r SET version_id = i.version_id, last_updated = $2::timestamptz, deleted = false, content = i.content
               FROM input i WHERE r.rid = i.rid RETURNING r.rid, r.hospital_code)
           INSERT INTO resource_version (rid, version_id, type, id, last_updated, method, deleted, hospital_code)
           SELECT i.rid, i.version_id, i.type, i.id, $2::timestamptz, 'PUT', false, c.hospital_code
             FROM input i JOIN current c ON c.rid = i.rid ORDER BY i.ord`,
          [
            JSON.stringify(updates.map(({ rid, versionId, stored }, ord) => ({ ord, rid, version_id: versionId, type: stored.resourceType, id: stored.id, content: stored }))),
            lastUpdated,
          ],
        );
        for (const update of updates) {
          const { resourceType: type, id } = update.stored;
          indexed.push({ rid: update.rid, type, resource: update.stored });
          results[update.index] = {
            version: { type, id: id!, versionId: String(update.versionId), lastUpdated, deleted: false, method: 'PUT', resource: update.stored },
            created: update.wasDeleted,
          };
        }
      }
      if (indexed.length) await store.indexer?.indexWrites(store.sql, indexed);
      return results;
    });
  }

  /** Versions newest first, paged by global write order. */
  async history(scope: HistoryScope, query: HistoryQuery): Promise<HistoryPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (scope.type && scope.id) {
      where.push(`rid = (SELECT rid FROM resource WHERE type = ${bind(scope.type)} AND id = ${bind(scope.id)})`);
    } else if (scope.type) {
      where.push(`type = ${bind(scope.type)}`);
    }
    if (query.since) where.push(`last_updated > ${bind(query.since)}::timestamptz`);
    if (query.at) where.push(`last_updated <= ${bind(query.at)}::timestamptz`);
    if (query.before !== undefined) where.push(`seq < ${bind(query.before)}`);
    const tenant = tenantCondition(this.scope, 'v', bind);
    if (tenant) where.push(tenant);
    const { rows } = await this.sql.query<VersionRow>(
      `SELECT ${VERSION_COLUMNS}, seq FROM resource_version v
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC LIMIT ${bind(query.count + 1)}`,
      params,
    );
    const page = rows.slice(0, query.count);
    return {
      versions: page.map(toVersion),
      cursor: rows.length > query.count ? page[page.length - 1].seq : undefined,
    };
  }

  /** Number of versions in a scope (instance history totals). */
  async countVersions(type: string, id: string): Promise<number> {
    const params: unknown[] = [type, id];
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM resource_version v WHERE rid = (SELECT rid FROM resource WHERE type = $1 AND id = $2)${this.visible('v', params)}`,
      params,
    );
    return rows[0].n;
  }

  private async lockCurrent(type: string, id: string) {
    const { rows } = await this.sql.query<{ rid: number; version_id: number; deleted: boolean; hospital_code: string | null }>(
      'SELECT rid, version_id, deleted, hospital_code FROM resource WHERE type = $1 AND id = $2 FOR UPDATE',
      [type, id],
    );
    return rows[0];
  }

  /** Locks the current rows of many resources in one statement, in rid order so that concurrent batches cannot deadlock. */
  private async lockCurrentMany(keys: { type: string; id: string }[]) {
    if (keys.length === 0) return [];
    const { rows } = await this.sql.query<{ rid: number; type: string; id: string; version_id: number; deleted: boolean; hospital_code: string | null }>(
      `SELECT r.rid, r.type, r.id, r.version_id, r.deleted, r.hospital_code
         FROM resource r JOIN jsonb_to_recordset($1::jsonb) AS k(type text, id text) ON r.type = k.type AND r.id = k.id
        ORDER BY r.rid FOR UPDATE OF r`,
      [JSON.stringify(keys)],
    );
    return rows;
  }

  private async insertIfAbsent(
    resource: fhir4.Resource,
    id: string,
    lastUpdated: string,
    method: 'POST' | 'PUT',
  ): Promise<StoredVersion | undefined> {
    const type = resource.resourceType;
    checkTenant(this.scope, type, id, undefined);
    const stored = stamp(resource, id, 1, lastUpdated);
    const { rows } = await this.sql.query<{ rid: number }>(
      `WITH current AS (
         INSERT INTO resource (type, id, version_id, last_updated, content, hospital_code)
         VALUES ($1, $2, 1, $3::timestamptz, $4::jsonb, $6) ON CONFLICT (type, id) DO NOTHING RETURNING rid)
       INSERT INTO resource_version (rid, version_id, type, id, last_updated, method, hospital_code)
       SELECT rid, 1, $1, $2, $3::timestamptz, $5, $6 FROM current RETURNING rid`,
      [type, id, lastUpdated, JSON.stringify(stored), method, writtenTenant(this.scope)],
    );
    if (rows.length === 0) return undefined;
    await this.indexer?.indexWrites(this.sql, [{ rid: rows[0].rid, type, resource: stored, created: true }]);
    return { type, id, versionId: '1', lastUpdated, deleted: false, method, resource: stored };
  }

  private async writeVersion(
    rid: number,
    type: string,
    id: string,
    versionId: number,
    lastUpdated: string,
    method: StoredVersion['method'],
    content: fhir4.Resource | null,
  ): Promise<void> {
    const json = content && JSON.stringify(content);
    await this.sql.query(
      `WITH ${SUPERSEDE('$1')},
       current AS (
         UPDATE resource SET version_id = $2, last_updated = $5::timestamptz, deleted = $7, content = $8::jsonb
          WHERE rid = $1 RETURNING rid, hospital_code)
       INSERT INTO resource_version (rid, version_id, type, id, last_updated, method, deleted, hospital_code)
       SELECT rid, $2, $3, $4, $5::timestamptz, $6, $7, hospital_code FROM current`,
      [rid, versionId, type, id, lastUpdated, method, content === null, json],
    );
    await this.indexer?.indexWrites(this.sql, [{ rid, type, resource: content ?? undefined }]);
  }
}
