/**
 * Blocking: only records sharing a key are compared, so linkage grows with the records in a block rather than with
 * all pairs. Keys: the birth date; the kana name with the birth year (catches a mistyped birth day or month);
 * the insurance number (catches a mistyped birth date and kana name together). The store applies the same keys as
 * search criteria (candidates.ts); this in-memory form serves bulk runs and the benchmark.
 */
import type { LinkageSettings } from '../../config.js';
import type { LinkageRecord } from './record.js';
import { scorePair, type PairScore } from './score.js';

export function blockingKeys(record: LinkageRecord): string[] {
  const keys: string[] = [];
  if (record.birthDate) keys.push(`birth|${record.birthDate}`);
  if (record.kana && record.birthDate) keys.push(`kana|${record.kana}|${record.birthDate.slice(0, 4)}`);
  if (record.insurance) keys.push(`insurance|${record.insurance}`);
  return keys;
}

export interface ScoredPair extends PairScore {
  a: string;
  b: string;
}

/**
 * Scores every record against the earlier records it shares a blocking key with, in the given order (as documents
 * arrive), and returns the pairs graded `certain`: those that automatic linkage links.
 */
export function linkInMemory(records: Iterable<LinkageRecord>, settings: LinkageSettings): { links: ScoredPair[]; comparisons: number } {
  const blocks = new Map<string, LinkageRecord[]>();
  const links: ScoredPair[] = [];
  let comparisons = 0;
  for (const record of records) {
    const keys = blockingKeys(record);
    const candidates = new Set(keys.flatMap((key) => blocks.get(key) ?? []));
    for (const candidate of candidates) {
      comparisons++;
      const scored = scorePair(record, candidate, settings);
      if (scored.grade === 'certain') links.push({ a: candidate.id, b: record.id, ...scored });
    }
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(record);
      else blocks.set(key, [record]);
    }
  }
  return { links, comparisons };
}
