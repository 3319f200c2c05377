import type { RegistryServices } from '../services.js';
import { OPTED_OUT_PATIENT_IDS } from './opted-out-sql.js';

/** The people left out of secondary use: their Patient record ids and the identifiers (`system|value`) those carry. */
export interface OptedOut {
  patientIds: string[];
  /** Identifiers of the opted-out records: a stored document Bundle names its patient only by these. */
  identifierTokens: string[];
}

/**
 * Everyone who has opted out of secondary use (research export, aggregates, indicators): a person whose current
 * decision (the latest registry Consent among their linked records) is deny, with all of their linked records.
 * The same SQL as the aggregates' and indicators' consent filter (OPTED_OUT_PATIENT_IDS), so all three agree.
 */
export async function optedOutOfSecondaryUse(context: Pick<RegistryServices, 'store'>): Promise<OptedOut> {
  const { rows } = await context.store.sql.query<{ member: string }>(`SELECT DISTINCT member FROM (${OPTED_OUT_PATIENT_IDS}) opted_out ORDER BY member`);
  const patientIds = rows.map((row) => row.member);
  const { rows: identifiers } = await context.store.sql.query<{ token: string }>(
    `SELECT DISTINCT (i->>'system') || '|' || (i->>'value') AS token
       FROM resource r, jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'identifier') = 'array' THEN r.content->'identifier' ELSE '[]'::jsonb END) i
      WHERE r.type = 'Patient' AND r.id = ANY($1::text[]) AND i->>'system' IS NOT NULL AND i->>'value' IS NOT NULL`,
    [patientIds],
  );
  return { patientIds, identifierTokens: identifiers.map((row) => row.token) };
}
