import type { Queryable } from '../../../db/database.js';
import { tenantCondition, type ReadScope } from '../../../store/tenancy.js';

/** Which rows of one type a job exports. */
export interface TypeSelection {
  type: string;
  /** The data as of this instant: a resource changed later is exported in its version current at that time. */
  transactionTime: string;
  /** Whose data (the job's tenancy). */
  scope: ReadScope;
  /** Only versions written after this instant. */
  since?: string;
  /** Patient compartment membership (patient and group level): the linking search parameters, and which patients. */
  compartment?: { params: string[]; patients?: string[] };
  /** Only these ids (the matches of a _typeFilter search). */
  ids?: string[];
  /**
   * People left out (opted out of secondary use): their Patient records, the resources in those records'
   * compartments (through `params`, the type's Patient compartment parameters) and the document Bundles whose Patient
   * entry carries one of their identifiers.
   */
  excluded?: { patientIds: string[]; identifierTokens: string[]; params: string[] };
}

/**
 * One exported resource: its JSON text, or for a resource larger than the fetch budget its size and its UTF-8
 * bytes in consecutive slices.
 */
export type ExportedRow = { id: string; json: string } | { id: string; bytes: number; parts(): AsyncIterable<Uint8Array> };

/** Small resources as NDJSON made by the database: whole lines, each ending in a line break. */
export interface ExportedLines {
  ndjson: Buffer;
}

/** Rows read per round trip by the page query. */
const PAGE_ROWS = 2000;
/** A resource stored larger than this share of the fetch budget has its exact JSON size measured first. */
const MEASURE_SHARE = 8;
/**
 * Small resources come as NDJSON made by the database: those stored in at most this many bytes, which is below
 * PostgreSQL's TOAST compression threshold, so their stored size is close to their JSON size.
 */
const INLINE_STORED_BYTES = 2000;
/** JSON text is somewhat longer than the stored jsonb (spaces after colons and commas): a page's text stays in budget. */
const TEXT_EXPANSION = 2;
/**
 * COPY options under which each row is the JSON text and a line break, unaltered: CSV quotes a value only when it
 * holds the quote or delimiter character or a line break, and JSON text from jsonb holds no raw control character
 * (the text format would double every backslash instead).
 */
