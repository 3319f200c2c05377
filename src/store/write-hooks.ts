import type { WriteIndexer } from './resource-store.js';

/** Several write hooks as one, told in the given order (a later one may read what an earlier one wrote). */
export function writeIndexers(...indexers: WriteIndexer[]): WriteIndexer {
  return {
    async indexWrites(tx, writes) {
      for (const indexer of indexers) await indexer.indexWrites(tx, writes);
    },
  };
}
