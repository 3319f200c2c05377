import type { ConformanceRegistry } from '../conformance/package-loader.js';
import type { Database, Queryable } from '../db/database.js';
import { withConventionalKeyOrder } from '../store/resource-store.js';
import { tenantCondition, type ReadScope } from '../store/tenancy.js';
import { SearchIndexer } from './indexer.js';
import { ANY_TYPE, COLUMN_PARAMETERS, ParameterCatalog, type ResolvedParameter } from './parameters.js';
import { PredicateBuilder, SearchParameterError, SPECIAL_PARAMETERS, splitModifier, SqlParams, UnsupportedParameter } from './query.js';

export { SearchParameterError } from './query.js';

export interface SearchMatch {
  type: string;
  id: string;
  resource: fhir4.Resource;
}

export interface IgnoredParameter {
  parameter: string;
  reason: string;
}

export interface SearchResult {
  matches: SearchMatch[];
  /** Resources added by _include / _revinclude. */
  included: SearchMatch[];
  /** Absent under `_total=none`. */
  total?: number;
  /** Parameters that were not applied (reported to the client, or refused under handling=strict). */
  ignored: IgnoredParameter[];
  /** Opaque `_cursor` values for the following and preceding pages, when there are such pages. */
  nextCursor?: string;
  previousCursor?: string;
}

/** What to search: one type, several (system search with _type), or all; optionally inside a compartment. */
export interface SearchScope {
  types?: string[];
  compartment?: { type: string; id: string };
}

export interface SearchOptions {
  /** Page size; 0 asks for the total only. */
  count: number;
  /**
   * Whose data the search sees: matches, includes, chained and _has targets and totals are all limited to it. FHIR
   * interactions pass their request store's `scope`; registry-internal work that spans hospitals by design (linkage,
   * consent bookkeeping) passes ALL_TENANTS explicitly. Required, so no caller can forget it.
   */
  scope: ReadScope;
  tx?: Queryable;
  /** The server's FHIR base, so absolute references to this server match relative ones. */
  baseUrl?: string;
}

/** Result-control parameters, applied to the result rather than matched against resources. */
export const RESULT_PARAMETERS = new Set(['_count', '_sort', '_include', '_revinclude', '_total', '_summary', '_elements', '_cursor', '_type']);

/**
 * How many sort-index rows a sorted page may walk per row it needs before the whole match set is sorted instead:
 * the walk pays off while at least one resource in this many matches the filter.
 */
const WALK_ROWS_PER_MATCH = 20;

/** Include rounds followed for :iterate, so a cyclic graph cannot loop. */
const MAX_INCLUDE_ROUNDS = 4;
/** Resources one page may include, whatever the includes ask for. */
const MAX_INCLUDED = 2000;

interface SortKey {
  sql: string;
  cast: 'text' | 'timestamptz' | 'numeric' | 'bigint';
  descending: boolean;
}

/** A sort parameter's index rows: its table, the column holding the sort value, the value's type. */
interface SortColumn {
  table: string;
  column: string;
  cast: SortKey['cast'];
}

/** A one-key sort answered by walking its index: the resource type, parameter code and direction, and the column. */
interface SortWalk extends SortColumn {
  type: string;
  code: string;
  descending: boolean;
}

/** Where a parameter's sort value is: a range's low end sorting ascending, its high end descending. */
function sortColumn(parameter: ResolvedParameter, descending: boolean): SortColumn {
  switch (parameter.type) {
    case 'string':
      return { table: 'search_string', column: 'value', cast: 'text' };
    case 'token':
      return { table: 'search_token', column: 'value', cast: 'text' };
    case 'uri':
      return { table: 'search_uri', column: 'value', cast: 'text' };
    case 'reference':
      return { table: 'search_reference', column: 'url', cast: 'text' };
    case 'date':
      return { table: 'search_date', column: descending ? 'high' : 'low', cast: 'timestamptz' };
    default:
      return { table: 'search_number', column: descending ? 'high' : 'low', cast: 'numeric' };
  }
}

