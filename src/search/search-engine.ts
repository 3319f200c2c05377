import type { Database, Queryable } from '../db/database.js';
import { withConventionalKeyOrder } from '../store/resource-store.js';

export interface SearchMatch {
  type: string;
  id: string;
  resource: fhir4.Resource;
}

export interface SearchResult {
  matches: SearchMatch[];
  total: number;
  /** Parameters that were not applied (reported to the client, or refused under handling=strict). */
  ignored: string[];
  /** Offset of the next page when there is one. */
  nextOffset?: number;
}

export class SearchParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Result-control parameters, handled here rather than matched against resources. */
const CONTROL = new Set(['_count', '_offset']);

/**
 * The search engine. This first version answers `_id` and `identifier` (token) from the stored JSON; it is the
 * seam the full, index-backed engine replaces.
 */
export class SearchEngine {
  constructor(private readonly db: Database) {}

  /** Parameters a type supports, for the CapabilityStatement. */
  supportedParameters(_type: string): { name: string; type: 'token'; documentation: string }[] {
    return [
      { name: '_id', type: 'token', documentation: 'Logical id; several ids separated by commas' },
      { name: 'identifier', type: 'token', documentation: 'Business identifier: system|value, |value or value' },
    ];
  }

  async search(
    type: string,
    params: [string, string][],
    options: { count: number; offset: number; tx?: Queryable },
  ): Promise<SearchResult> {
    const where = ['type = $1', 'NOT deleted'];
    const values: unknown[] = [type];
    const bind = (value: unknown) => `$${values.push(value)}`;
    const ignored: string[] = [];
    for (const [name, value] of params) {
      if (CONTROL.has(name)) continue;
      if (name === '_id') {
        where.push(`id = ANY(${bind(value.split(','))}::text[])`);
      } else if (name === 'identifier') {
        where.push(`(${value.split(',').map((token) => `content @> ${bind(JSON.stringify({ identifier: [identifierToken(token)] }))}::jsonb`).join(' OR ')})`);
      } else {
        ignored.push(name);
      }
    }
    const sql = options.tx ?? this.db;
    const filter = where.join(' AND ');
    const [{ rows }, { rows: counted }] = await Promise.all([
      sql.query<{ id: string; content: fhir4.Resource }>(
        `SELECT id, content FROM resource WHERE ${filter} ORDER BY rid LIMIT ${bind(options.count + 1)} OFFSET ${bind(options.offset)}`,
        values,
      ),
      sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM resource WHERE ${filter}`, values.slice(0, values.length - 2)),
    ]);
    return {
      matches: rows.slice(0, options.count).map((row) => ({ type, id: row.id, resource: withConventionalKeyOrder(row.content) })),
      total: counted[0].n,
      ignored,
      nextOffset: rows.length > options.count ? options.offset + options.count : undefined,
    };
  }
}

function identifierToken(token: string): { system?: string; value?: string } {
  const bar = token.indexOf('|');
  if (bar < 0) return { value: token };
  const system = token.slice(0, bar);
  const value = token.slice(bar + 1);
  if (!value) throw new SearchParameterError('identifier', `identifier "${token}" has no value`);
  return system ? { system, value } : { value };
}
