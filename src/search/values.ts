/**
 * Value normalisation shared by indexing and querying, so both sides of every comparison are prepared alike.
 */

/**
 * Search form of a string: NFKC (full-width Latin and digits to half-width, half-width kana to full-width), Latin
 * accents removed, lower case, hiragana folded to katakana so that かな and カナ name searches meet, spaces collapsed.
 */
export function normaliseString(value: string): string {
  // Printable ASCII words with single spaces between them: NFD, NFKC and kana folding leave them as they are.
  if (PLAIN_ASCII.test(value)) return value.toLowerCase();
  if (value.length > CACHED_LENGTH) return normaliseUnicode(value);
  let normalised = normalisedCache.get(value);
  if (normalised === undefined) {
    if (normalisedCache.size >= NORMALISED_CACHE_SIZE) normalisedCache.clear();
    normalisedCache.set(value, (normalised = normaliseUnicode(value)));
  }
  return normalised;
}

const PLAIN_ASCII = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;
/** Indexing normalises the same names, codes' displays and addresses over and over: their forms are remembered. */
const NORMALISED_CACHE_SIZE = 20_000;
/** Longer text (narrative, notes) rarely repeats, and would make the remembered forms large. */
const CACHED_LENGTH = 200;
const normalisedCache = new Map<string, string>();

/** `normaliseString` without its shortcuts: the normalisation itself. */
export function normaliseUnicode(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Longest text an index column keeps, in UTF-8 bytes: a B-tree entry (with its other columns) must fit in a third of
 * a page, about 2.7 kB, or PostgreSQL refuses the whole write. FHIR allows far longer strings; searches match on the
 * first 1000 bytes of them.
 */
export const MAX_INDEXED_TEXT_BYTES = 1000;

/** `value` cut to MAX_INDEXED_TEXT_BYTES of UTF-8 at a character boundary. */
export function indexedText(value: string): string {
  // Three bytes at most per UTF-16 unit (a surrogate pair is four bytes for two units).
  if (value.length * 3 <= MAX_INDEXED_TEXT_BYTES) return value;
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length <= MAX_INDEXED_TEXT_BYTES) return value;
  let end = MAX_INDEXED_TEXT_BYTES;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/** Escapes LIKE wildcards so a user's text is matched literally inside a bound LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Registry data is Japanese: a date or dateTime without a zone (which FHIR allows only without a time of day) is
 * taken as a day in Japan Standard Time, for stored values and search values alike.
 */
export const UNZONED_OFFSET = '+09:00';

/** A half-open instant range [low, high); undefined bounds are open-ended (-infinity / infinity). */
export interface DateRange {
  low?: string;
  high?: string;
}

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The range a FHIR date, dateTime or instant covers at its precision: `2024` is the whole year, `2024-03-05T10:00Z`
 * the whole minute. Returns undefined for text that is not a date.
 */
export function dateRange(text: string): DateRange | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  if (hour !== undefined && zone === undefined && second === undefined && minute === undefined) return undefined;
  const offset = zone ?? UNZONED_OFFSET;
  const pad = (value: string | undefined, fallback: string) => value ?? fallback;
  const start = `${year}-${pad(month, '01')}-${pad(day, '01')}T${pad(hour, '00')}:${pad(minute, '00')}:${pad(second, '00')}${fraction ?? ''}${offset === 'Z' ? 'Z' : offset}`;
  const low = new Date(start);
  if (Number.isNaN(low.getTime())) return undefined;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && low.getUTCDate() !== dayOfMonthAt(start)) return undefined;
  const high = new Date(low);
  if (fraction) high.setTime(low.getTime() + Math.max(1, 10 ** (3 - (fraction.length - 1))));
  else if (second !== undefined) high.setTime(low.getTime() + 1000);
  else if (minute !== undefined) high.setTime(low.getTime() + 60_000);
  else if (day !== undefined) high.setTime(low.getTime() + 86_400_000);
  else if (month !== undefined) high.setTime(shiftMonths(low, start, 1));
  else high.setTime(shiftMonths(low, start, 12));
  return { low: low.toISOString(), high: high.toISOString() };
}

/** The day-of-month written in an ISO text, as the UTC day of the parsed instant would show it (catches 02-30). */
function dayOfMonthAt(iso: string): number {
  const written = Number(iso.slice(8, 10));
  const probe = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return probe.getUTCDate() === written ? new Date(iso).getUTCDate() : -1;
}

/** Adds calendar months to a zoned start (month lengths differ, so not a fixed number of milliseconds). */
function shiftMonths(low: Date, start: string, months: number): number {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1 + months;
  const shifted = `${String(year + Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}${start.slice(7)}`;
  const result = new Date(shifted).getTime();
  return Number.isNaN(result) ? low.getTime() : result;
}

/**
 * The implicit range of a decimal at its written precision: `100` is [99.5, 100.5), `1.50` is [1.495, 1.505).
 * Exponent forms (`1e2`) take their significant digits likewise.
 */
export function decimalRange(text: string): { value: string; low: string; high: string } | undefined {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText ?? 0);
  const value = Number(text);
  const halfUnit = 0.5 * 10 ** (exponent - fraction.length);
  return { value: `${sign}${whole}${fraction ? `.${fraction}` : ''}${exponentText ? `e${exponent}` : ''}`, low: String(value - halfUnit), high: String(value + halfUnit) };
}