/** A position in a sorted result: the sort key values of a row and its rid, and which way the page goes. */
interface Cursor {
  direction: 'after' | 'before';
  keys: (string | null)[];
  rid: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.direction === 'after' ? 'a' : 'b', cursor.keys, cursor.rid])).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const [direction, keys, rid] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if ((direction === 'a' || direction === 'b') && Array.isArray(keys) && Number.isSafeInteger(rid)) return { direction: direction === 'a' ? 'after' : 'before', keys, rid };
  } catch {
    // reported below
  }
  throw new SearchParameterError('_cursor', 'The paging cursor is not valid; start again from the first page');
}

interface Row {
  rid: number;
  type: string;
  id: string;
  content: fhir4.Resource | string;
  [key: `k${number}`]: string | null;
}

function toMatch(row: Pick<Row, 'type' | 'id' | 'content'>): SearchMatch {
  const content = typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
  return { type: row.type, id: row.id, resource: withConventionalKeyOrder(content) };
}

/**
 * FHIR search over the index tables: every parameter of the loaded packages, chains, _has, includes, sorting and
 * keyset paging. It is also the store's WriteIndexer, so index rows commit with the resource they describe.
 */
export class SearchEngine extends SearchIndexer {
  constructor(
    private readonly db: Database,
    private readonly registry: ConformanceRegistry,
    onIndexError?: (parameter: ResolvedParameter, error: Error) => void,
  ) {
    super(new ParameterCatalog(registry, registry.resourceTypes()), onIndexError);
  }

