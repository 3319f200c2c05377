import type { Queryable } from '../db/database.js';
import { indexedText } from './values.js';

/** An identifier to look up on resources of one type. */
export interface IdentifierKey {
  type: string;
  system: string;
  value: string;
}

/** A current (undeleted) resource carrying the identifier `keys[key]`; its tenant lets the caller apply a scope. */
export interface IdentifierMatch {
  key: number;
  type: string;
  id: string;
  hospitalCode: string | null;
}

/**
 * Every stored resource that carries any of `keys` (the `identifier` search parameter, system and value exact), in one
 * statement: the keys join the token index as an unnest() relation, so each is an index probe on
 * search_token (type, param, value, system) — where an OR of (system, value) pairs in one search reads every
 * identifier row of the type. Matches come in key order, then in write order; tenancy is left to the caller.
 */
export async function storedByIdentifiers(sql: Queryable, keys: IdentifierKey[]): Promise<IdentifierMatch[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql.query<{ key: number; type: string; id: string; hospital_code: string | null }>(
    `SELECT DISTINCT k.ord::int - 1 AS key, r.type, r.id, r.hospital_code, r.rid
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(type, system, value, ord)
       JOIN search_token t ON t.type = k.type AND t.param = 'identifier' AND t.value = k.value AND t.system = k.system
       JOIN resource r ON r.rid = t.rid AND NOT r.deleted
      ORDER BY 1, r.rid`,
    [keys.map((key) => key.type), keys.map((key) => indexedText(key.system)), keys.map((key) => indexedText(key.value))],
  );
  return rows.map((row) => ({ key: row.key, type: row.type, id: row.id, hospitalCode: row.hospital_code }));
}
