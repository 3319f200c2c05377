/**
 * The spelling differences that make record linkage across hospitals hard in Japan: kana typos, half-width
 * katakana from legacy systems, full-width digits in addresses, and old/new kanji forms of the same surname.
 */
import { KANJI_VARIANTS } from './reference-data.js';
import type { SeededRandom } from './random.js';

/**
 * Plausible kana entry mistakes: small/large kana, long-vowel spelling, voicing marks, and look-alike katakana read
 * off handwritten forms (シ/ツ, ソ/ン, ク/ケ, チ/テ, ル/レ, ヌ/ス). Applied once.
 */
const KANA_TYPOS: readonly [string, string][] = [
  ['ョウ', 'ヨウ'],
  ['ュウ', 'ユウ'],
  ['ャ', 'ヤ'],
  ['ッ', 'ツ'],
  ['ョ', 'ヨ'],
  ['ウ', 'ー'],
  ['オオ', 'オー'],
  ['ジ', 'ヂ'],
  ['ズ', 'ヅ'],
  ['ザ', 'サ'],
  ['ダ', 'タ'],
  ['ガ', 'カ'],
  ['バ', 'ハ'],
  ['エ', 'ヱ'],
  ['シ', 'ツ'],
  ['ソ', 'ン'],
  ['ン', 'ソ'],
  ['ク', 'ケ'],
  ['チ', 'テ'],
  ['ル', 'レ'],
  ['ヌ', 'ス'],
];

/** A kana spelling differing by one plausible typo; unchanged when no rule applies. */
export function kanaTypo(kana: string, rng: SeededRandom): string {
  const applicable = KANA_TYPOS.filter(([from]) => kana.includes(from));
  if (!applicable.length) return kana;
  const [from, to] = rng.pick(applicable);
  const positions: number[] = [];
  for (let at = kana.indexOf(from); at >= 0; at = kana.indexOf(from, at + 1)) positions.push(at);
  const at = rng.pick(positions);
  return kana.slice(0, at) + to + kana.slice(at + from.length);
}

const FULL_KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー';
const HALF_KANA = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ';
const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const VOICED_BASE = 'カキクケコサシスセソタチツテトハヒフヘホ';
const SEMI_VOICED = 'パピプペポ';
const SEMI_VOICED_BASE = 'ハヒフヘホ';

/** Full-width katakana to half-width (JIS X 0201) katakana, voicing marks as separate characters. */
export function toHalfWidthKana(kana: string): string {
  let out = '';
  for (const ch of kana) {
    const voiced = VOICED.indexOf(ch);
    const semi = SEMI_VOICED.indexOf(ch);
    if (voiced >= 0) out += HALF_KANA[FULL_KANA.indexOf(VOICED_BASE[voiced])] + 'ﾞ';
    else if (semi >= 0) out += HALF_KANA[FULL_KANA.indexOf(SEMI_VOICED_BASE[semi])] + 'ﾟ';
    else if (ch === 'ヴ') out += 'ｳﾞ';
    else if (ch === 'ヱ') out += 'ｴ';
    else if (ch === 'ヂ') out += 'ﾁﾞ';
    else {
      const index = FULL_KANA.indexOf(ch);
      out += index >= 0 ? HALF_KANA[index] : ch;
    }
  }
  return out;
}

/** ASCII digits and hyphens to their full-width forms (addresses typed with a Japanese IME). */
export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/-/g, '－');
}

/** The surname with one new-form kanji replaced by an old-form variant, or undefined when it has none. */
export function oldKanjiForm(kanji: string, rng: SeededRandom): string | undefined {
  const replaceable = [...kanji].map((ch, index) => ({ ch, index })).filter(({ ch }) => KANJI_VARIANTS[ch]);
  if (!replaceable.length) return undefined;
  const { ch, index } = rng.pick(replaceable);
  const chars = [...kanji];
  chars[index] = rng.pick(KANJI_VARIANTS[ch]);
  return chars.join('');
}

export function hasOldKanjiForm(kanji: string): boolean {
  return [...kanji].some((ch) => KANJI_VARIANTS[ch]);
}