  /** Parameters a type supports, for the CapabilityStatement. */
  supportedParameters(type: string): fhir4.CapabilityStatementRestResourceSearchParam[] {
    return [
      ...this.catalog.all(type).map((parameter) => ({ name: parameter.code, definition: parameter.url, type: parameter.type, documentation: parameter.description })),
      ...this.specialParameters(type),
    ].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The parameters without an expression that the engine answers itself (`_content`, `_text`, `_list`, `_filter`). */
  private specialParameters(type: string): fhir4.CapabilityStatementRestResourceSearchParam[] {
    const fromDefinition = (url: string, documentation: string) => {
      const definition = this.registry.resolve<fhir4.SearchParameter>('SearchParameter', url);
      return definition ? [{ name: definition.code, definition: url, type: definition.type, documentation }] : [];
    };
    const domainResource = this.registry.structureDefinition(`http://hl7.org/fhir/StructureDefinition/${type}`)?.baseDefinition?.endsWith('/DomainResource');
    return [
      ...fromDefinition(
        'http://hl7.org/fhir/SearchParameter/Resource-content',
        'Every word (whitespace-separated, or a "quoted phrase") occurs in one of the resource\'s text values; case, width and kana insensitive substring match',
      ),
      ...(domainResource
        ? fromDefinition('http://hl7.org/fhir/SearchParameter/DomainResource-text', 'Every word occurs in the narrative (text.div without markup); matched like _content')
        : []),
      { name: '_list', type: 'special', documentation: 'Resources an entry of the List resource(s) with these ids points at; functional lists ($...) are not supported' },
      {
        name: '_filter',
        type: 'special',
        documentation:
          'Comparisons "parameter op value" (chained parameters allowed) with and, or, not (...) and parentheses. Operators: eq, ne for every type; gt, lt, ge, le, sa, eb, ap on date, number and quantity; co, sw, ew on string; sw on uri; in, ni, ss, sb on token; pr. Not supported: filters inside a path ([...]), po, re',
      },
    ];
  }

  /** Search parameters of the CompartmentDefinition for `compartmentType` that link `type` to it. */
  compartmentParameters(compartmentType: string, type: string): string[] | undefined {
    const definition = this.registry
      .allOfType<fhir4.CompartmentDefinition>('CompartmentDefinition')
      .find((candidate) => candidate.code === compartmentType);
    const entry = definition?.resource?.find((resource) => resource.code === type);
    return entry ? (entry.param ?? []) : undefined;
  }

  async search(scope: SearchScope, params: [string, string][], options: SearchOptions): Promise<SearchResult> {
    const readScope = options.scope;
    const sql = new SqlParams();
    const builder = new PredicateBuilder({ catalog: this.catalog, registry: this.registry, baseUrl: options.baseUrl, tenant: readScope }, sql);
    const ignored: IgnoredParameter[] = [];
    const types = scope.types;
    const predicates: string[] = [];
    for (const [name, value] of params) {
      if (RESULT_PARAMETERS.has(splitModifier(name)[0])) continue;
      try {
        predicates.push(sql.attempt(() => this.filter(builder, sql, types, name, value)));
      } catch (error) {
        if (error instanceof UnsupportedParameter) ignored.push({ parameter: name, reason: error.message });
        else throw error;
      }
    }
    const db = options.tx ?? this.db;
    /** Conditions on resource row `r`: binds (the tenant's among them) only where a statement uses them. */
    const rowFilter = () => [...this.rowConditions(sql, types, readScope, scope.compartment), ...predicates].join(' AND ');

    // Index-only matching when every parameter is a plain index match: nothing then needs the resource row's type,
    // deletion or tenant (the index rows carry the tenant; a deleted resource has none), so the total is counted
    // from index rows alone. Chains and the like keep the resource-driven plan, where PostgreSQL may start from
    // their more selective side.
    const indexOnly = types?.length === 1 && !scope.compartment && predicates.length > 0 && predicates.every((predicate) => builder.hasRidSource(predicate));
    const counted = sql.statement(() =>
      indexOnly ? { from: `(${builder.ridSource(predicates[0])}) r`, filter: predicates.slice(1).join(' AND ') || 'true' } : { from: 'resource r', filter: rowFilter() },
    );
    const total = await this.total(db, params, counted.result, counted.values);
    const cursorText = params.find(([name]) => name === '_cursor')?.[1];
    const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);

    if (options.count === 0) return { matches: [], included: [], total, ignored };
    const reversed = cursor?.direction === 'before';
    const walk = cursor?.keys.some((key) => key === null) ? undefined : this.sortWalk(types, params);
    let rows = walk && (await this.walkSortIndex(db, sql, walk, readScope, rowFilter, cursor, options.count));
    if (!rows) {
      const { result, values } = sql.statement(() => {
        // Seen by every tenant, an index-only match is `rid IN (its index rows)`, which PostgreSQL can walk in rid
        // order beside the resource key and stop at the page instead of collecting every match. A hospital's matches
        // are a small share of the index rows it must scan anyway: collected first, then cut to the page (unless the
        // order needs the resource row's own columns).
        const walkRids = indexOnly && (readScope.kind === 'all' || sortOrder(params).some(({ code }) => COLUMN_PARAMETERS.has(code)));
        const filter = walkRids ? [`r.rid IN (${builder.ridSource(predicates[0], false)})`, ...predicates.slice(1)].join(' AND ') : indexOnly ? predicates.slice(1).join(' AND ') || 'true' : rowFilter();
        const sortKeys = this.sortKeys(sql, types, params);
        const pageWhere = cursor ? `${filter} AND ${keysetCondition(sql, sortKeys, cursor)}` : filter;
        const order = [...sortKeys, { sql: 'r.rid', cast: 'bigint', descending: false } as SortKey]
          .map((key) => `${key.sql} ${key.descending !== reversed ? 'DESC' : 'ASC'} NULLS ${reversed ? 'FIRST' : 'LAST'}`)
          .join(', ');
        const limit = sql.bind(options.count + 1);
        const columns = `r.rid, r.type, r.id, r.content${sortKeys.map((key, index) => `, (${key.sql})::text AS k${index}`).join('')}`;
        return indexOnly && !walkRids
          ? `SELECT ${columns} FROM resource r
              WHERE r.rid IN (SELECT r.rid FROM (${builder.ridSource(predicates[0])}) r WHERE ${pageWhere} ORDER BY ${order} LIMIT ${limit}) ORDER BY ${order}`
          : `SELECT ${columns} FROM resource r WHERE ${pageWhere} ORDER BY ${order} LIMIT ${limit}`;
      });
      rows = (await db.query<Row>(result, values)).rows;
    }
    const more = rows.length > options.count;
    const page = rows.slice(0, options.count);
    if (reversed) page.reverse();
    const position = (row: Row, direction: Cursor['direction']) =>
      encodeCursor({ direction, keys: sortOrder(params).map((_key, index) => row[`k${index}`]), rid: row.rid });
    const hasNext = reversed ? true : more;
    const hasPrevious = reversed ? more : cursor !== undefined;
    const matches = page.map(toMatch);
    const included = await this.includes(db, params, page, ignored, readScope);
    return {
      matches,
      included,
      total,
      ignored,
      nextCursor: hasNext && page.length ? position(page[page.length - 1], 'after') : undefined,
      previousCursor: hasPrevious && page.length ? position(page[0], 'before') : undefined,
    };
  }

