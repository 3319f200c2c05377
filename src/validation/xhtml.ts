/** Narrative (Narrative.div) safety rules of FHIR R4 (https://hl7.org/fhir/R4/narrative.html#xhtml). */

const ALLOWED_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'b', 'big', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'dfn',
  'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'ol', 'p', 'pre', 'q', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var',
]);

const ALLOWED_ATTRIBUTES = new Set([
  'title', 'style', 'class', 'id', 'lang', 'xml:lang', 'dir', 'accesskey', 'tabindex', 'href', 'name', 'src', 'alt',
  'span', 'width', 'height', 'border', 'cellpadding', 'cellspacing', 'colspan', 'rowspan', 'align', 'valign', 'char',
  'charoff', 'abbr', 'axis', 'headers', 'scope', 'summary', 'frame', 'rules', 'start', 'type', 'value', 'xmlns',
  'cite', 'datetime', 'hreflang', 'rel', 'rev', 'shape', 'coords', 'longdesc', 'compact', 'nowrap', 'bgcolor',
  'size', 'noshade', 'clear', 'target', 'xml:space',
]);

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'col']);

/** XHTML without a DTD knows only the five XML entities (HTML ones such as &nbsp; must be written as &#160;). */
const XML_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]*);/g;

export interface XhtmlProblem {
  message: string;
  messageJa: string;
  /** An element or attribute (scripts included) outside what txt-1 allows, as opposed to a malformed narrative. */
  forbiddenByTxt1?: boolean;
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[|<!|<\?/g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/** Problems with a narrative div; an empty list when it is safe and well-formed. */
export function checkNarrativeXhtml(div: string): XhtmlProblem[] {
  const problems: XhtmlProblem[] = [];
  const open: string[] = [];
  let sawRoot = false;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(div); match; match = TAG.exec(div)) {
    const [whole, closing, rawName, attributes, selfClosing] = match;
    if (!rawName) {
      if (whole.startsWith('<!--')) continue;
      problems.push({ message: `Illegal markup in narrative: '${whole}'`, messageJa: `ナラティブに不正なマークアップがあります: '${whole}'` });
      continue;
    }
    const name = rawName.toLowerCase();
    if (!sawRoot) {
      sawRoot = true;
      if (name !== 'div' || closing) {
        problems.push({ message: `Wrong name on the xhtml div: '${rawName}'`, messageJa: `ナラティブのルート要素は div でなければなりません: '${rawName}'` });
      } else if (!/xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/.test(attributes)) {
        problems.push({ message: 'Wrong namespace on the XHTML (must be http://www.w3.org/1999/xhtml)', messageJa: 'XHTML の名前空間が正しくありません (http://www.w3.org/1999/xhtml)' });
      }
    }
    if (closing) {
      if (open.pop() !== name) problems.push({ message: `Narrative is not well-formed: unexpected </${rawName}>`, messageJa: `ナラティブが整形式ではありません: </${rawName}>` });
      continue;
    }
    if (!ALLOWED_ELEMENTS.has(name)) {
      problems.push({ message: `Illegal element name in the XHTML ('${rawName}')`, messageJa: `XHTML に使用できない要素があります ('${rawName}')`, forbiddenByTxt1: true });
    }
    ATTRIBUTE.lastIndex = 0;
    for (let attribute = ATTRIBUTE.exec(attributes); attribute; attribute = ATTRIBUTE.exec(attributes)) {
      const attributeName = attribute[1].toLowerCase();
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '');
      if (attributeName.startsWith('on') || !(ALLOWED_ATTRIBUTES.has(attributeName) || attributeName.startsWith('xmlns:'))) {
        problems.push({ message: `Illegal attribute name in the XHTML ('${attribute[1]}' on '${rawName}')`, messageJa: `XHTML に使用できない属性があります ('${attribute[1]}')`, forbiddenByTxt1: true });
      } else if ((attributeName === 'href' || attributeName === 'src') && /^\s*(javascript|vbscript):/i.test(value)) {
        problems.push({ message: `Script URL is not allowed in the XHTML ('${attributeName}' on '${rawName}')`, messageJa: 'XHTML にスクリプトの URL は使用できません', forbiddenByTxt1: true });
      }
    }
    if (!selfClosing && !VOID_ELEMENTS.has(name)) open.push(name);
  }
  NAMED_ENTITY.lastIndex = 0;
  for (let match = NAMED_ENTITY.exec(div); match; match = NAMED_ENTITY.exec(div)) {
    if (!XML_ENTITIES.has(match[1])) problems.push({ message: `Invalid entity in the XHTML ('${match[0]}')`, messageJa: `XHTML に使用できない実体参照があります ('${match[0]}')` });
  }
  if (!sawRoot) problems.push({ message: 'The narrative div is not XHTML (no root div element)', messageJa: 'ナラティブに div ルート要素がありません' });
  else if (open.length) problems.push({ message: `Narrative is not well-formed: <${open[open.length - 1]}> is not closed`, messageJa: 'ナラティブが整形式ではありません (閉じられていない要素)' });
  return problems;
}
