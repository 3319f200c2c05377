import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import type { Queryable } from '../../db/database.js';
import { saveCase, saveDocumentEntries, type DocumentEntryTarget } from './case-store.js';
import { assessCompleteness, type CompletenessReport } from './completeness.js';
import { deriveCase, type StoredDocument } from './derive.js';
import { registryTerms } from './ig-terms.js';

/**
 * The registry's part of a document ingest, in the ingest's transaction: records which resource each entry became,
 * derives the case and its completeness and stores both. Returns the completeness (undefined when the document has
 * no admission to key a case on).
 */
export async function recordDocument(
  sql: Queryable,
  conformance: ConformanceRegistry,
  document: StoredDocument,
  targets: DocumentEntryTarget[],
): Promise<CompletenessReport | undefined> {
  await saveDocumentEntries(sql, document.documentIdentifier, targets);
  const registryCase = deriveCase(document, registryTerms(conformance));
  const completeness = registryCase && assessCompleteness(registryCase);
  await saveCase(sql, document.documentIdentifier, registryCase, completeness);
  return completeness;
}
