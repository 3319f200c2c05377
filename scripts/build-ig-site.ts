/**
 * Builds the implementation guide's reading site: plain HTML pages and one stylesheet, no scripts.
 *
 *   npx tsx scripts/build-ig-site.ts [--force]      (also run at the end of `npm run build:ig`)
 *
 * Inputs: SUSHI's output (config.igResourcesDir), the Markdown pages of input/pagecontent and the menu of
 * sushi-config.yaml; FHIR packages (R4 core, JP Core, JP-CLINS) only to name and link the base definitions the
 * IG refers to. Output: config/IG_SITE_DIR (default <project>/ig-site), served by the server at /ig/.
 *
 * Page names follow the HL7 IG Publisher (`index.html`, `<ResourceType>-<id>.html`), so the links written in
 * input/pagecontent work in both sites, and every internal link is relative to a flat folder, so the site works
 * under any URL prefix. The build is skipped when its inputs (and this script) are unchanged (a digest stamp).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { igSiteDir, loadConfig, PROJECT_ROOT } from '../src/config.js';
import { loadConformance, type ConformanceRegistry } from '../src/conformance/package-loader.js';

// ---------------------------------------------------------------------------------------------------------------
// HTML and Markdown

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Links from Markdown may point anywhere but never run code. */
function safeHref(href: string): string {
  return /^\s*(javascript|data|vbscript):/i.test(href) ? '#' : href;
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/** Inline Markdown: code spans, links, **strong**, *emphasis*; everything else escaped. */
export function renderInline(text: string): string {
  const codeSpans: string[] = [];
  let html = text.replace(/`([^`]+)`/g, (_match, code: string) => `\u0000${codeSpans.push(`<code>${escapeHtml(code)}</code>`) - 1}\u0000`);
  html = escapeHtml(html);
  html = html.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, href: string) => `<a href="${safeHref(href)}">${label}</a>`);
  html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  html = html.replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>');
  return html.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => codeSpans[Number(index)]);
}

/** Joins wrapped lines: Japanese text continues without a space, other text with one. */
function joinLines(lines: string[]): string {
  return lines.reduce((joined, line) => {
    const text = line.trim();
    if (!joined) return text;
    return CJK.test(joined.slice(-1)) && CJK.test(text.charAt(0)) ? joined + text : `${joined} ${text}`;
  }, '');
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function startsBlock(line: string, next: string | undefined): boolean {
  return /^#{1,6}\s/.test(line) || /^```/.test(line) || LIST_ITEM.test(line) || /^>\s?/.test(line) || /^\s*(---|\*\*\*)\s*$/.test(line) || (line.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next));
}

