import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import type { Queryable } from '../../db/database.js';
import { saveCases, saveDocumentEntriesOf, type DocumentEntryTarget } from './case-store.js';
import { assessCompleteness, type CompletenessReport } from './completeness.js';
import { deriveCase, type StoredDocument } from './derive.js';
import { writeResults } from '../indicators/case-results.js';
import { indicatorSet } from '../indicators/definitions.js';
import { registryTerms } from './ig-terms.js';
import type { RegistryCase } from './model.js';

/**
 * One stored document as the registry records it: its resources, which resource each entry became, and `replacing`
 * when the document was stored before (a correction, or a rebuild), so its earlier rows are removed first; a first
 * ingest skips those statements.
 */
export interface DocumentToRecord {
  document: StoredDocument;
  targets: DocumentEntryTarget[];
  replacing: boolean;
}

/**
 * The registry's part of a document ingest, in the ingest's transaction: records which resource each entry became,
 * derives the case and its completeness and stores both, with the case's indicator results. Returns the completeness
 * (undefined when the document has no admission to key a case on).
 */
export async function recordDocument(
  sql: Queryable,
  conformance: ConformanceRegistry,
  document: StoredDocument,
  targets: DocumentEntryTarget[],
  replacing: boolean,
): Promise<CompletenessReport | undefined> {
  const [completeness] = await recordDocuments(sql, conformance, [{ document, targets, replacing }]);
  return completeness;
}

/** `recordDocument` for the documents of a batch ingest, with a constant number of statements however many there are. */
export async function recordDocuments(sql: Queryable, conformance: ConformanceRegistry, documents: DocumentToRecord[]): Promise<(CompletenessReport | undefined)[]> {
  await saveDocumentEntriesOf(
    sql,
    documents.map(({ document, targets, replacing }) => ({ documentIdentifier: document.documentIdentifier, targets, replacing })),
  );
  const terms = registryTerms(conformance);
  const cases = documents.map(({ document }) => deriveCase(document, terms));
  const completeness = cases.map((registryCase) => registryCase && assessCompleteness(registryCase));
  await saveCases(
    sql,
    documents.map(({ document, replacing }, index) => ({ documentIdentifier: document.documentIdentifier, registryCase: cases[index], completeness: completeness[index], replacing })),
  );
  // Indicator results are kept with the case, so reports after a load only count.
  const derived = cases.filter((registryCase): registryCase is RegistryCase => registryCase !== undefined);
  if (derived.length) await writeResults(sql, indicatorSet(conformance), derived);
  return completeness;
}
