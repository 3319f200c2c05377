import { describe, expect, it } from 'vitest';
import { normaliseString, normaliseUnicode } from '../../src/search/values.js';

describe('normaliseString', () => {
  it('folds width, case, accents and kana, and collapses spaces', () => {
    expect(normaliseString('ＡＢＣ Café')).toBe('abc cafe');
    expect(normaliseString('ｻﾄｳ  さとう')).toBe('サトウ サトウ');
    expect(normaliseString(' Hello\tWorld ')).toBe('hello world');
  });

  it('gives the full normalisation of every string, through the ASCII shortcut and the remembered forms alike', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = ['', ' ', ' x', 'x ', 'a  b', 'A-1:2|3', 'I63.9', 'http://a.b/c?d=e', 'x\u00a0y', 'ﬁ', 'ǅ'];
    for (let i = 0; i < 2000; i++) samples.push(String.fromCharCode(...Array.from({ length: 8 }, () => 9 + Math.floor(random() * 120))));
    for (let i = 0; i < 2000; i++) samples.push(String.fromCharCode(...Array.from({ length: 6 }, () => Math.floor(random() * 0x3100))));
    // Twice each: the second call of a non-ASCII string is answered from the remembered forms.
    for (const sample of [...samples, ...samples]) expect(normaliseString(sample), JSON.stringify(sample)).toBe(normaliseUnicode(sample));
  });
});