/**
 * The Markdown the IG's pages use: headings, paragraphs, pipe tables, nested lists, fenced code, block quotes and
 * rules. Raw HTML is escaped, not passed through.
 */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      html.push(`<h${heading[1].length}>${renderInline(heading[2])}</h${heading[1].length}>`);
      i++;
      continue;
    }
    if (/^```/.test(line)) {
      const code: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      i++;
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (/^\s*(---|\*\*\*)\s*$/.test(line)) {
      html.push('<hr>');
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1])) {
      const header = tableCells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].includes('|') && lines[i].trim() !== ''; i++) rows.push(tableCells(lines[i]));
      html.push(
        `<table class="md"><thead><tr>${header.map((cell) => `<th>${renderInline(cell)}</th>`).join('')}</tr></thead><tbody>` +
          rows.map((row) => `<tr>${header.map((_h, c) => `<td>${renderInline(row[c] ?? '')}</td>`).join('')}</tr>`).join('') +
          '</tbody></table>',
      );
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && /^>\s?/.test(lines[i]); i++) quoted.push(lines[i].replace(/^>\s?/, ''));
      html.push(`<blockquote>${renderMarkdown(quoted.join('\n'))}</blockquote>`);
      continue;
    }
    const listStart = LIST_ITEM.exec(line);
    if (listStart) {
      const ordered = /\d/.test(listStart[2]);
      const indent = listStart[1].length;
      const items: string[] = [];
      while (i < lines.length) {
        const item = LIST_ITEM.exec(lines[i]);
        if (!item || item[1].length !== indent || /\d/.test(item[2]) !== ordered) break;
        // The item's own text, then its continuation lines (indented deeper than the marker) de-indented.
        const body = [lines[i].slice(item[0].length)];
        for (i++; i < lines.length; i++) {
          const continuation = lines[i];
          const blankThenIndented = continuation.trim() === '' && /^\s+\S/.test(lines[i + 1] ?? '') && (lines[i + 1].length - lines[i + 1].trimStart().length) > indent;
          if (continuation.trim() === '' && !blankThenIndented) break;
          const depth = continuation.length - continuation.trimStart().length;
          if (continuation.trim() !== '' && depth <= indent) break;
          body.push(continuation.slice(Math.min(depth, item[0].length)));
        }
        const rendered = renderMarkdown(body.join('\n'));
        items.push(`<li>${rendered.replace(/^<p>([\s\S]*?)<\/p>/, '$1')}</li>`);
      }
      html.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
      continue;
    }
    const paragraph: string[] = [];
    for (; i < lines.length && lines[i].trim() !== '' && (paragraph.length === 0 || !startsBlock(lines[i], lines[i + 1])); i++) paragraph.push(lines[i]);
    html.push(`<p>${renderInline(joinLines(paragraph))}</p>`);
  }
  return html.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue of the IG's artifacts

type Category =
  | 'profile'
  | 'extension'
  | 'valueset'
  | 'codesystem'
  | 'conceptmap'
  | 'searchparameter'
  | 'capabilitystatement'
  | 'example'
  | 'other';

interface CategoryInfo {
  page: string;
  title: string;
}

const CATEGORIES: Record<Category, CategoryInfo> = {
  profile: { page: 'profiles.html', title: 'プロファイル / Profiles' },
  extension: { page: 'extensions.html', title: '拡張 / Extensions' },
  valueset: { page: 'valuesets.html', title: '値セット / Value sets' },
  codesystem: { page: 'codesystems.html', title: 'コードシステム / Code systems' },
  conceptmap: { page: 'conceptmaps.html', title: 'コード対応表 / Concept maps' },
  searchparameter: { page: 'searchparameters.html', title: '検索パラメータ / Search parameters' },
  capabilitystatement: { page: 'capabilitystatements.html', title: 'サーバ要件 / Capability statements' },
  example: { page: 'examples.html', title: '例 / Examples' },
  other: { page: 'other.html', title: 'その他のリソース / Other resources' },
};

interface Artifact {
  resource: any;
  resourceType: string;
  id: string;
  /** File name of its page, `<ResourceType>-<id>.html`. */
  page: string;
  /** File name of its JSON copy. */
  json: string;
  title: string;
  description: string;
  category: Category;
  /** Canonical URLs of the profiles an example illustrates (from the ImplementationGuide resource). */
  exampleOf: string[];
}

interface IgDefinitionResource {
  reference?: { reference?: string };
  name?: string;
  description?: string;
  exampleBoolean?: boolean;
  exampleCanonical?: string;
}

function categorize(resource: any, igEntry: IgDefinitionResource | undefined): Category {
  if (igEntry?.exampleBoolean || igEntry?.exampleCanonical) return 'example';
  switch (resource.resourceType) {
    case 'StructureDefinition':
      return resource.type === 'Extension' && resource.kind !== 'resource' ? 'extension' : 'profile';
    case 'ValueSet':
      return 'valueset';
    case 'CodeSystem':
      return 'codesystem';
    case 'ConceptMap':
      return 'conceptmap';
    case 'SearchParameter':
      return 'searchparameter';
    case 'CapabilityStatement':
      return 'capabilitystatement';
    default:
      return 'other';
  }
}

/** Strips `|version` from a canonical reference. */
function canonicalUrl(canonical: string): string {
  return canonical.split('|')[0];
}

const R4_SPEC = 'https://hl7.org/fhir/R4/';
/** Data types documented on a page of their own in the R4 specification rather than on datatypes.html. */
const R4_TYPE_PAGES: Record<string, string> = {
  Extension: 'extensibility.html#Extension',
  Reference: 'references.html#Reference',
  Meta: 'resource.html#Meta',
  Narrative: 'narrative.html#Narrative',
  Dosage: 'dosage.html#Dosage',
  BackboneElement: 'backboneelement.html',
  Element: 'element.html',
};

class Site {
  readonly artifacts: Artifact[] = [];
  private readonly byCanonical = new Map<string, Artifact>();
  private readonly byReference = new Map<string, Artifact>();

  constructor(
    readonly conformance: ConformanceRegistry,
    readonly igTitle: string,
    readonly igVersion: string,
  ) {}

  add(artifact: Artifact): void {
    this.artifacts.push(artifact);
    this.byReference.set(`${artifact.resourceType}/${artifact.id}`, artifact);
    if (typeof artifact.resource.url === 'string') this.byCanonical.set(artifact.resource.url, artifact);
  }

  local(canonical: string): Artifact | undefined {
    return this.byCanonical.get(canonicalUrl(canonical));
  }

  ofCategory(category: Category): Artifact[] {
    return this.artifacts.filter((artifact) => artifact.category === category);
  }

  /** A canonical resource of the IG or of a dependency package, whichever defines it. */
  resolve(resourceType: string, canonical: string): any {
    const local = this.local(canonical);
    if (local && local.resourceType === resourceType) return local.resource;
    return this.conformance.resolve(resourceType, canonicalUrl(canonical));
  }

  /**
   * A link to a canonical resource: the IG's own page, the R4 specification for base definitions, or (for JP Core /
   * JP-CLINS, whose canonical URLs are not web pages) its name with the URL as a tooltip.
   */
  canonicalLink(resourceType: string, canonical: string, label?: string): string {
    const url = canonicalUrl(canonical);
    const local = this.local(url);
    if (local) return `<a href="${escapeHtml(local.page)}" title="${escapeHtml(url)}">${escapeHtml(label ?? local.id)}</a>`;
    const external = this.conformance.resolve(resourceType, url) as { name?: string; title?: string } | undefined;
    const name = label ?? external?.name ?? url.split('/').pop() ?? url;
    const specPage = this.r4SpecPage(resourceType, url);
    if (specPage) return `<a class="external" href="${escapeHtml(specPage)}" title="${escapeHtml(url)}">${escapeHtml(name)}</a>`;
    return `<span class="external-name" title="${escapeHtml(url)}">${escapeHtml(name)}</span>`;
  }

  private r4SpecPage(resourceType: string, url: string): string | undefined {
    const sd = /^http:\/\/hl7\.org\/fhir\/StructureDefinition\/([A-Za-z]+)$/.exec(url);
    if (resourceType === 'StructureDefinition' && sd) return this.typeSpecPage(sd[1]);
    const vs = /^http:\/\/hl7\.org\/fhir\/ValueSet\/([\w-]+)$/.exec(url);
    if (resourceType === 'ValueSet' && vs) return `${R4_SPEC}valueset-${vs[1]}.html`;
    return undefined;
  }

  /** The R4 specification page of a base type, when the type is one of R4's. */
  typeSpecPage(code: string): string | undefined {
    const definition = this.conformance.structureDefinition(`http://hl7.org/fhir/StructureDefinition/${code}`);
    if (!definition) return undefined;
    if (definition.kind === 'resource') return `${R4_SPEC}${code.toLowerCase()}.html`;
    return `${R4_SPEC}${R4_TYPE_PAGES[code] ?? `datatypes.html#${code}`}`;
  }

  /**
   * Display and English designation of a code, from its CodeSystem when the IG or a package has it, else from a
   * value set of the IG that lists the code (ICD-10, for one, is not distributed as a CodeSystem).
   */
  lookup(system: string, code: string): { display?: string; english?: string } {
    const codeSystem = this.resolve('CodeSystem', system) as fhir4.CodeSystem | undefined;
    const concept = codeSystem ? flattenConcepts(codeSystem.concept ?? []).find((entry) => entry.concept.code === code)?.concept : undefined;
    if (concept) return { display: concept.display, english: englishDesignation(concept.designation) };
    const listed = this.listedConcepts().get(`${system}|${code}`);
    return { display: listed?.display, english: englishDesignation(listed?.designation) };
  }

  private listedConceptIndex?: Map<string, fhir4.ValueSetComposeIncludeConcept>;

  private listedConcepts(): Map<string, fhir4.ValueSetComposeIncludeConcept> {
    if (!this.listedConceptIndex) {
      this.listedConceptIndex = new Map();
      for (const valueSet of this.ofCategory('valueset')) {
        for (const include of (valueSet.resource as fhir4.ValueSet).compose?.include ?? []) {
          for (const concept of include.concept ?? []) {
            if (include.system && concept.display) this.listedConceptIndex.set(`${include.system}|${concept.code}`, concept);
          }
        }
      }
    }
    return this.listedConceptIndex;
  }
}

function englishDesignation(designations: { language?: string; value: string }[] | undefined): string | undefined {
  return designations?.find((designation) => designation.language?.toLowerCase().startsWith('en'))?.value;
}