const COPY_AS_IS = `(FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;

/** Writes a value into SQL: as a bind parameter (`$n`), or for COPY (which takes none) as a quoted literal. */
type Bind = (value: unknown, cast: string) => string;

const literal = (value: unknown): string =>
  Array.isArray(value) ? `ARRAY[${value.map(literal).join(', ')}]::text[]` : typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;

/** The version of `r` current at `time`: the resource row itself when unchanged since, else the latest earlier entry of resource_version. */
const asOf = (expression: string, time: string) =>
  `(SELECT ${expression} FROM resource_version v WHERE v.rid = r.rid AND v.last_updated <= ${time} ORDER BY v.version_id DESC LIMIT 1)`;

/**
 * JSON text of the version current at `time` with resourceType first (jsonb prints keys by length, so id and meta
 * follow), as FHIR JSON is conventionally written. jsonb text never holds a raw line break, so one resource is one line.
 */
const contentText = (time: string) => `'{"resourceType": ' || to_jsonb(r.type)::text || ', ' || substr((${contentAsOf(time)} - 'resourceType')::text, 2)`;

/** The content of `r` as of `time`: the resource row's, or for a resource changed (or deleted) since, its version row's. */
const contentAsOf = (time: string) => `(CASE WHEN r.last_updated <= ${time} THEN r.content ELSE ${asOf('v.content', time)} END)`;

/** Stored size of the content as of `time` (the current row may be a later version, or a deletion without content). */
const storedSizeAsOf = (time: string) => `pg_column_size(${contentAsOf(time)})`;

/** The conditions picking a selection's rows of `resource r`. */
function selectionWhere(selection: TypeSelection, bind: Bind): { where: string[]; time: string } {
  const type = bind(selection.type, 'text');
  const time = bind(selection.transactionTime, 'timestamptz');
  const since = bind(selection.since ?? '-infinity', 'timestamptz');
  const where = [
    `r.type = ${type}`,
    // Existed (not deleted) at transaction time, in a version written after _since.
    `CASE WHEN r.last_updated <= ${time} THEN NOT r.deleted AND r.last_updated > ${since}
          ELSE COALESCE(${asOf(`NOT v.deleted AND v.last_updated > ${since}`, time)}, false) END`,
  ];
  const tenant = tenantCondition(selection.scope, 'r', (value, cast) => bind(value, cast ?? 'text'));
  if (tenant) where.push(tenant);
  if (selection.ids) where.push(`r.id = ANY(${bind(selection.ids, 'text[]')})`);
  const compartment = selection.compartment;
  if (compartment && selection.type === 'Patient') {
    if (compartment.patients) where.push(`r.id = ANY(${bind(compartment.patients, 'text[]')})`);
  } else if (compartment) {
    where.push(`r.rid IN (SELECT c.rid FROM search_reference c WHERE c.type = ${type} AND c.param = ANY(${bind(compartment.params, 'text[]')})
      AND c.target_type = 'Patient'${compartment.patients ? ` AND c.target_id = ANY(${bind(compartment.patients, 'text[]')})` : ''})`);
  }
  const excluded = selection.excluded;
  if (excluded?.patientIds.length) {
    if (selection.type === 'Patient') where.push(`NOT (r.id = ANY(${bind(excluded.patientIds, 'text[]')}))`);
    else if (excluded.params.length) {
      // NOT IN, not a correlated NOT EXISTS: the planner hashes the few excluded rids once per page instead of
      // merge-joining the whole index from the first rid (bench/consent-export.ts).
      where.push(`r.rid NOT IN (SELECT x.rid FROM search_reference x WHERE x.type = ${type} AND x.param = ANY(${bind(excluded.params, 'text[]')})
        AND x.target_type = 'Patient' AND x.target_id = ANY(${bind(excluded.patientIds, 'text[]')}))`);
    }
    if (selection.type === 'Bundle' && excluded.identifierTokens.length) {
      where.push(`NOT EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'entry') = 'array' THEN r.content->'entry' ELSE '[]'::jsonb END) e,
          jsonb_array_elements(CASE WHEN jsonb_typeof(e->'resource'->'identifier') = 'array' THEN e->'resource'->'identifier' ELSE '[]'::jsonb END) i
        WHERE e->'resource'->>'resourceType' = 'Patient' AND (i->>'system') || '|' || (i->>'value') = ANY(${bind(excluded.identifierTokens, 'text[]')}))`);
    }
  }
  return { where, time };
}

/**
 * Streams the resources of one type without holding more than about `fetchBytes` of resource JSON. On PostgreSQL one
 * `COPY … TO STDOUT` brings the small resources as NDJSON written by the database (Node only passes buffers on) and
 * lists the larger ones; elsewhere, and for the matches of a _typeFilter, keyset pages do the same. Larger resources
 * are fetched in groups up to the budget, and one larger than the budget is read in slices of it.
 */
export async function* selectRows(sql: Queryable, selection: TypeSelection, fetchBytes: number): AsyncGenerator<ExportedRow | ExportedLines> {
  if (sql.copyOut && !selection.ids) {
    // A COPY row is held alone (in 256 KiB buffers), so any resource below the compression threshold may come inline.
    const inlineBytes = Math.min(INLINE_STORED_BYTES, Math.floor(fetchBytes / MEASURE_SHARE));
    const { where, time } = selectionWhere(selection, (value, cast) => `${literal(value)}::${cast}`);
    // A larger resource is a marker line instead ("#<rid> <id> <stored size>"; JSON lines start with "{"), fetched after.
    const line = `CASE WHEN ${storedSizeAsOf(time)} <= ${inlineBytes} THEN ${contentText(time)}
      ELSE '#' || r.rid || ' ' || r.id || ' ' || ${storedSizeAsOf(time)} END`;
    const large: LargeRow[] = [];
    for await (const chunk of sql.copyOut(`COPY (SELECT ${line} FROM resource r WHERE ${where.join(' AND ')}) TO STDOUT ${COPY_AS_IS}`)) {
      for (const ndjson of withoutMarkers(chunk, large)) yield { ndjson };
    }
    yield* largeRows(sql, selection.transactionTime, large, fetchBytes);
  } else {
    yield* pagedRows(sql, selection, fetchBytes, Math.min(INLINE_STORED_BYTES, Math.floor(fetchBytes / PAGE_ROWS / TEXT_EXPANSION)));
  }
}

const LINE_BREAK = 0x0a;
const MARKER = 0x23; // '#'
const MARKER_AFTER_BREAK = Buffer.from('\n#');

/** The NDJSON runs of a COPY chunk between its marker lines, whose rows are added to `large`. */
function* withoutMarkers(chunk: Buffer, large: LargeRow[]): Generator<Buffer> {
  for (let start = 0; start < chunk.length; ) {
    const afterBreak = chunk.indexOf(MARKER_AFTER_BREAK, start);
    const marker = chunk[start] === MARKER ? start : afterBreak === -1 ? -1 : afterBreak + 1;
    if (marker === -1) {
      yield chunk.subarray(start);
      return;
    }
    if (marker > start) yield chunk.subarray(start, marker);
    const end = chunk.indexOf(LINE_BREAK, marker);
    const [rid, id, stored] = chunk.toString('latin1', marker + 1, end).split(' ');
    large.push({ rid: Number(rid), id, stored: Number(stored) });
    start = end + 1;
  }
}

/**
 * Keyset pages (rid) of a selection: the small resources of a page as one NDJSON text joined by the database, the
 * larger ones fetched apart. Paging never holds a transaction, so other queries (PGlite runs one at a time)
 * interleave with a long export. Line order within a type is not a contract, so the aggregates do not sort.
 */
async function* pagedRows(
  sql: Queryable,
  selection: TypeSelection,
  fetchBytes: number,
  inlineBytes: number,
): AsyncGenerator<ExportedRow | ExportedLines> {
  const params: unknown[] = [];
  const bind: Bind = (value, cast) => `$${params.push(value)}::${cast}`;
  const { where, time } = selectionWhere(selection, bind);
  const inlineLimit = bind(inlineBytes, 'int');
  const afterRid = `$${params.length + 1}::bigint`;
  const pageSql = `SELECT max(p.rid) AS last_rid, string_agg(p.line, E'\\n') AS lines,
      COALESCE(jsonb_agg(jsonb_build_array(p.rid, p.id, p.stored)) FILTER (WHERE p.line IS NULL), '[]') AS large
    FROM (SELECT r.rid, r.id, ${storedSizeAsOf(time)} AS stored,
        CASE WHEN ${storedSizeAsOf(time)} <= ${inlineLimit} THEN ${contentText(time)} END AS line
      FROM resource r WHERE ${where.join(' AND ')} AND r.rid > ${afterRid} ORDER BY r.rid LIMIT ${PAGE_ROWS}) p`;

  let lastRid = '0';
  for (;;) {
    const { rows } = await sql.query<PageRow>(pageSql, [...params, lastRid]);
    const page = rows[0];
    if (page.last_rid === null) return;
    lastRid = String(page.last_rid);
    if (page.lines !== null) yield { ndjson: Buffer.from(`${page.lines}\n`, 'utf8') };
    const large = (typeof page.large === 'string' ? JSON.parse(page.large) : page.large) as [number, string, number][];
    yield* largeRows(
      sql,
      selection.transactionTime,
      large.map(([rid, id, stored]) => ({ rid, id, stored })),
      fetchBytes,
    );
  }
}

/** Resources too large for NDJSON made by the database, in rid order: in groups up to the budget, or alone in slices. */
async function* largeRows(sql: Queryable, transactionTime: string, large: LargeRow[], fetchBytes: number): AsyncGenerator<ExportedRow> {
  let group: LargeRow[] = [];
  let groupBytes = 0;
  for (const row of large.sort((x, y) => x.rid - y.rid)) {
    if (row.stored > fetchBytes / MEASURE_SHARE) {
      yield* fetchGroup(sql, transactionTime, group);
      group = [];
      groupBytes = 0;
      yield await measuredRow(sql, transactionTime, row, fetchBytes);
      continue;
    }
    if (group.length && groupBytes + row.stored > fetchBytes) {
      yield* fetchGroup(sql, transactionTime, group);
      group = [];
      groupBytes = 0;
    }
    group.push(row);
    groupBytes += row.stored;
  }
  yield* fetchGroup(sql, transactionTime, group);
}

interface PageRow {
  last_rid: string | number | null;
  lines: string | null;
  large: [number, string, number][] | string;
}

interface LargeRow {
  rid: number;
  id: string;
  /** Stored (jsonb) size in bytes. */
  stored: number;
}

/** JSON text of a resource as of transaction time ($2) in the queries below. */
const CONTENT_AT_2 = contentText('$2::timestamptz');

async function* fetchGroup(sql: Queryable, transactionTime: string, group: LargeRow[]): AsyncGenerator<ExportedRow> {
  if (!group.length) return;
  const { rows } = await sql.query<{ id: string; json: string }>(
    `SELECT r.id, ${CONTENT_AT_2} AS json FROM resource r WHERE r.rid = ANY($1::bigint[]) ORDER BY r.rid`,
    [group.map((row) => row.rid), transactionTime],
  );
  for (const row of rows) yield { id: row.id, json: row.json };
}

/** A possibly large resource: its size is measured, and beyond the budget its UTF-8 bytes are read in slices. */
async function measuredRow(sql: Queryable, transactionTime: string, row: LargeRow, fetchBytes: number): Promise<ExportedRow> {
  const { rows } = await sql.query<{ bytes: number }>(`SELECT octet_length(${CONTENT_AT_2}) AS bytes FROM resource r WHERE r.rid = $1`, [
    row.rid,
    transactionTime,
  ]);
  const bytes = Number(rows[0].bytes);
  return {
    id: row.id,
    bytes,
    parts: async function* () {
      // Byte slices may split a character; they are written out as bytes, never decoded one by one.
      for (let start = 1; start <= bytes; start += fetchBytes) {
        const { rows: slice } = await sql.query<{ part: Uint8Array }>(
          `SELECT substring(convert_to(${CONTENT_AT_2}, 'UTF8') FROM $3 FOR $4) AS part FROM resource r WHERE r.rid = $1`,
          [row.rid, transactionTime, start, fetchBytes],
        );
        yield slice[0].part;
      }
    },
  };
}