  /** What a resource row must be, beyond the parameters: live, visible to the tenant, of the types, in the compartment. */
  private rowConditions(sql: SqlParams, types: string[] | undefined, scope: ReadScope, compartment: SearchScope['compartment']): string[] {
    const conditions = ['NOT r.deleted'];
    const tenant = tenantCondition(scope, 'r', (value, cast) => sql.bind(value, cast));
    if (tenant) conditions.push(tenant);
    if (types?.length === 1) conditions.push(`r.type = ${sql.bind(types[0])}`);
    else if (types) conditions.push(`r.type = ANY(${sql.bind(types, 'text[]')})`);
    if (compartment) conditions.push(this.compartmentFilter(sql, types, compartment));
    return conditions;
  }

  /** One filter parameter over the scope's types: a type's own parameter, or per type for system search. */
  private filter(builder: PredicateBuilder, sql: SqlParams, types: string[] | undefined, name: string, value: string): string {
    if (types?.length === 1) return builder.predicate(types[0], 'r', name, value);
    const code = splitModifier(name.split('.')[0])[0];
    if (!types) {
      if (!COLUMN_PARAMETERS.has(code) && !SPECIAL_PARAMETERS.has(code) && !this.catalog.get(ANY_TYPE, code)) {
        throw new UnsupportedParameter(`Search parameter "${code}" is not defined for all resource types; use _type to search one type`);
      }
      return builder.predicate(ANY_TYPE, 'r', name, value);
    }
    const perType = types.flatMap((type) => {
      try {
        return [sql.attempt(() => `(r.type = ${sql.bind(type)} AND ${builder.predicate(type, 'r', name, value)})`)];
      } catch (error) {
        if (error instanceof UnsupportedParameter) return [];
        throw error;
      }
    });
    if (perType.length === 0) throw new UnsupportedParameter(`Search parameter "${code}" is not defined for ${types.join(', ')}`);
    return `(${perType.join(' OR ')})`;
  }

  /**
   * Membership of a compartment: the resources whose compartment-linking references (per the CompartmentDefinition)
   * point at its resource, and that resource itself. One `rid IN` over the reverse reference index, whatever the
   * number of member types, so the planner starts from the compartment's few rows.
   */
  private compartmentFilter(sql: SqlParams, types: string[] | undefined, compartment: { type: string; id: string }): string {
    const links = (types ?? []).flatMap((type) => (this.compartmentParameters(compartment.type, type) ?? []).map((param) => ({ type, param })));
    const members: string[] = [];
    if (links.length) {
      members.push(`SELECT c.rid FROM search_reference c WHERE c.target_id = ${sql.bind(compartment.id)} AND c.target_type = ${sql.bind(compartment.type)}
        AND (c.type, c.param) IN (SELECT * FROM unnest(${sql.bind(links.map((link) => link.type), 'text[]')}, ${sql.bind(links.map((link) => link.param), 'text[]')}))`);
    }
    if (types?.includes(compartment.type)) members.push(`SELECT o.rid FROM resource o WHERE o.type = ${sql.bind(compartment.type)} AND o.id = ${sql.bind(compartment.id)}`);
    return members.length ? `r.rid IN (${members.join(' UNION ALL ')})` : 'false';
  }

