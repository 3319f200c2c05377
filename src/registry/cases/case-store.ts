import type { Queryable } from '../../db/database.js';
import type { CompletenessReport } from './completeness.js';
import type { RegistryCase } from './model.js';

/** A document entry and the stored resource it became (table document_entry). */
export interface DocumentEntryTarget {
  entryKey: string;
  resourceType: string;
  resourceId: string;
  /** Created by this document; false for an earlier shared resource it was matched to. */
  owned: boolean;
}

/** `system|value` of each identifier that has both. */
export function identifierTokens(resource: fhir4.Resource): string[] {
  const identifiers = (resource as { identifier?: fhir4.Identifier | fhir4.Identifier[] }).identifier;
  // Most types repeat identifier; a few (Bundle, Composition, ...) have one.
  const list = Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : [];
  return list.filter((one) => one?.system && one.value).map((one) => `${one.system}|${one.value}`);
}

/**
 * The stable key of a document entry across versions of its document: `Type|system|value` of the resource's first
 * identifier (hospital systems keep these across corrections), else its fullUrl. A key seen twice in one document
 * falls back to the fullUrl, which is unique in a document.
 */
export function documentEntryKey(resource: fhir4.Resource, fullUrl: string, used: Set<string>): string {
  const [token] = identifierTokens(resource);
  let key = token ? `${resource.resourceType}|${token}` : fullUrl;
  if (used.has(key)) key = fullUrl;
  used.add(key);
  return key;
}

/**
 * Stores the registry case of a document (the row of its admission) in the caller's transaction. A document keeps
 * one case however often it is corrected: when `replacing`, earlier rows of the same document identifier are removed
 * first, so a correction that changes the admission does not leave the old one behind.
 */
export async function saveCase(
  sql: Queryable,
  documentIdentifier: string,
  registryCase: RegistryCase | undefined,
  completeness: CompletenessReport | undefined,
  replacing: boolean,
): Promise<void> {
  if (replacing) await sql.query('DELETE FROM registry_case WHERE document_identifier = $1', [documentIdentifier]);
  if (!registryCase) return;
  await sql.query(
    `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, hospital_prefecture, patient_id,
       patient_prefecture, sex, birth_date, age_at_admission, diseases, principal_disease, admitted_at, discharged_at, died, facts, completeness)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13::timestamptz, $14::timestamptz, $15, $16::jsonb, $17::jsonb)
     ON CONFLICT (encounter_id) DO UPDATE SET
       document_id = excluded.document_id, document_identifier = excluded.document_identifier, hospital_code = excluded.hospital_code,
       hospital_prefecture = excluded.hospital_prefecture, patient_id = excluded.patient_id, patient_prefecture = excluded.patient_prefecture,
       sex = excluded.sex, birth_date = excluded.birth_date, age_at_admission = excluded.age_at_admission, diseases = excluded.diseases,
       principal_disease = excluded.principal_disease, admitted_at = excluded.admitted_at, discharged_at = excluded.discharged_at,
       died = excluded.died, facts = excluded.facts, completeness = excluded.completeness, derived_at = now()`,
    [
      registryCase.encounterId,
      registryCase.documentId,
      registryCase.documentIdentifier,
      registryCase.hospitalCode,
      registryCase.hospitalPrefecture ?? null,
      registryCase.patientId,
      registryCase.patientPrefecture ?? null,
      registryCase.sex ?? null,
      registryCase.birthDate ?? null,
      registryCase.ageAtAdmission ?? null,
      registryCase.diseases,
      registryCase.principalDisease ?? null,
      timestampOrNull(registryCase.admittedAt),
      timestampOrNull(registryCase.dischargedAt),
      registryCase.died,
      JSON.stringify(registryCase.facts),
      completeness ? JSON.stringify(completeness) : null,
    ],
  );
}

/**
 * A FHIR dateTime as a timestamptz parameter: a partial date ('2026', '2026-10') has no instant, so it is stored as
 * unknown rather than guessed (the fact keeps the text as written).
 */
function timestampOrNull(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value : null;
}

/** The stored resources the entries of a document became, by entry key. */
export async function documentEntries(sql: Queryable, documentIdentifier: string): Promise<Map<string, DocumentEntryTarget>> {
  const { rows } = await sql.query<{ entry_key: string; resource_type: string; resource_id: string; owned: boolean }>(
    'SELECT entry_key, resource_type, resource_id, owned FROM document_entry WHERE document_identifier = $1',
    [documentIdentifier],
  );
  return new Map(rows.map((row) => [row.entry_key, { entryKey: row.entry_key, resourceType: row.resource_type, resourceId: row.resource_id, owned: row.owned }]));
}

/** Records which stored resource each entry of a document became (`replacing`: removing its earlier mapping first). */
export async function saveDocumentEntries(sql: Queryable, documentIdentifier: string, targets: DocumentEntryTarget[], replacing: boolean): Promise<void> {
  if (replacing) await sql.query('DELETE FROM document_entry WHERE document_identifier = $1', [documentIdentifier]);
  if (!targets.length) return;
  await sql.query(
    `INSERT INTO document_entry (document_identifier, entry_key, resource_type, resource_id, owned)
     SELECT $1, t.entry_key, t.resource_type, t.resource_id, t.owned
       FROM jsonb_to_recordset($2::jsonb) AS t(entry_key text, resource_type text, resource_id text, owned boolean)`,
    [documentIdentifier, JSON.stringify(targets.map((target) => ({ entry_key: target.entryKey, resource_type: target.resourceType, resource_id: target.resourceId, owned: target.owned })))],
  );
}
