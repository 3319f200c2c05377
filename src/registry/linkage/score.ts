/**
 * Pairwise scoring of two linkage records: deterministic on the individual insurance number, otherwise a weighted
 * agreement of kana name, birth date, sex, kanji name and postal code (weights in docs/LINKAGE.md).
 */
import { distance } from 'fastest-levenshtein';
import type { LinkageSettings } from '../../config.js';
import type { LinkageRecord } from './record.js';

/** R4 match-grade codes (http://terminology.hl7.org/CodeSystem/match-grade). */
export type MatchGrade = 'certain' | 'probable' | 'possible' | 'certainly-not';

export interface PairScore {
  /** 0–1. */
  score: number;
  grade: MatchGrade;
  /** `insurance`: the insurance numbers are equal; `score`: the weighted demographic agreement decided. */
  method: 'insurance' | 'score';
}

/**
 * Field weights, summing to 1. The kana name and birth date carry most: they are recorded by every hospital. The
 * postal code changes when a patient moves, and kanji names have variant forms hospitals cannot always type.
 */
export const FIELD_WEIGHTS = { kana: 0.35, birthDate: 0.25, gender: 0.1, kanji: 0.15, postalCode: 0.15 } as const;

/** Agreement of a field one or both records lack: neither evidence for nor against. */
const UNKNOWN = 0.5;

/** Edit similarity of two comparison forms: 1 equal, 0 nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return UNKNOWN;
  if (a === b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** Equal dates 1; one of year, month, day differing (a typing slip) 0.5; otherwise 0. */
function birthDateAgreement(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return UNKNOWN;
  if (a === b) return 1;
  const left = a.split('-');
  const right = b.split('-');
  if (left.length !== 3 || right.length !== 3) return 0;
  return left.filter((part, index) => part === right[index]).length === 2 ? 0.5 : 0;
}

/** Equal postal codes 1; same 3-digit area (a move within the town or city) 0.5; otherwise 0. */
function postalAgreement(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return UNKNOWN;
  if (a === b) return 1;
  return a.slice(0, 3) === b.slice(0, 3) ? 0.5 : 0;
}

function exactAgreement(a: string | undefined, b: string | undefined): number {
  if (!a || !b || a === 'unknown' || b === 'unknown') return UNKNOWN;
  return a === b ? 1 : 0;
}

export function gradeOf(score: number, settings: LinkageSettings): MatchGrade {
  if (score >= settings.certainScore) return 'certain';
  if (score >= settings.probableScore) return 'probable';
  if (score >= settings.possibleScore) return 'possible';
  return 'certainly-not';
}

/** The weighted demographic agreement of two records, 0–1, before any insurance evidence. */
export function demographicScore(a: LinkageRecord, b: LinkageRecord): number {
  return (
    FIELD_WEIGHTS.kana * nameSimilarity(a.kana, b.kana) +
    FIELD_WEIGHTS.birthDate * birthDateAgreement(a.birthDate, b.birthDate) +
    FIELD_WEIGHTS.gender * exactAgreement(a.gender, b.gender) +
    FIELD_WEIGHTS.kanji * nameSimilarity(a.kanji, b.kanji) +
    FIELD_WEIGHTS.postalCode * postalAgreement(a.postalCode, b.postalCode)
  );
}

/**
 * Equal insurance numbers decide (score 1, certain): the number is issued to one person. Different numbers lower the
 * demographic score by the configured penalty rather than veto it, as a person's insurer changes (a new employer,
 * turning 75).
 */
export function scorePair(a: LinkageRecord, b: LinkageRecord, settings: LinkageSettings): PairScore {
  if (a.insurance && b.insurance && a.insurance === b.insurance) return { score: 1, grade: 'certain', method: 'insurance' };
  const penalty = a.insurance && b.insurance ? settings.insuranceConflictPenalty : 0;
  const score = Math.max(0, Math.round((demographicScore(a, b) - penalty) * 1000) / 1000);
  return { score, grade: gradeOf(score, settings), method: 'score' };
}