  /** `_sort=a,-b`: one key per parameter; a multi-valued element sorts by its lowest value (highest when descending). */
  private sortKeys(sql: SqlParams, types: string[] | undefined, params: [string, string][]): SortKey[] {
    return sortOrder(params).map(({ code, descending }) => {
      if (code === '_id') return { sql: 'r.id', cast: 'text', descending };
      if (code === '_lastUpdated') return { sql: 'r.last_updated', cast: 'timestamptz', descending };
      const type = types?.length === 1 ? types[0] : ANY_TYPE;
      const parameter = this.catalog.get(type, code);
      if (!parameter || parameter.type === 'composite') throw new SearchParameterError('_sort', `Cannot sort ${types?.join(', ') ?? 'all resources'} by "${code}"`);
      const { table, column, cast } = sortColumn(parameter, descending);
      return { sql: `(SELECT ${descending ? 'max' : 'min'}(s.${column}) FROM ${table} s WHERE s.rid = r.rid AND s.param = ${sql.bind(code)})`, cast, descending };
    });
  }

  /** The index a one-key `_sort` of one type can be answered by walking in order, or undefined (sortKeys then). */
  private sortWalk(types: string[] | undefined, params: [string, string][]): SortWalk | undefined {
    const order = sortOrder(params);
    if (types?.length !== 1 || order.length !== 1 || COLUMN_PARAMETERS.has(order[0].code)) return undefined;
    const [{ code, descending }] = order;
    const parameter = this.catalog.get(types[0], code);
    if (!parameter || parameter.type === 'composite') return undefined;
    return { type: types[0], code, descending, ...sortColumn(parameter, descending) };
  }

  /**
   * A page sorted by one parameter, found by walking that parameter's index rows in sort order and testing each
   * resource against the filter (one resource at a time: a LATERAL subquery the planner cannot flatten into a join
   * over every match) until the page is full. Each resource is met at its own sort key, its lowest value (highest
   * descending); ties go by rid. The walk covers a bounded number of index rows: when they do not fill the page
   * (few matches, or the last page, where resources without a value follow) the answer is undefined and the caller
   * sorts the whole match set instead.
   */
  private async walkSortIndex(
    db: Queryable,
    sql: SqlParams,
    walk: SortWalk,
    scope: ReadScope,
    rowFilter: () => string,
    cursor: Cursor | undefined,
    count: number,
  ): Promise<Row[] | undefined> {
    const reversed = cursor?.direction === 'before';
    const key = `s.${walk.column}`;
    const keyOrder = walk.descending !== reversed ? 'DESC' : 'ASC';
    const ridOrder = reversed ? 'DESC' : 'ASC';
    const { result, values } = sql.statement(() => {
      const param = sql.bind(walk.code);
      const conditions = [`s.type = ${sql.bind(walk.type)}`, `s.param = ${param}`];
      // The index rows carry the tenant: a hospital's walk skips other hospitals' rows inside the index scan.
      const tenant = tenantCondition(scope, 's', (value, cast) => sql.bind(value, cast));
      if (tenant) conditions.push(tenant);
      if (cursor) {
        if (cursor.keys.length !== 1) throw new SearchParameterError('_cursor', 'The paging cursor belongs to a different _sort');
        const value = sql.bind(cursor.keys[0], walk.cast);
        const upward = walk.descending === reversed;
        conditions.push(`${key} ${upward ? '>=' : '<='} ${value}`, `(${key} ${upward ? '>' : '<'} ${value} OR s.rid ${reversed ? '<' : '>'} ${sql.bind(cursor.rid, 'bigint')})`);
      }
      return `SELECT DISTINCT ON (w.sort_key, w.rid) r.rid, r.type, r.id, r.content, w.sort_key::text AS k0
          FROM (SELECT s.rid, ${key} AS sort_key FROM ${walk.table} s WHERE ${conditions.join(' AND ')}
                 ORDER BY ${key} ${keyOrder}, s.rid ${ridOrder} LIMIT ${sql.bind(WALK_ROWS_PER_MATCH * (count + 1))}) w
          CROSS JOIN LATERAL (
            SELECT r.rid, r.type, r.id, r.content FROM resource r
             WHERE r.rid = w.rid AND ${rowFilter()}
               AND w.sort_key = (SELECT ${walk.descending ? 'max' : 'min'}(x.${walk.column}) FROM ${walk.table} x WHERE x.rid = w.rid AND x.param = ${param})
            OFFSET 0) r
         ORDER BY w.sort_key ${keyOrder}, w.rid ${ridOrder} LIMIT ${sql.bind(count + 1)}`;
    });
    const { rows } = await db.query<Row>(result, values);
    return rows.length > count ? rows : undefined;
  }


