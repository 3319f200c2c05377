import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import type { Queryable } from '../../db/database.js';
import { saveCase, saveDocumentEntries, type DocumentEntryTarget } from './case-store.js';
import { assessCompleteness, type CompletenessReport } from './completeness.js';
import { deriveCase, type StoredDocument } from './derive.js';
import { writeResults } from '../indicators/case-results.js';
import { indicatorSet } from '../indicators/definitions.js';
import { registryTerms } from './ig-terms.js';

/**
 * The registry's part of a document ingest, in the ingest's transaction: records which resource each entry became,
 * derives the case and its completeness and stores both, with the case's indicator results. Returns the completeness
 * (undefined when the document has no admission to key a case on). `replacing`: the document was stored before (a
 * correction, or a rebuild), so its earlier rows are removed first; a first ingest skips those statements.
 */
export async function recordDocument(
  sql: Queryable,
  conformance: ConformanceRegistry,
  document: StoredDocument,
  targets: DocumentEntryTarget[],
  replacing: boolean,
): Promise<CompletenessReport | undefined> {
  await saveDocumentEntries(sql, document.documentIdentifier, targets, replacing);
  const registryCase = deriveCase(document, registryTerms(conformance));
  const completeness = registryCase && assessCompleteness(registryCase);
  await saveCase(sql, document.documentIdentifier, registryCase, completeness, replacing);
  // Indicator results are kept with the case, so reports after a load only count.
  if (registryCase) await writeResults(sql, indicatorSet(conformance), [registryCase]);
  return completeness;
}
