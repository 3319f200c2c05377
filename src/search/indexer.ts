import type { ConformanceRegistry } from '../conformance/package-loader.js';
import type { Database, Queryable } from '../db/database.js';
import type { IndexedWrite, WriteIndexer } from '../store/resource-store.js';
import { emptyRows, extractRows, type IndexRows } from './extract.js';
import { fullTextRows } from './full-text.js';
import { ParameterCatalog, type ResolvedParameter } from './parameters.js';
import { indexedText } from './values.js';

export type IndexErrorHandler = (parameter: ResolvedParameter, error: Error) => void;

/** Column lists of the index tables, in the order their unnest() arrays are bound. */
const COLUMNS = {
  token: ['system:text', 'value:text', 'text:text'],
  string: ['value:text', 'exact:text'],
  date: ['low:timestamptz', 'high:timestamptz'],
  number: ['low:numeric', 'high:numeric', 'system:text', 'code:text'],
  reference: ['target_type:text', 'target_id:text', 'url:text'],
  uri: ['value:text'],
  text: ['value:text'],
} as const;

type Table = keyof typeof COLUMNS;

/** The row field holding each column (camel case in JS). */
const FIELD: Record<string, string> = { target_type: 'targetType', target_id: 'targetId' };

/** Open period ends are stored as infinities so that range predicates need no NULL handling. */
const DEFAULT: Record<string, string> = { 'date.low': '-infinity', 'date.high': 'infinity' };

/** A row value as bound: text is cut to what an index entry can hold (search_text has no B-tree on its text). */
function columnValue(table: Table, value: unknown, cast: string): unknown {
  return cast === 'text' && table !== 'text' && typeof value === 'string' ? indexedText(value) : value;
}

/**
 * Replaces index rows in one statement: the old rows of `staleRids` are deleted and the new rows inserted through
 * unnest() arrays, so a write costs one round trip however many rows it has.
 */
export async function writeIndexRows(sql: Queryable, staleRids: number[], indexed: { rid: number; type: string; rows: IndexRows }[]): Promise<void> {
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string) => `$${params.push(value)}::${cast}[]`;
  // Seven DELETEs that find nothing still cost an index probe each: left out when every resource is new.
  const stale = staleRids.length ? bind(staleRids, 'bigint') : undefined;
  // Index rows repeat their resource's tenant (hospital_code), read once per resource from its row.
  const parts: string[] = [`tenant AS (SELECT rid, hospital_code FROM resource WHERE rid = ANY(${bind(indexed.map(({ rid }) => rid), 'bigint')}))`];
  for (const table of Object.keys(COLUMNS) as Table[]) {
    if (stale) parts.push(`delete_${table} AS (DELETE FROM search_${table} WHERE rid = ANY(${stale}))`);
    const flat = indexed.flatMap(({ rid, type, rows }) => rows[table].map((row) => ({ rid, type, ...row }) as Record<string, unknown>));
    if (flat.length === 0) continue;
    const columns = COLUMNS[table].map((column) => column.split(':') as [string, string]);
    const arrays = [
      bind(flat.map((row) => row.rid), 'bigint'),
      bind(flat.map((row) => row.type), 'text'),
      bind(flat.map((row) => row.param), 'text'),
      bind(flat.map((row) => row.grp), 'integer'),
      ...columns.map(([column, cast]) => bind(flat.map((row) => columnValue(table, row[FIELD[column] ?? column] ?? DEFAULT[`${table}.${column}`] ?? null, cast)), cast)),
    ];
    parts.push(
      `insert_${table} AS (INSERT INTO search_${table} (rid, type, param, grp, ${columns.map(([column]) => column).join(', ')}, hospital_code)
        SELECT u.*, tenant.hospital_code FROM unnest(${arrays.join(', ')}) AS u(rid, type, param, grp, ${columns.map(([column]) => column).join(', ')})
          JOIN tenant ON tenant.rid = u.rid)`,
    );
  }
  if (parts.length > 1) await sql.query(`WITH ${parts.join(',\n')} SELECT 1`, params);
}

/** Keeps the index tables in step with every write; plugged into the ResourceStore as its WriteIndexer. */
export class SearchIndexer implements WriteIndexer {
  constructor(
    readonly catalog: ParameterCatalog,
    private readonly onError: IndexErrorHandler = () => {},
  ) {}

  rowsOf(resource: fhir4.Resource): IndexRows {
    const rows = extractRows(this.catalog, resource, this.onError);
    rows.text = fullTextRows(resource);
    return rows;
  }

  async indexWrites(tx: Queryable, writes: IndexedWrite[]): Promise<void> {
    await writeIndexRows(
      tx,
      writes.filter((write) => !write.created).map((write) => write.rid),
      writes.map(({ rid, type, resource }) => ({ rid, type, rows: resource ? this.rowsOf(resource) : emptyRows() })),
    );
  }
}

/**
 * Rebuilds every index row from the current resources (after SearchParameters were added or changed), in batches
 * of `batchSize` resources per transaction, walking rid order so concurrent writers are never blocked for long.
 */
export async function reindex(
  db: Database,
  registry: ConformanceRegistry,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void; onError?: IndexErrorHandler } = {},
): Promise<number> {
  const indexer = new SearchIndexer(new ParameterCatalog(registry, registry.resourceTypes()), options.onError);
  const batchSize = options.batchSize ?? 500;
  const { rows: counted } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource WHERE NOT deleted');
  const total = counted[0].n;
  let done = 0;
  let after = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ rid: number; type: string; deleted: boolean; content: fhir4.Resource | string | null }>(
        'SELECT rid, type, deleted, content FROM resource WHERE rid > $1 ORDER BY rid LIMIT $2 FOR UPDATE',
        [after, batchSize],
      );
      await indexer.indexWrites(
        tx,
        rows.map((row) => ({
          rid: row.rid,
          type: row.type,
          resource: row.deleted || !row.content ? undefined : typeof row.content === 'string' ? JSON.parse(row.content) : row.content,
        })),
      );
      return rows;
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1].rid;
    done += batch.filter((row) => !row.deleted).length;
    options.onProgress?.(done, total);
  }
  return done;
}
