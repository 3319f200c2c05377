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

/** Each identifier of a resource that has both system and value. */
export function identifierPairs(resource: fhir4.Resource): { system: string; value: string }[] {
  const identifiers = (resource as { identifier?: fhir4.Identifier | fhir4.Identifier[] }).identifier;
  // Most types repeat identifier; a few (Bundle, Composition, ...) have one.
  const list = Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : [];
  return list.filter((one) => one?.system && one.value).map((one) => ({ system: one.system!, value: one.value! }));
}

/** `system|value` of each identifier that has both. */
export function identifierTokens(resource: fhir4.Resource): string[] {
  return identifierPairs(resource).map((one) => `${one.system}|${one.value}`);
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

/** The registry case of one document to store (`saveCases`); `replacing`: the document was stored before. */
export interface CaseToSave {
  documentIdentifier: string;
  registryCase: RegistryCase | undefined;
  completeness: CompletenessReport | undefined;
  replacing: boolean;
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
  await saveCases(sql, [{ documentIdentifier, registryCase, completeness, replacing }]);
}

/** `saveCase` for the documents of a batch ingest: one DELETE (when any replaces) and one INSERT for all. */
export async function saveCases(sql: Queryable, cases: CaseToSave[]): Promise<void> {
  const replaced = cases.filter((one) => one.replacing).map((one) => one.documentIdentifier);
  if (replaced.length) await sql.query('DELETE FROM registry_case WHERE document_identifier = ANY($1::text[])', [replaced]);
  const rows = cases.flatMap(({ registryCase, completeness }) => (registryCase ? [{ ...rowOfCase(registryCase), completeness: completeness ?? null }] : []));
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO registry_case (encounter_id, document_id, document_identifier, hospital_code, hospital_prefecture, patient_id,
       patient_prefecture, sex, birth_date, age_at_admission, diseases, principal_disease, admitted_at, discharged_at, died, facts, completeness)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(encounter_id text, document_id text, document_identifier text, hospital_code text,
       hospital_prefecture text, patient_id text, patient_prefecture text, sex text, birth_date text, age_at_admission integer,
       diseases text[], principal_disease text, admitted_at timestamptz, discharged_at timestamptz, died boolean, facts jsonb, completeness jsonb)
     ON CONFLICT (encounter_id) DO UPDATE SET
       document_id = excluded.document_id, document_identifier = excluded.document_identifier, hospital_code = excluded.hospital_code,
       hospital_prefecture = excluded.hospital_prefecture, patient_id = excluded.patient_id, patient_prefecture = excluded.patient_prefecture,
       sex = excluded.sex, birth_date = excluded.birth_date, age_at_admission = excluded.age_at_admission, diseases = excluded.diseases,
       principal_disease = excluded.principal_disease, admitted_at = excluded.admitted_at, discharged_at = excluded.discharged_at,
       died = excluded.died, facts = excluded.facts, completeness = excluded.completeness, derived_at = now()`,
    [JSON.stringify(rows)],
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
  return (await documentEntriesOf(sql, [documentIdentifier])).get(documentIdentifier) ?? new Map();
}

/** `documentEntries` of several documents in one query, by document identifier (documents never stored are absent). */
export async function documentEntriesOf(sql: Queryable, documentIdentifiers: string[]): Promise<Map<string, Map<string, DocumentEntryTarget>>> {
  const { rows } = await sql.query<{ document_identifier: string; entry_key: string; resource_type: string; resource_id: string; owned: boolean }>(
    'SELECT document_identifier, entry_key, resource_type, resource_id, owned FROM document_entry WHERE document_identifier = ANY($1::text[])',
    [documentIdentifiers],
  );
  const byDocument = new Map<string, Map<string, DocumentEntryTarget>>();
  for (const row of rows) {
    const targets = byDocument.get(row.document_identifier) ?? new Map<string, DocumentEntryTarget>();
    targets.set(row.entry_key, { entryKey: row.entry_key, resourceType: row.resource_type, resourceId: row.resource_id, owned: row.owned });
    byDocument.set(row.document_identifier, targets);
  }
  return byDocument;
}

/** The entry mapping of one document to store (`saveDocumentEntries`). */
export interface DocumentEntriesToSave {
  documentIdentifier: string;
  targets: DocumentEntryTarget[];
  replacing: boolean;
}

/** Records which stored resource each entry of a document became (`replacing`: removing its earlier mapping first). */
export async function saveDocumentEntries(sql: Queryable, documentIdentifier: string, targets: DocumentEntryTarget[], replacing: boolean): Promise<void> {
  await saveDocumentEntriesOf(sql, [{ documentIdentifier, targets, replacing }]);
}

/** `saveDocumentEntries` for the documents of a batch ingest: one DELETE (when any replaces) and one INSERT for all. */
export async function saveDocumentEntriesOf(sql: Queryable, documents: DocumentEntriesToSave[]): Promise<void> {
  const replaced = documents.filter((one) => one.replacing).map((one) => one.documentIdentifier);
  if (replaced.length) await sql.query('DELETE FROM document_entry WHERE document_identifier = ANY($1::text[])', [replaced]);
  const rows = documents.flatMap(({ documentIdentifier, targets }) =>
    targets.map((target) => ({ document_identifier: documentIdentifier, entry_key: target.entryKey, resource_type: target.resourceType, resource_id: target.resourceId, owned: target.owned })),
  );
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO document_entry (document_identifier, entry_key, resource_type, resource_id, owned)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(document_identifier text, entry_key text, resource_type text, resource_id text, owned boolean)`,
    [JSON.stringify(rows)],
  );
}

