import type { FhirContext } from '../../fhir/context.js';
import { linkedPatientIds } from '../summary/linked-patients.js';
import { currentDecision, recordedConsents } from './registry-consent.js';

/** The people left out of secondary use: their Patient record ids and the identifiers (`system|value`) those carry. */
export interface OptedOut {
  patientIds: string[];
  /** Identifiers of the opted-out records: a stored document Bundle names its patient only by these. */
  identifierTokens: string[];
}

/**
 * Everyone who has opted out of secondary use (research export, aggregates, indicators): a person whose current
 * decision (the latest registry Consent among their linked records) is deny, with all of their linked records.
 * Opt-outs are few, so this reads each one's linked records rather than scanning every patient.
 */
export async function optedOutOfSecondaryUse(context: Pick<FhirContext, 'store' | 'search'>): Promise<OptedOut> {
  const { rows } = await context.store.sql.query<{ patient_id: string }>(`SELECT patient_id FROM registry_consent WHERE decision = 'deny' ORDER BY patient_id`);
  const excluded = new Set<string>();
  for (const { patient_id: patientId } of rows) {
    if (excluded.has(patientId)) continue;
    const person = await linkedPatientIds(context, patientId);
    if (currentDecision(await recordedConsents(context.store.sql, person), 'secondary-use')?.decision !== 'deny') continue;
    for (const id of person) excluded.add(id);
  }
  const patientIds = [...excluded];
  const { rows: identifiers } = await context.store.sql.query<{ token: string }>(
    `SELECT DISTINCT (i->>'system') || '|' || (i->>'value') AS token
       FROM resource r, jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'identifier') = 'array' THEN r.content->'identifier' ELSE '[]'::jsonb END) i
      WHERE r.type = 'Patient' AND r.id = ANY($1::text[]) AND i->>'system' IS NOT NULL AND i->>'value' IS NOT NULL`,
    [patientIds],
  );
  return { patientIds, identifierTokens: identifiers.map((row) => row.token) };
}
