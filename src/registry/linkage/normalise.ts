/**
 * Comparison forms of Japanese names and addresses for record linkage (名寄せ). Hospitals write the same person's
 * name differently: half-width katakana from legacy systems, hiragana, small kana, long-vowel marks, spaces, and
 * old or new forms of the same surname kanji. Linkage compares these forms, never the stored text.
 */

/**
 * Old (旧字体) and variant (異体字) kanji common in Japanese surnames, mapped to the form in everyday use. A short,
 * documented table (docs/LINKAGE.md), not a full 異体字 dictionary: these are the variants that hospital systems
 * most often disagree on (many cannot even type 髙 or 﨑 and write 高 or 崎).
 */
export const KANJI_VARIANT_TO_COMMON: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  嶋: '島',
  嶌: '島',
  澤: '沢',
  濱: '浜',
  廣: '広',
  國: '国',
  櫻: '桜',
  德: '徳',
  藏: '蔵',
  惠: '恵',
  龍: '竜',
  眞: '真',
  冨: '富',
  實: '実',
  與: '与',
  壽: '寿',
  條: '条',
  萬: '万',
  樂: '楽',
  關: '関',
  榮: '栄',
};

/** Small kana written for large ones (and the reverse) is a common entry slip; compare in the large form. */
const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
};

/** Historical or homophone kana that sound alike (ヂ/ジ, ヅ/ズ, ヱ/エ, ヰ/イ, ヲ/オ): one spelling each. */
const HOMOPHONE_KANA: Readonly<Record<string, string>> = { ヂ: 'ジ', ヅ: 'ズ', ヱ: 'エ', ヰ: 'イ', ヲ: 'オ', ヴ: 'ブ' };

const VOWEL_ROWS: readonly [string, string][] = [
  ['ア', 'アカガサザタダナハバパマヤラワ'],
  ['イ', 'イキギシジチヂニヒビピミリ'],
  ['ウ', 'ウクグスズツヅヌフブプムユル'],
  ['エ', 'エケゲセゼテデネヘベペメレ'],
  ['オ', 'オコゴソゾトドノホボポモヨロヲ'],
];
const VOWEL_OF = new Map<string, string>(VOWEL_ROWS.flatMap(([vowel, row]) => [...row].map((kana) => [kana, vowel] as [string, string])));

/**
 * Whether `kana` after `previous` only lengthens its vowel (おお, ゆう, こう, けい, ー), so that オオタ / オータ / オタ
 * and ユウコ / ユーコ compare equal. Long vowels are spelt inconsistently between systems; dropping them loses little.
 */
function lengthensVowel(previous: string | undefined, kana: string): boolean {
  if (kana === 'ー') return true;
  const vowel = previous && VOWEL_OF.get(previous);
  if (!vowel) return false;
  return kana === vowel || (kana === 'ウ' && vowel === 'オ') || (kana === 'イ' && vowel === 'エ');
}

/** Width and script folding shared by every field: NFKC (full-width ASCII and half-width kana), hiragana to katakana. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
}

/**
 * The comparison form of a kana (SYL) name: NFKC (half-width to full-width katakana), hiragana to katakana, small
 * kana to large, homophone kana unified, long vowels dropped, spaces and punctuation removed.
 */
export function normaliseKana(text: string): string {
  let out = '';
  let previous: string | undefined;
  for (const char of fold(text)) {
    if (!/[\u30a0-\u30ff]/.test(char)) continue; // spaces, middle dots, anything that is not katakana
    const kana = HOMOPHONE_KANA[char] ?? SMALL_TO_LARGE[char] ?? char;
    if (lengthensVowel(previous, kana)) continue;
    out += kana;
    previous = kana;
  }
  return out;
}

/** The comparison form of a kanji (IDE) name: NFKC, old and variant kanji to the common form, spaces removed. */
export function normaliseKanji(text: string): string {
  return [...fold(text).replace(/[\s\u3000・]/g, '')].map((char) => KANJI_VARIANT_TO_COMMON[char] ?? char).join('');
}

/** A Japanese postal code as its 7 digits (〒123-4567, １２３－４５６７ and 1234567 alike), or undefined. */
export function normalisePostalCode(text: string | undefined): string | undefined {
  const digits = text ? fold(text).replace(/\D/g, '') : '';
  return digits.length === 7 ? digits : undefined;
}

/** The comparison form of an identifier value: NFKC (full-width digits) and no spaces. */
export function normaliseIdentifier(text: string): string {
  return fold(text).replace(/\s+/g, '');
}