  /** `_total`: accurate (the default) counts; estimate asks the planner; none skips counting. */
  private async total(db: Queryable, params: [string, string][], candidates: { from: string; filter: string }, values: unknown[]): Promise<number | undefined> {
    const mode = params.find(([name]) => name === '_total')?.[1] ?? 'accurate';
    if (mode === 'none') return undefined;
    const { from, filter } = candidates;
    if (mode === 'estimate') {
      const { rows } = await db.query<{ 'QUERY PLAN': any }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} WHERE ${filter}`, values);
      const plan = rows[0]['QUERY PLAN'];
      return Math.round((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan['Plan Rows']);
    }
    if (mode !== 'accurate') throw new SearchParameterError('_total', `_total must be none, estimate or accurate, got "${mode}"`);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${filter}`, values);
    return rows[0].n;
  }

  /**
   * `_include` / `_revinclude` (`Type:param[:target]`, `*`), with `:iterate` ones followed from included resources
   * too, for a bounded number of rounds.
   */
  private async includes(db: Queryable, params: [string, string][], page: Row[], ignored: IgnoredParameter[], tenant: ReadScope): Promise<SearchMatch[]> {
    const requests = params
      .filter(([name]) => /^_(rev)?include(:iterate|:recurse)?$/.test(name))
      .map(([name, value]) => ({ name, reverse: name.startsWith('_revinclude'), iterate: name.includes(':'), spec: value }));
    if (requests.length === 0 || page.length === 0) return [];
    const seen = new Set(page.map((row) => row.rid));
    const included: Row[] = [];
    let sources = page.map((row) => ({ rid: row.rid, type: row.type, id: row.id }));
    for (let round = 0; round < MAX_INCLUDE_ROUNDS && sources.length && included.length < MAX_INCLUDED; round++) {
      const found: Row[] = [];
      for (const request of requests) {
        if (round > 0 && !request.iterate) continue;
        const rows = await this.includeOnce(db, request, sources, ignored, round === 0, tenant);
        for (const row of rows) {
          if (seen.has(row.rid)) continue;
          seen.add(row.rid);
          found.push(row);
        }
      }
      included.push(...found);
      sources = found.map((row) => ({ rid: row.rid, type: row.type, id: row.id }));
    }
    return included.slice(0, MAX_INCLUDED).map(toMatch);
  }

  private async includeOnce(
    db: Queryable,
    request: { name: string; reverse: boolean; spec: string },
    sources: { rid: number; type: string; id: string }[],
    ignored: IgnoredParameter[],
    report: boolean,
    tenant: ReadScope,
  ): Promise<Row[]> {
    const sql = new SqlParams();
    const [sourceType, code, targetType] = request.spec.split(':');
    if (request.spec !== '*' && (!sourceType || !code)) throw new SearchParameterError(request.name, `${request.name} must be Type:parameter[:targetType] or *, got "${request.spec}"`);
    if (code && code !== '*') {
      const parameter = this.catalog.get(sourceType, code);
      if (parameter?.type !== 'reference') {
        if (report) ignored.push({ parameter: `${request.name}=${request.spec}`, reason: `"${code}" is not a reference parameter of ${sourceType}` });
        return [];
      }
    }
    const conditions: string[] = [];
    if (request.spec !== '*') conditions.push(`ref.type = ${sql.bind(sourceType)}`);
    if (code && code !== '*') conditions.push(`ref.param = ${sql.bind(code)}`);
    if (targetType) conditions.push(`ref.target_type = ${sql.bind(targetType)}`);
    // Included resources are filtered like matches: an include never reaches into another tenant's data.
    const included = tenantCondition(tenant, request.reverse ? 's' : 't', (value, cast) => sql.bind(value, cast));
    if (included) conditions.push(included);
    const limit = sql.bind(MAX_INCLUDED);
    if (!request.reverse) {
      const { rows } = await db.query<Row>(
        `SELECT DISTINCT t.rid, t.type, t.id, t.content FROM search_reference ref
           JOIN resource t ON t.type = ref.target_type AND t.id = ref.target_id AND NOT t.deleted
          WHERE ref.rid = ANY(${sql.bind(sources.map((source) => source.rid), 'bigint[]')})${conditions.map((condition) => ` AND ${condition}`).join('')}
          LIMIT ${limit}`,
        sql.values,
      );
      return rows;
    }
    const { rows } = await db.query<Row>(
      `SELECT DISTINCT s.rid, s.type, s.id, s.content FROM search_reference ref
         JOIN resource s ON s.rid = ref.rid AND NOT s.deleted
        WHERE (ref.target_type, ref.target_id) IN (SELECT * FROM unnest(${sql.bind(sources.map((source) => source.type), 'text[]')}, ${sql.bind(sources.map((source) => source.id), 'text[]')}))
          ${conditions.map((condition) => ` AND ${condition}`).join('')}
        LIMIT ${limit}`,
      sql.values,
    );
    return rows;
  }
}

