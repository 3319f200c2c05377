import { normaliseString } from './values.js';

/** Index parameter names of the two full-text rows in `search_text`. */
export const CONTENT = '_content';
export const NARRATIVE = '_text';

/**
 * Separates the text of different elements in a `_content` row. Searched words are normalised (whitespace collapsed
 * to single spaces), so they never contain it, and a word cannot match across two elements.
 */
const ELEMENT_SEPARATOR = '\n';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The readable text of XHTML narrative: tags dropped (as word breaks), character references decoded. */
export function narrativeText(div: string): string {
  return div
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? reference;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    });
}

/** Every string value of a JSON tree (narrative as readable text), depth first. */
function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringsIn(key === 'div' && typeof item === 'string' ? narrativeText(item) : item, out);
  }
  return out;
}

/**
 * The `search_text` rows of a resource: `_content`, the normalised text of all its string values (element names
 * left out, so `_content=system` does not match everything), and `_text`, its narrative's text when it has one.
 */
export function fullTextRows(resource: fhir4.Resource): { param: string; grp: number; value: string }[] {
  const content = stringsIn(resource, [])
    .map(normaliseString)
    .filter((text) => text !== '')
    .join(ELEMENT_SEPARATOR);
  const rows = content ? [{ param: CONTENT, grp: 0, value: content }] : [];
  const div = (resource as fhir4.DomainResource).text?.div;
  const narrative = typeof div === 'string' ? normaliseString(narrativeText(div)) : '';
  if (narrative) rows.push({ param: NARRATIVE, grp: 0, value: narrative });
  return rows;
}

/**
 * The words a `_content` / `_text` value asks for, each to be found in the text: whitespace separates words, a
 * double-quoted part is one phrase. Normalised like the indexed text.
 */
export function searchWords(value: string): string[] {
  const words: string[] = [];
  for (const [, phrase, word] of value.matchAll(/"([^"]*)"|(\S+)/g)) {
    const text = normaliseString(phrase ?? word);
    if (text) words.push(text);
  }
  return words;
}
