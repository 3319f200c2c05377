import type { ConformanceRegistry } from '../../conformance/package-loader.js';
import type { Database } from '../../db/database.js';
import { documentEntries, documentEntryKey } from './case-store.js';
import { recordDocument } from './ingest.js';

export interface RebuildResult {
  /** Documents whose case was derived again. */
  derived: number;
  /** Stored document Bundles without an entry mapping (stored before document ingest existed, e.g. by a plain PUT). */
  unmapped: number;
}

const PAGE = 200;

/**
 * Rebuilds registry_case from the stored documents (after the derivation rules or the IG's ConceptMaps changed):
 * every current document Bundle, read with the resources its entries became (table document_entry), is derived
 * again in its own transaction.
 */
export async function rebuildCases(db: Database, conformance: ConformanceRegistry, onProgress: (done: number, total: number) => void = () => {}): Promise<RebuildResult> {
  const { rows: [{ n: total }] } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resource WHERE type = 'Bundle' AND NOT deleted AND content->>'type' = 'document'`,
  );
  const result: RebuildResult = { derived: 0, unmapped: 0 };
  for (let after = 0; ; ) {
    const { rows } = await db.query<{ rid: number; id: string; content: fhir4.Bundle }>(
      `SELECT rid, id, content FROM resource
        WHERE type = 'Bundle' AND NOT deleted AND content->>'type' = 'document' AND rid > $1 ORDER BY rid LIMIT ${PAGE}`,
      [after],
    );
    if (!rows.length) return result;
    after = Number(rows[rows.length - 1].rid);
    for (const { id, content } of rows) {
      const identifier = content.identifier?.system && content.identifier.value ? `${content.identifier.system}|${content.identifier.value}` : undefined;
      const derived = identifier && (await db.transaction(async (tx) => {
        const targets = await documentEntries(tx, identifier);
        if (!targets.size) return false;
        // The entries in document order, so the derivation sees them as the ingest did.
        const used = new Set<string>();
        const ordered = (content.entry ?? []).flatMap((entry) => {
          const target = entry.resource && entry.fullUrl ? targets.get(documentEntryKey(entry.resource, entry.fullUrl, used)) : undefined;
          return target ? [target] : [];
        });
        const { rows: stored } = await tx.query<{ content: fhir4.Resource }>(
          `SELECT r.content FROM jsonb_to_recordset($1::jsonb) AS k(ord int, type text, id text)
             JOIN resource r ON r.type = k.type AND r.id = k.id AND NOT r.deleted ORDER BY k.ord`,
          [JSON.stringify(ordered.map((target, ord) => ({ ord, type: target.resourceType, id: target.resourceId })))],
        );
        await recordDocument(tx, conformance, { documentId: id, documentIdentifier: identifier, resources: stored.map((row) => row.content) }, [...targets.values()], true);
        return true;
      }));
      if (derived) result.derived++;
      else result.unmapped++;
      onProgress(result.derived + result.unmapped, total);
    }
  }
}