/** The `_sort` keys in order: parameter code and direction (`-code` descending). */
function sortOrder(params: [string, string][]): { code: string; descending: boolean }[] {
  return params
    .filter(([name]) => name === '_sort')
    .flatMap(([, value]) => value.split(','))
    .map((entry) => ({ code: entry.replace(/^-/, ''), descending: entry.startsWith('-') }));
}

/**
 * Rows strictly after (or before) the cursor in the sort order, for keyset paging: a page boundary is a position,
 * not a row count, so rows inserted or deleted elsewhere never shift what the next page returns. NULL keys sort
 * last; the rid makes every position unique.
 */
function keysetCondition(sql: SqlParams, keys: SortKey[], cursor: Cursor): string {
  if (cursor.keys.length !== keys.length) throw new SearchParameterError('_cursor', 'The paging cursor belongs to a different _sort');
  const before = cursor.direction === 'before';
  const all = [...keys, { sql: 'r.rid', cast: 'bigint', descending: false } as SortKey];
  const values = [...cursor.keys, String(cursor.rid)];
  const alternatives = all.map((key, position) => {
    const equalPrefix = all.slice(0, position).map((earlier, index) =>
      values[index] === null ? `${earlier.sql} IS NULL` : `${earlier.sql} = ${sql.bind(values[index], earlier.cast)}`,
    );
    const value = values[position];
    // "Beyond" in the page's direction; NULLs come after every value going forwards.
    const upward = key.descending === before;
    let beyond: string;
    if (value === null) beyond = before ? `${key.sql} IS NOT NULL` : 'false';
    else {
      const comparison = `${key.sql} ${upward ? '>' : '<'} ${sql.bind(value, key.cast)}`;
      beyond = before ? comparison : `(${comparison} OR ${key.sql} IS NULL)`;
    }
    return `(${[...equalPrefix, beyond].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}