function flattenConcepts(concepts: fhir4.CodeSystemConcept[], depth = 0): { concept: fhir4.CodeSystemConcept; depth: number }[] {
  return concepts.flatMap((concept) => [{ concept, depth }, ...flattenConcepts(concept.concept ?? [], depth + 1)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Page layout

type MenuTree = { [label: string]: string | MenuTree };

interface PageInput {
  fileName: string;
  /** The window title (and the heading unless `heading` is given). */
  title: string;
  /** The page's <h1> as its author wrote it, when that differs from the menu title. */
  heading?: string;
  body: string;
}

function menuHtml(menu: MenuTree): string {
  const items = Object.entries(menu).map(([label, target]) =>
    typeof target === 'string'
      ? `<li><a href="${escapeHtml(target)}">${escapeHtml(label)}</a></li>`
      : `<li class="group"><span>${escapeHtml(label)}</span>${menuHtml(target)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function layout(site: Site, menu: MenuTree, page: PageInput): string {
  const artifactNav = (Object.keys(CATEGORIES) as Category[])
    .filter((category) => site.ofCategory(category).length > 0)
    .map((category) => `<li><a href="${CATEGORIES[category].page}">${escapeHtml(CATEGORIES[category].title)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — ${escapeHtml(site.igTitle)}</title>
<link rel="stylesheet" href="ig.css">
<link rel="icon" href="data:,">
</head>
<body>
<header>
<p class="ig-title"><a href="index.html">${escapeHtml(site.igTitle)}</a> <span class="version">${escapeHtml(site.igVersion)}</span></p>
<nav class="menu" aria-label="メニュー / Menu">${menuHtml(menu)}</nav>
<nav class="artifact-nav" aria-label="成果物 / Artifacts"><ul><li><a href="artifacts.html">成果物一覧 / All artifacts</a></li>${artifactNav}</ul></nav>
</header>
<main>
<h1>${page.heading === undefined ? escapeHtml(page.title) : renderInline(page.heading)}</h1>
${page.body}
</main>
<footer><p>${escapeHtml(site.igTitle)} ${escapeHtml(site.igVersion)} — 草案 / draft. この版は <code>npm run build:ig</code> で生成 / built by <code>npm run build:ig</code>.</p></footer>
</body>
</html>
`;
}

const STYLESHEET = `/* IG reading site: no scripts, no inline styles (the server's CSP allows only this file). */
:root { --ink: #1d2530; --muted: #5b6675; --line: #d5dbe3; --band: #f3f6f9; --accent: #9b1c31; --link: #1a4f8b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); font: 15px/1.65 "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", system-ui, sans-serif; }
a { color: var(--link); }
a.external::after { content: " ↗"; font-size: 0.8em; }
.external-name { border-bottom: 1px dotted var(--muted); }
header { background: var(--accent); color: #fff; padding: 0.6rem 1.5rem 0.4rem; }
header a { color: #fff; text-decoration: none; }
header a:hover, header a:focus { text-decoration: underline; }
.ig-title { margin: 0 0 0.3rem; font-size: 1.15rem; font-weight: 700; }
.ig-title .version { font-size: 0.8rem; font-weight: 400; opacity: 0.85; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; }
nav.menu > ul > li.group { position: relative; }
nav.menu li.group > span { cursor: default; }
nav.menu li.group > span::after { content: " ▾"; }
nav.menu li.group > ul { display: none; position: absolute; z-index: 2; top: 100%; left: 0; min-width: 18rem; flex-direction: column; background: #fff; border: 1px solid var(--line); padding: 0.4rem 0.8rem; }
nav.menu li.group > ul a { color: var(--link); }
nav.menu li.group:hover > ul, nav.menu li.group:focus-within > ul { display: flex; }
nav.artifact-nav { margin-top: 0.3rem; font-size: 0.85rem; }
main { padding: 1rem 1.5rem 2rem; max-width: 96rem; }
h1 { font-size: 1.6rem; margin: 0.4rem 0 1rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1.2rem; font-size: 0.88rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--band); position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
table.meta th { background: var(--band); width: 14rem; }
code, pre { font-family: "SFMono-Regular", Consolas, "Noto Sans Mono CJK JP", monospace; font-size: 0.85em; }
pre { background: var(--band); border: 1px solid var(--line); padding: 0.8rem; overflow: auto; max-height: 40rem; }
.ms { color: var(--accent); font-weight: 700; }
.strength { font-variant: small-caps; color: var(--muted); }
.muted { color: var(--muted); }
.slice { color: var(--accent); }
.expr { word-break: break-all; }
td.element { white-space: nowrap; }
${Array.from({ length: 16 }, (_unused, depth) => `.d${depth} { padding-left: ${0.5 + depth * 1.1}rem; }`).join('\n')}
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.8rem; padding: 0.5rem 1.5rem 1.5rem; }
`;

// ---------------------------------------------------------------------------------------------------------------
// Building blocks of artifact pages

function metaTable(rows: [string, string | undefined][]): string {
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
  return `<table class="meta"><tbody>${shown.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function commonMeta(artifact: Artifact): [string, string | undefined][] {
  const resource = artifact.resource;
  return [
    ['正式 URL / Canonical URL', resource.url ? `<code>${escapeHtml(resource.url)}</code>` : undefined],
    ['名前 / Name', resource.name ? escapeHtml(String(resource.name)) : undefined],
    ['状態 / Status', resource.status ? escapeHtml(String(resource.status)) : undefined],
    ['バージョン / Version', resource.version ? escapeHtml(String(resource.version)) : undefined],
  ];
}

function descriptionHtml(artifact: Artifact): string {
  return artifact.description ? `<div class="description">${renderMarkdown(artifact.description)}</div>` : '';
}

function jsonLink(artifact: Artifact): string {
  return `<p><a href="${escapeHtml(artifact.json)}">JSON</a> <span class="muted">(${escapeHtml(artifact.resourceType)}/${escapeHtml(artifact.id)})</span></p>`;
}

function prettyJson(resource: unknown): string {
  return `<pre class="json"><code>${escapeHtml(JSON.stringify(resource, null, 2))}</code></pre>`;
}

function shortValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Code, system and displays of expanded or listed codes. */
interface CodeRow {
  system: string;
  code: string;
  display?: string;
  english?: string;
}

function codeRowsTable(site: Site, rows: CodeRow[]): string {
  if (rows.length === 0) return '<p class="muted">コードなし / no codes</p>';
  return (
    '<table class="codes"><thead><tr><th>コード / Code</th><th>表示 (日本語) / Display</th><th>English</th><th>コードシステム / System</th></tr></thead><tbody>' +
    rows
      .map(
        (row) =>
          `<tr><td><code>${escapeHtml(row.code)}</code></td><td>${escapeHtml(row.display ?? '')}</td><td>${escapeHtml(row.english ?? '')}</td><td>${site.canonicalLink('CodeSystem', row.system)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

// ---------------------------------------------------------------------------------------------------------------
// StructureDefinitions: profiles and extensions

function cardinality(element: fhir4.ElementDefinition): string {
  if (element.min === undefined && element.max === undefined) return '';
  return `${element.min ?? ''}..${element.max ?? ''}`;
}

function typesHtml(site: Site, element: fhir4.ElementDefinition): string {
  return (element.type ?? [])
    .map((type) => {
      const code = type.code;
      const system = /^http:\/\/hl7\.org\/fhirpath\/(System\.\w+)$/.exec(code);
      const spec = system ? undefined : site.typeSpecPage(code);
      let html = system ? escapeHtml(system[1]) : spec ? `<a class="external" href="${escapeHtml(spec)}">${escapeHtml(code)}</a>` : escapeHtml(code);
      if (type.profile?.length) html += `(${type.profile.map((profile) => site.canonicalLink('StructureDefinition', profile)).join(' | ')})`;
      if (type.targetProfile?.length) html += `(${type.targetProfile.map((target) => site.canonicalLink('StructureDefinition', target)).join(' | ')})`;
      return html;
    })
    .join('<br>');
}

function bindingHtml(site: Site, element: fhir4.ElementDefinition): string {
  const binding = element.binding;
  if (!binding) return '';
  const valueSet = binding.valueSet ? ` ${site.canonicalLink('ValueSet', binding.valueSet)}` : '';
  return `<span class="strength">${escapeHtml(binding.strength)}</span>${valueSet}`;
}

function fixedAndPatternHtml(element: fhir4.ElementDefinition): string {
  return Object.entries(element)
    .filter(([key]) => key.startsWith('fixed') || key.startsWith('pattern'))
    .map(([key, value]) => `<span class="muted">${key.startsWith('fixed') ? 'fixed' : 'pattern'}:</span> <code>${escapeHtml(shortValue(value))}</code>`)
    .join('<br>');
}

function constraintAnchor(key: string): string {
  return `constraint-${key.replace(/[^\w-]/g, '_')}`;
}

function constraintKeysHtml(element: fhir4.ElementDefinition): string {
  return (element.constraint ?? []).map((constraint) => `<a href="#${constraintAnchor(constraint.key)}">${escapeHtml(constraint.key)}</a>`).join(' ');
}

/** The element's own name with its slice, indented by its depth (snapshot), or its full id (differential). */
function elementLabel(element: fhir4.ElementDefinition, mode: 'differential' | 'snapshot'): string {
  const id = element.id ?? element.path;
  if (mode === 'differential') return `<code>${escapeHtml(id).replace(/(:[\w-]+)/g, '<span class="slice">$1</span>')}</code>`;
  const segments = id.split('.');
  const last = segments[segments.length - 1];
  const [name, slice] = last.split(':');
  const depth = Math.min(segments.length - 1, 15);
  return `<span class="d${depth}" title="${escapeHtml(id)}">${escapeHtml(name)}${slice ? `<span class="slice">:${escapeHtml(slice)}</span>` : ''}</span>`;
}

function elementTable(site: Site, elements: fhir4.ElementDefinition[], mode: 'differential' | 'snapshot'): string {
  const header = ['要素 / Element', '多重度 / Card.', '型 / Type', '結合 / Binding', 'MS', '固定値・パターン / Fixed, pattern', '制約 / Constraints', '説明 / Description'];
  const rows = elements.map(
    (element) =>
      `<tr><td class="element">${elementLabel(element, mode)}</td><td>${escapeHtml(cardinality(element))}</td><td>${typesHtml(site, element)}</td>` +
      `<td>${bindingHtml(site, element)}</td><td>${element.mustSupport ? '<span class="ms" title="Must Support">S</span>' : ''}</td>` +
      `<td>${fixedAndPatternHtml(element)}</td><td>${constraintKeysHtml(element)}</td><td>${escapeHtml(element.short ?? '')}</td></tr>`,
  );
  return `<table class="elements ${mode}" id="${mode}-table"><thead><tr>${header.map((title) => `<th>${title}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Every constraint of the snapshot, one row per key and expression, with the elements it applies to. */
function constraintTable(sd: fhir4.StructureDefinition): string {
  const byKey = new Map<string, { constraint: fhir4.ElementDefinitionConstraint; elements: string[] }>();
  for (const element of sd.snapshot?.element ?? []) {
    for (const constraint of element.constraint ?? []) {
      const key = `${constraint.key}\u0000${constraint.expression ?? ''}`;
      const entry = byKey.get(key) ?? { constraint, elements: [] };
      entry.elements.push(element.id ?? element.path);
      byKey.set(key, entry);
    }
  }
  const added = new Set((sd.differential?.element ?? []).flatMap((element) => (element.constraint ?? []).map((constraint) => constraint.key)));
  const anchored = new Set<string>();
  const rows = [...byKey.values()]
    .sort((a, b) => Number(added.has(b.constraint.key)) - Number(added.has(a.constraint.key)) || a.constraint.key.localeCompare(b.constraint.key))
    .map(({ constraint, elements }) => {
      const anchor = anchored.has(constraint.key) ? '' : ` id="${constraintAnchor(constraint.key)}"`;
      anchored.add(constraint.key);
      const shownElements = elements.length > 3 ? `${elements.slice(0, 3).map(escapeHtml).join('<br>')}<br><span class="muted">ほか ${elements.length - 3} 要素 / and ${elements.length - 3} more</span>` : elements.map(escapeHtml).join('<br>');
      return (
        `<tr${anchor}><td><code>${escapeHtml(constraint.key)}</code>${added.has(constraint.key) ? ' <span class="ms" title="このプロファイルで追加 / added by this profile">+</span>' : ''}</td>` +
        `<td>${escapeHtml(constraint.severity)}</td><td>${escapeHtml(constraint.human)}</td><td class="expr"><code>${escapeHtml(constraint.expression ?? '')}</code></td><td>${shownElements}</td></tr>`
      );
    });
  if (rows.length === 0) return '<p class="muted">制約なし / no constraints</p>';
  return `<table class="constraints"><thead><tr><th>キー / Key</th><th>重大度 / Severity</th><th>説明 / Human</th><th>式 / Expression (FHIRPath)</th><th>要素 / Elements</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function examplesOfProfile(site: Site, url: string): Artifact[] {
  return site.ofCategory('example').filter((example) => {
    if (example.exampleOf.includes(url)) return true;
    const profilesInside = [example.resource, ...(example.resource.entry ?? []).map((entry: { resource?: unknown }) => entry.resource)]
      .flatMap((resource: any) => resource?.meta?.profile ?? []);
    return profilesInside.some((profile: string) => canonicalUrl(profile) === url);
  });
}

function artifactList(artifacts: Artifact[]): string {
  if (artifacts.length === 0) return '<p class="muted">なし / none</p>';
  return `<ul>${artifacts.map((artifact) => `<li><a href="${escapeHtml(artifact.page)}">${escapeHtml(artifact.title)}</a></li>`).join('')}</ul>`;
}

function structureDefinitionPage(site: Site, artifact: Artifact): string {
  const sd = artifact.resource as fhir4.StructureDefinition;
  const isExtension = artifact.category === 'extension';
  const valueTypes = isExtension ? (sd.snapshot?.element ?? []).find((element) => element.id === 'Extension.value[x]') : undefined;
  const contexts = (sd.context ?? []).map((context) => `<code>${escapeHtml(context.expression)}</code> <span class="muted">(${escapeHtml(context.type)})</span>`).join(', ');
  const meta = metaTable([
    ...commonMeta(artifact),
    ['対象の型 / Type', escapeHtml(sd.type)],
    ['親 / Parent (baseDefinition)', sd.baseDefinition ? `${site.canonicalLink('StructureDefinition', sd.baseDefinition)} <code class="muted">${escapeHtml(sd.baseDefinition)}</code>` : undefined],
    ['使用箇所 / Context', isExtension ? contexts : undefined],
    ['値の型 / Value type', valueTypes && valueTypes.max !== '0' ? typesHtml(site, valueTypes) : undefined],
  ]);
  const examples = examplesOfProfile(site, sd.url);
  const differential = sd.differential?.element ?? [];
  const snapshot = sd.snapshot?.element ?? [];
  return [
    descriptionHtml(artifact),
    meta,
    jsonLink(artifact),
    '<h2>差分 / Differential</h2>',
    '<p>親プロファイルから変更した要素。<span class="ms">S</span> = Must Support。/ Elements this profile changes from its parent.</p>',
    elementTable(site, differential, 'differential'),
    '<h2>スナップショット / Snapshot</h2>',
    `<p>このプロファイルで有効な全要素 (${snapshot.length})。/ All ${snapshot.length} elements in effect.</p>`,
    snapshot.length ? elementTable(site, snapshot, 'snapshot') : '<p class="muted">スナップショットなし (SUSHI --snapshot で生成) / no snapshot</p>',
    '<h2>制約 / Constraints</h2>',
    '<p><span class="ms">+</span> = このプロファイルで追加 / added by this profile.</p>',
    constraintTable(sd),
    '<h2>例 / Examples</h2>',
    artifactList(examples),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Terminology

interface Expansion {
  rows: CodeRow[];
  /** Why the list is not (or not entirely) enumerable: filters, unknown code systems, unresolved value sets. */
  notes: string[];
}

/** Codes of a value set where its definition enumerates them (concept lists, whole local or packaged code systems). */
function expandValueSet(site: Site, valueSet: fhir4.ValueSet, visited: Set<string> = new Set()): Expansion {
  const expansion: Expansion = { rows: [], notes: [] };
  if (valueSet.url) visited.add(valueSet.url);
  for (const include of valueSet.compose?.include ?? []) {
    for (const imported of include.valueSet ?? []) {
      const url = canonicalUrl(imported);
      const importedSet = visited.has(url) ? undefined : (site.resolve('ValueSet', url) as fhir4.ValueSet | undefined);
      if (!importedSet) {
        expansion.notes.push(`値セット ${url} は展開できません / value set ${url} not expanded here`);
        continue;
      }
      const nested = expandValueSet(site, importedSet, visited);
      expansion.rows.push(...nested.rows);
      expansion.notes.push(...nested.notes);
    }
    if (!include.system) continue;
    if (include.concept?.length) {
      for (const concept of include.concept) {
        const known = site.lookup(include.system, concept.code);
        expansion.rows.push({
          system: include.system,
          code: concept.code,
          display: concept.display ?? known.display,
          english: englishDesignation(concept.designation) ?? known.english,
        });
      }
    } else if (include.filter?.length) {
      const filters = include.filter.map((filter) => `${filter.property} ${filter.op} ${filter.value}`).join(' and ');
      expansion.notes.push(`${include.system} のうち条件 ${filters} に合うコード (列挙なし) / codes of ${include.system} where ${filters} (not enumerated)`);
    } else {
      const codeSystem = site.resolve('CodeSystem', include.system) as fhir4.CodeSystem | undefined;
      if (codeSystem && codeSystem.content === 'complete') {
        for (const { concept } of flattenConcepts(codeSystem.concept ?? [])) {
          expansion.rows.push({ system: include.system, code: concept.code, display: concept.display, english: englishDesignation(concept.designation) });
        }
      } else {
        expansion.notes.push(`${include.system} の全コード (このサイトでは列挙なし) / all codes of ${include.system} (not enumerated here)`);
      }
    }
  }
  for (const exclude of valueSet.compose?.exclude ?? []) {
    const excluded = new Set((exclude.concept ?? []).map((concept) => concept.code));
    expansion.rows = expansion.rows.filter((row) => row.system !== exclude.system || (excluded.size > 0 && !excluded.has(row.code)));
  }
  return expansion;
}

function composeTable(site: Site, valueSet: fhir4.ValueSet): string {
  const rules = [
    ...(valueSet.compose?.include ?? []).map((rule) => ({ kind: '含む / include', rule })),
    ...(valueSet.compose?.exclude ?? []).map((rule) => ({ kind: '除く / exclude', rule })),
  ];
  const rows = rules.map(({ kind, rule }) => {
    const parts: string[] = [];
    if (rule.system) parts.push(`${site.canonicalLink('CodeSystem', rule.system)} <code class="muted">${escapeHtml(rule.system)}</code>`);
    if (rule.concept?.length) parts.push(`${rule.concept.length} コード / codes`);
    for (const filter of rule.filter ?? []) parts.push(`filter: <code>${escapeHtml(`${filter.property} ${filter.op} ${filter.value}`)}</code>`);
    for (const imported of rule.valueSet ?? []) parts.push(`ValueSet ${site.canonicalLink('ValueSet', imported)}`);
    if (rule.system && !rule.concept?.length && !rule.filter?.length) parts.push('全コード / all codes');
    return `<tr><td>${kind}</td><td>${parts.join('<br>')}</td></tr>`;
  });
  return `<table class="compose"><thead><tr><th>規則 / Rule</th><th>内容 / Content</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function valueSetPage(site: Site, artifact: Artifact): string {
  const valueSet = artifact.resource as fhir4.ValueSet;
  const expansion = expandValueSet(site, valueSet);
  const boundBy = site
    .ofCategory('profile')
    .concat(site.ofCategory('extension'))
    .filter((profile) => (profile.resource.snapshot?.element ?? []).some((element: fhir4.ElementDefinition) => element.binding?.valueSet && canonicalUrl(element.binding.valueSet) === valueSet.url));
  return [
    descriptionHtml(artifact),
    metaTable(commonMeta(artifact)),
    jsonLink(artifact),
    '<h2>定義 / Logical definition</h2>',
    composeTable(site, valueSet),
    '<h2>コード / Codes</h2>',
    `<p>${expansion.rows.length} コード / codes${expansion.notes.length ? ' (一部は列挙なし / partly not enumerated)' : ''}.</p>`,
    expansion.notes.length ? `<ul class="notes">${expansion.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>` : '',
    codeRowsTable(site, expansion.rows),
    '<h2>この値セットを結合するプロファイル / Profiles binding this value set</h2>',
    artifactList(boundBy),
  ].join('\n');
}

function codeSystemPage(site: Site, artifact: Artifact): string {
  const codeSystem = artifact.resource as fhir4.CodeSystem;
  const concepts = flattenConcepts(codeSystem.concept ?? []);
  const hasProperties = concepts.some(({ concept }) => concept.property?.length);
  const rows = concepts.map(({ concept, depth }) => {
    const properties = (concept.property ?? [])
      .map((property) => {
        const value = Object.entries(property).find(([key]) => key.startsWith('value'))?.[1];
        return `${escapeHtml(property.code)}=${escapeHtml(shortValue(value))}`;
      })
      .join('<br>');
    return (
      `<tr><td><code class="d${Math.min(depth, 15)}">${escapeHtml(concept.code)}</code></td><td>${escapeHtml(concept.display ?? '')}</td>` +
      `<td>${escapeHtml(englishDesignation(concept.designation) ?? '')}</td><td>${escapeHtml(concept.definition ?? '')}</td>${hasProperties ? `<td>${properties}</td>` : ''}</tr>`
    );
  });
  const usedBy = site
    .ofCategory('valueset')
    .filter((valueSet) => [...(valueSet.resource.compose?.include ?? []), ...(valueSet.resource.compose?.exclude ?? [])].some((rule: fhir4.ValueSetComposeInclude) => rule.system === codeSystem.url));
  return [
    descriptionHtml(artifact),
    metaTable([
      ...commonMeta(artifact),
      ['内容 / Content', escapeHtml(codeSystem.content)],
      ['大文字小文字の区別 / Case sensitive', codeSystem.caseSensitive === undefined ? undefined : String(codeSystem.caseSensitive)],
      ['コード数 / Count', String(concepts.length)],
      ['階層の意味 / Hierarchy meaning', codeSystem.hierarchyMeaning ? escapeHtml(codeSystem.hierarchyMeaning) : undefined],
    ]),
    jsonLink(artifact),
    '<h2>コード / Concepts</h2>',
    `<table class="codes"><thead><tr><th>コード / Code</th><th>表示 (日本語) / Display</th><th>English</th><th>定義 / Definition</th>${hasProperties ? '<th>プロパティ / Properties</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '<h2>このコードシステムを使う値セット / Value sets using this code system</h2>',
    artifactList(usedBy),
  ].join('\n');
}

function conceptMapPage(site: Site, artifact: Artifact): string {
  const conceptMap = artifact.resource as fhir4.ConceptMap;
  const source = conceptMap.sourceCanonical ?? conceptMap.sourceUri;
  const target = conceptMap.targetCanonical ?? conceptMap.targetUri;
  const groups = (conceptMap.group ?? []).map((group) => {
    const rows = group.element.flatMap((element) =>
      (element.target?.length ? element.target : [undefined]).map((mapped) => {
        const sourceDisplay = element.display ?? (element.code && group.source ? site.lookup(group.source, element.code).display : undefined);
        const targetDisplay = mapped?.display ?? (mapped?.code && group.target ? site.lookup(group.target, mapped.code).display : undefined);
        return (
          `<tr><td><code>${escapeHtml(element.code ?? '')}</code></td><td>${escapeHtml(sourceDisplay ?? '')}</td><td>${escapeHtml(mapped?.equivalence ?? 'unmatched')}</td>` +
          `<td><code>${escapeHtml(mapped?.code ?? '')}</code></td><td>${escapeHtml(targetDisplay ?? '')}</td><td>${escapeHtml(mapped?.comment ?? '')}</td></tr>`
        );
      }),
    );
    return (
      `<h3>${group.source ? site.canonicalLink('CodeSystem', group.source) : '?'} → ${group.target ? site.canonicalLink('CodeSystem', group.target) : '?'}</h3>` +
      `<table class="mapping"><thead><tr><th>元コード / Source code</th><th>表示 / Display</th><th>関係 / Equivalence</th><th>対応先 / Target code</th><th>対応先の表示 / Target display</th><th>注記 / Comment</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    );
  });
  return [
    descriptionHtml(artifact),
    metaTable([
      ...commonMeta(artifact),
      ['元 / Source', source ? site.canonicalLink('ValueSet', source) : undefined],
      ['対応先 / Target', target ? site.canonicalLink('ValueSet', target) : undefined],
    ]),
    jsonLink(artifact),
    '<h2>対応 / Mappings</h2>',
    ...groups,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Server artifacts

function searchParameterPage(site: Site, artifact: Artifact): string {
  const parameter = artifact.resource as fhir4.SearchParameter;
  const usedIn = site.ofCategory('capabilitystatement').filter((statement) =>
    (statement.resource.rest ?? []).some((rest: fhir4.CapabilityStatementRest) => (rest.resource ?? []).some((resource) => (resource.searchParam ?? []).some((param) => param.definition === parameter.url))),
  );
  return [
    descriptionHtml(artifact),
    metaTable([
      ...commonMeta(artifact),
      ['コード / Code', `<code>${escapeHtml(parameter.code)}</code>`],
      ['対象リソース / Base', parameter.base.map(escapeHtml).join(', ')],
      ['型 / Type', escapeHtml(parameter.type)],
      ['式 / Expression', parameter.expression ? `<code class="expr">${escapeHtml(parameter.expression)}</code>` : undefined],
      ['参照先 / Target', parameter.target?.map(escapeHtml).join(', ')],
      ['比較子 / Comparators', parameter.comparator?.map(escapeHtml).join(', ')],
      ['修飾子 / Modifiers', parameter.modifier?.map(escapeHtml).join(', ')],
    ]),
    jsonLink(artifact),
    '<h2>使用するサーバ要件 / Used in capability statements</h2>',
    artifactList(usedIn),
  ].join('\n');
}

function capabilityStatementPage(site: Site, artifact: Artifact): string {
  const statement = artifact.resource as fhir4.CapabilityStatement;
  const rests = (statement.rest ?? []).map((rest) => {
    const resources = (rest.resource ?? []).map((resource) => {
      const profiles = [resource.profile, ...(resource.supportedProfile ?? [])]
        .filter((profile): profile is string => Boolean(profile))
        .map((profile) => site.canonicalLink('StructureDefinition', profile));
      const searchParams = (resource.searchParam ?? []).map(
        (param) => `${param.definition && site.local(param.definition) ? site.canonicalLink('SearchParameter', param.definition, param.name) : `<code>${escapeHtml(param.name)}</code>`} <span class="muted">(${escapeHtml(param.type)})</span>`,
      );
      const operations = (resource.operation ?? []).map((operation) => `$${escapeHtml(operation.name)}`);
      return (
        `<tr><td><a class="external" href="${escapeHtml(site.typeSpecPage(resource.type) ?? R4_SPEC)}">${escapeHtml(resource.type)}</a></td><td>${profiles.join('<br>')}</td>` +
        `<td>${(resource.interaction ?? []).map((interaction) => escapeHtml(interaction.code)).join(', ')}</td><td>${searchParams.join('<br>')}</td><td>${operations.join(', ')}</td>` +
        `<td>${resource.documentation ? renderInline(resource.documentation) : ''}</td></tr>`
      );
    });
    return [
      `<h2>REST (${escapeHtml(rest.mode)})</h2>`,
      rest.documentation ? renderMarkdown(rest.documentation) : '',
      rest.interaction?.length ? `<p>システム操作 / System interactions: ${rest.interaction.map((interaction) => `<code>${escapeHtml(interaction.code)}</code>`).join(', ')}</p>` : '',
      '<table class="capabilities"><thead><tr><th>リソース / Resource</th><th>プロファイル / Profiles</th><th>操作 / Interactions</th><th>検索パラメータ / Search parameters</th><th>オペレーション / Operations</th><th>説明 / Documentation</th></tr></thead>',
      `<tbody>${resources.join('')}</tbody></table>`,
    ].join('\n');
  });
  return [
    descriptionHtml(artifact),
    metaTable([
      ...commonMeta(artifact),
      ['種類 / Kind', escapeHtml(statement.kind)],
      ['FHIR バージョン / FHIR version', escapeHtml(statement.fhirVersion)],
      ['形式 / Formats', statement.format.map(escapeHtml).join(', ')],
      ['実装ガイド / Implementation guides', statement.implementationGuide?.map((url) => `<code>${escapeHtml(url)}</code>`).join(', ')],
    ]),
    jsonLink(artifact),
    ...rests,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Examples and other instances

function codingText(concept: any): string | undefined {
  if (!concept || typeof concept !== 'object') return undefined;
  const coding = Array.isArray(concept.coding) ? concept.coding.find((entry: any) => entry.display) ?? concept.coding[0] : undefined;
  return concept.text ?? coding?.display ?? coding?.code;
}

function humanName(names: any): string | undefined {
  if (!Array.isArray(names) || names.length === 0) return undefined;
  const name = names[0];
  return name.text ?? [name.family, ...(name.given ?? [])].filter(Boolean).join(' ');
}

function valueText(resource: any): string | undefined {
  const entry = Object.entries(resource).find(([key]) => key.startsWith('value'));
  if (!entry) return undefined;
  const value = entry[1] as any;
  if (value && typeof value === 'object') {
    if ('value' in value) return `${value.value}${value.unit ? ` ${value.unit}` : ''}`;
    return codingText(value) ?? JSON.stringify(value);
  }
  return String(value);
}

function timeText(resource: any): string | undefined {
  const period = resource.performedPeriod ?? resource.period ?? resource.effectivePeriod;
  return (
    resource.effectiveDateTime ??
    resource.onsetDateTime ??
    resource.performedDateTime ??
    (period ? `${period.start ?? ''} – ${period.end ?? ''}` : undefined) ??
    resource.authoredOn ??
    resource.date ??
    resource.birthDate
  );
}

/** One line telling a reader what an instance is: what, value, when. */
function instanceSummary(resource: any): string {
  const what =
    resource.title ??
    humanName(resource.name) ??
    (typeof resource.name === 'string' ? resource.name : undefined) ??
    codingText(resource.code) ??
    codingText(resource.medicationCodeableConcept) ??
    codingText(Array.isArray(resource.category) ? resource.category[0] : resource.category) ??
    codingText(Array.isArray(resource.type) ? resource.type[0] : resource.type) ??
    (typeof resource.type === 'string' ? resource.type : undefined);
  const parts = [what, valueText(resource), resource.gender, timeText(resource), resource.status ? `[${resource.status}]` : undefined];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' · ');
}

function profilesCell(site: Site, resource: any): string {
  return (resource?.meta?.profile ?? []).map((profile: string) => site.canonicalLink('StructureDefinition', profile)).join('<br>');
}

function instancePage(site: Site, artifact: Artifact): string {
  const resource = artifact.resource;
  const entries: { fullUrl?: string; resource?: any }[] = resource.resourceType === 'Bundle' ? resource.entry ?? [] : [];
  const summaryRows = [
    `<tr><td>—</td><td>${escapeHtml(resource.resourceType)}${resource.type && resource.resourceType === 'Bundle' ? ` (${escapeHtml(String(resource.type))})` : ''}</td><td>${escapeHtml(resource.id ?? '')}</td><td>${profilesCell(site, resource)}</td><td>${escapeHtml(instanceSummary(resource))}</td></tr>`,
    ...entries.map(
      (entry, index) =>
        `<tr><td>${index + 1}</td><td>${escapeHtml(entry.resource?.resourceType ?? '')}</td><td><code>${escapeHtml(entry.fullUrl ?? entry.resource?.id ?? '')}</code></td>` +
        `<td>${profilesCell(site, entry.resource)}</td><td>${escapeHtml(entry.resource ? instanceSummary(entry.resource) : '')}</td></tr>`,
    ),
  ];
  return [
    descriptionHtml(artifact),
    metaTable([
      ['リソース / Resource', `${escapeHtml(artifact.resourceType)}/${escapeHtml(artifact.id)}`],
      ['例示するプロファイル / Example of', artifact.exampleOf.length ? artifact.exampleOf.map((url) => site.canonicalLink('StructureDefinition', url)).join(', ') : undefined],
    ]),
    jsonLink(artifact),
    `<h2>概要 / Summary${entries.length ? ` (${entries.length} エントリ / entries)` : ''}</h2>`,
    `<table class="summary"><thead><tr><th>#</th><th>種類 / Type</th><th>ID / fullUrl</th><th>プロファイル / Profiles</th><th>内容 / Content</th></tr></thead><tbody>${summaryRows.join('')}</tbody></table>`,
    '<h2>JSON</h2>',
    prettyJson(resource),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Index pages

function indexTable(site: Site, artifacts: Artifact[], category: Category): string {
  if (artifacts.length === 0) return '<p class="muted">なし / none</p>';
  const structure = category === 'profile' || category === 'extension';
  const rows = artifacts.map((artifact) => {
    const extra = structure
      ? `<td>${escapeHtml(artifact.resource.type ?? '')}</td><td>${artifact.resource.baseDefinition ? site.canonicalLink('StructureDefinition', artifact.resource.baseDefinition) : ''}</td>`
      : '';
    return `<tr><td><a href="${escapeHtml(artifact.page)}">${escapeHtml(artifact.title)}</a><br><code class="muted">${escapeHtml(artifact.id)}</code></td>${extra}<td>${escapeHtml(artifact.description.replace(/\s+/g, ' '))}</td></tr>`;
  });
  const extraHeader = structure ? '<th>対象の型 / Type</th><th>親 / Parent</th>' : '';
  return `<table class="index"><thead><tr><th>名前 / Name</th>${extraHeader}<th>説明 / Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Build

export interface SiteOptions {
  resourcesDir: string;
  pagesDir: string;
  sushiConfigPath: string;
  outDir: string;
  conformance: ConformanceRegistry;
}

interface SushiConfig {
  title?: string;
  version?: string;
  pages?: Record<string, { title?: string }>;
  menu?: MenuTree;
}

function readResources(dir: string): any[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((resource) => typeof resource?.resourceType === 'string' && typeof resource?.id === 'string');
}

const PAGE_BUILDERS: Record<Category, (site: Site, artifact: Artifact) => string> = {
  profile: structureDefinitionPage,
  extension: structureDefinitionPage,
  valueset: valueSetPage,
  codesystem: codeSystemPage,
  conceptmap: conceptMapPage,
  searchparameter: searchParameterPage,
  capabilitystatement: capabilityStatementPage,
  example: instancePage,
  other: instancePage,
};

/** Writes the whole site into options.outDir (replacing it) and returns the file names of its pages. */
export function buildIgSite(options: SiteOptions): string[] {
  const config = parseYaml(readFileSync(options.sushiConfigPath, 'utf8')) as SushiConfig;
  const resources = readResources(options.resourcesDir);
  const ig = resources.find((resource) => resource.resourceType === 'ImplementationGuide');
  const igEntries = new Map<string, IgDefinitionResource>(
    ((ig?.definition?.resource ?? []) as IgDefinitionResource[]).map((entry) => [entry.reference?.reference ?? '', entry]),
  );
  const site = new Site(options.conformance, config.title ?? ig?.title ?? 'Implementation Guide', config.version ?? ig?.version ?? '');
  for (const resource of resources) {
    const reference = `${resource.resourceType}/${resource.id}`;
    const igEntry = igEntries.get(reference);
    site.add({
      resource,
      resourceType: resource.resourceType,
      id: resource.id,
      page: `${resource.resourceType}-${resource.id}.html`,
      json: `${resource.resourceType}-${resource.id}.json`,
      title: resource.title ?? igEntry?.name ?? resource.name ?? resource.id,
      description: resource.description ?? igEntry?.description ?? '',
      category: categorize(resource, igEntry),
      exampleOf: igEntry?.exampleCanonical ? [igEntry.exampleCanonical] : [],
    });
  }
  site.artifacts.sort((a, b) => a.title.localeCompare(b.title, 'ja'));

  const menu = config.menu ?? { 'ホーム / Home': 'index.html' };
  const pages: PageInput[] = [];
  // Guidance pages: input/pagecontent/*.md, titled as in sushi-config.yaml (else by their first heading).
  for (const name of readdirSync(options.pagesDir).filter((file) => file.endsWith('.md')).sort()) {
    const markdown = readFileSync(join(options.pagesDir, name), 'utf8');
    // A page that opens with a level-1 heading gets it as the layout's <h1>; the menu title names the window.
    const openingHeading = /^\s*#\s+(.*?)\s*$/m.exec(markdown);
    const heading = openingHeading && markdown.trimStart().startsWith('# ') ? openingHeading[1] : undefined;
    const title = config.pages?.[name]?.title ?? heading ?? basename(name, '.md');
    const body = heading === undefined ? markdown : markdown.replace(/^\s*#\s+.*$/m, '');
    pages.push({ fileName: `${basename(name, '.md')}.html`, title, heading, body: renderMarkdown(body) });
  }
  for (const artifact of site.artifacts) {
    pages.push({ fileName: artifact.page, title: artifact.title, body: PAGE_BUILDERS[artifact.category](site, artifact) });
  }
  const presentCategories = (Object.keys(CATEGORIES) as Category[]).filter((category) => site.ofCategory(category).length > 0);
  for (const category of presentCategories) {
    pages.push({ fileName: CATEGORIES[category].page, title: CATEGORIES[category].title, body: indexTable(site, site.ofCategory(category), category) });
  }
  pages.push({
    fileName: 'artifacts.html',
    title: '成果物一覧 / Artifacts',
    body: presentCategories
      .map((category) => `<h2><a href="${CATEGORIES[category].page}">${escapeHtml(CATEGORIES[category].title)}</a></h2>\n${indexTable(site, site.ofCategory(category), category)}`)
      .join('\n'),
  });
  if (!pages.some((page) => page.fileName === 'index.html')) throw new Error(`${options.pagesDir} has no index.md: the site needs a home page`);

  // Written next to the target and swapped in, so a running server never serves a half-written site.
  const staging = `${resolve(options.outDir)}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'ig.css'), STYLESHEET);
  for (const page of pages) writeFileSync(join(staging, page.fileName), layout(site, menu, page));
  for (const artifact of site.artifacts) writeFileSync(join(staging, artifact.json), `${JSON.stringify(artifact.resource, null, 2)}\n`);
  rmSync(options.outDir, { recursive: true, force: true });
  renameSync(staging, options.outDir);
  return pages.map((page) => page.fileName);
}

/** A digest of the site's inputs and of this generator: an unchanged digest means the site is current. */
function siteDigest(options: Pick<SiteOptions, 'resourcesDir' | 'pagesDir' | 'sushiConfigPath'>): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(options.sushiConfigPath));
  for (const dir of [options.resourcesDir, options.pagesDir]) {
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex');
}

const STAMP_FILE = '.site-stamp';

/**
 * Builds the site into IG_SITE_DIR unless it is current (`force` rebuilds); the entry point of
 * `npm run build:ig`. Returns a process exit code.
 */
export function buildIgSiteIfStale(force = false): number {
  const config = loadConfig();
  const sources = {
    resourcesDir: config.igResourcesDir,
    pagesDir: join(PROJECT_ROOT, 'input', 'pagecontent'),
    sushiConfigPath: join(PROJECT_ROOT, 'sushi-config.yaml'),
  };
  const outDir = igSiteDir();
  if (!existsSync(sources.resourcesDir)) {
    console.error(`build-ig-site: ${sources.resourcesDir} is missing; run \`npm run build:ig\` first`);
    return 1;
  }
  const digest = siteDigest(sources);
  const stamp = join(outDir, STAMP_FILE);
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    console.log(`build-ig-site: ${outDir} is up to date`);
    return 0;
  }
  const conformance = loadConformance({ ...sources, fhirPackageCache: config.fhirPackageCache, fhirPackagesDir: config.fhirPackagesDir, igResourcesDir: config.igResourcesDir });
  const pages = buildIgSite({ ...sources, outDir, conformance });
  writeFileSync(stamp, digest);
  console.log(`build-ig-site: ${pages.length} pages written to ${outDir}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exit(buildIgSiteIfStale(process.argv.includes('--force')));
  } catch (error) {
    console.error(`build-ig-site: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  }
}