/** A registry_case row as read back (timestamps as the driver gives them: Date on PostgreSQL, string on PGlite). */
export interface RegistryCaseRow {
  encounter_id: string;
  document_id: string;
  document_identifier: string;
  hospital_code: string;
  hospital_prefecture: string | null;
  patient_id: string;
  patient_prefecture: string | null;
  sex: RegistryCase['sex'] | null;
  birth_date: string | null;
  age_at_admission: number | null;
  diseases: string[];
  principal_disease: string | null;
  admitted_at: Date | string | null;
  discharged_at: Date | string | null;
  died: boolean;
  facts: RegistryCase['facts'];
}

/** The columns of a case: the one place that maps RegistryCase fields to registry_case columns (and back, below). */
function rowOfCase(registryCase: RegistryCase): RegistryCaseRow {
  return {
    encounter_id: registryCase.encounterId,
    document_id: registryCase.documentId,
    document_identifier: registryCase.documentIdentifier,
    hospital_code: registryCase.hospitalCode,
    hospital_prefecture: registryCase.hospitalPrefecture ?? null,
    patient_id: registryCase.patientId,
    patient_prefecture: registryCase.patientPrefecture ?? null,
    sex: registryCase.sex ?? null,
    birth_date: registryCase.birthDate ?? null,
    age_at_admission: registryCase.ageAtAdmission ?? null,
    diseases: registryCase.diseases,
    principal_disease: registryCase.principalDisease ?? null,
    admitted_at: timestampOrNull(registryCase.admittedAt),
    discharged_at: timestampOrNull(registryCase.dischargedAt),
    died: registryCase.died,
    facts: registryCase.facts,
  };
}

const isoOrUndefined = (value: Date | string | null) => (value === null ? undefined : new Date(value).toISOString());

/** The RegistryCase a registry_case row stores (the shape the Measures' FHIRPath criteria read). */
export function caseOfRow(row: RegistryCaseRow): RegistryCase {
  return {
    encounterId: row.encounter_id,
    documentId: row.document_id,
    documentIdentifier: row.document_identifier,
    hospitalCode: row.hospital_code,
    hospitalPrefecture: row.hospital_prefecture ?? undefined,
    patientId: row.patient_id,
    patientPrefecture: row.patient_prefecture ?? undefined,
    sex: row.sex ?? undefined,
    birthDate: row.birth_date ?? undefined,
    ageAtAdmission: row.age_at_admission ?? undefined,
    diseases: row.diseases,
    principalDisease: row.principal_disease ?? undefined,
    admittedAt: isoOrUndefined(row.admitted_at),
    dischargedAt: isoOrUndefined(row.discharged_at),
    died: row.died,
    facts: row.facts,
  };
}
