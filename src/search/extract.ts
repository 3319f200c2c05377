import fhirpath from 'fhirpath';
import { unionBranches, type ParameterCatalog, type ParameterType, type ResolvedParameter } from './parameters.js';
import { NeedsFhirpath, type TypedValue } from './typed-paths.js';
import { dateRange, normaliseString } from './values.js';

/** Index rows of one resource, per index table. `grp` ties together the components of one composite element. */
export interface IndexRows {
  token: { param: string; grp: number; system: string | null; value: string | null; text: string | null }[];
  string: { param: string; grp: number; value: string; exact: string }[];
  date: { param: string; grp: number; low: string | null; high: string | null }[];
  number: { param: string; grp: number; low: string; high: string; system: string | null; code: string | null }[];
  reference: { param: string; grp: number; targetType: string | null; targetId: string | null; url: string | null }[];
  uri: { param: string; grp: number; value: string }[];
  /** Full-text rows (`_content`, `_text`), filled by the indexer from the whole resource rather than parameters. */
  text: { param: string; grp: number; value: string }[];
}

export const INDEX_TABLES = ['token', 'string', 'date', 'number', 'reference', 'uri'] as const;

/** Suffixes of derived token rows: identifier types (`:of-type`) and reference identifiers (`:identifier`). */
export const OF_TYPE = ':of-type';
export const IDENTIFIER = ':identifier';

export function emptyRows(): IndexRows {
  return { token: [], string: [], date: [], number: [], reference: [], uri: [], text: [] };
}

/** fhirpath.js results (with the R4 model) as typed values. */
export function typedResults(results: unknown[]): TypedValue[] {
  const types = fhirpath.types(results);
  const values = fhirpath.resolveInternalTypes(results) as unknown[];
  return values.map((value, index) => {
    const node = results[index] as { parentResNode?: { path?: string } | null; propName?: string } | undefined;
    const parentPath = node?.parentResNode?.path;
    return { type: types[index].replace(/^(FHIR|System)\./, ''), value, ...(parentPath && node?.propName ? { path: `${parentPath}.${node.propName}` } : {}) };
  });
}

/** The typed values `parameter` selects: by its compiled paths when it has them, else through fhirpath.js. */
function selectedValues(parameter: ResolvedParameter, resource: fhir4.Resource): TypedValue[] {
  if (parameter.typedPaths) {
    try {
      return parameter.typedPaths(resource);
    } catch (error) {
      if (!(error instanceof NeedsFhirpath)) throw error;
    }
  }
  return typedResults(parameter.evaluate(resource));
}

const QUANTITY_TYPES = new Set(['Quantity', 'Age', 'Duration', 'Distance', 'Count', 'SimpleQuantity', 'MoneyQuantity']);
const DATE_TYPES = new Set(['date', 'dateTime', 'instant', 'Date', 'DateTime']);
const NUMBER_TYPES = new Set(['decimal', 'integer', 'positiveInt', 'unsignedInt', 'Decimal', 'Integer']);
const TEXT_TYPES = new Set(['string', 'code', 'id', 'uri', 'url', 'canonical', 'oid', 'uuid', 'markdown', 'String']);

/** `Type/id`, `Type/id/_history/v` or `http://base/Type/id`: the target a literal reference names. */
export function parseReference(reference: string): { targetType: string; targetId: string } | undefined {
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match ? { targetType: match[1], targetId: match[2] } : undefined;
}

/** Adds the rows one typed value yields for a parameter of `type` to `rows`. */
function addValue(catalog: ParameterCatalog, rows: IndexRows, type: Exclude<ParameterType, 'composite'>, param: string, grp: number, item: TypedValue): void {
  const { value } = item;
  if (value === null || value === undefined) return;
  switch (type) {
    case 'token':
      return addToken(catalog, rows, param, grp, item);
    case 'string':
      for (const text of stringsOf(item)) rows.string.push({ param, grp, value: normaliseString(text), exact: text });
      return;
    case 'date': {
      if (DATE_TYPES.has(item.type) && typeof value === 'string') {
        const range = dateRange(value);
        if (range) rows.date.push({ param, grp, low: range.low ?? null, high: range.high ?? null });
      } else if (item.type === 'Period') {
        const start = value.start ? dateRange(value.start) : undefined;
        const end = value.end ? dateRange(value.end) : undefined;
        if (start || end) rows.date.push({ param, grp, low: start?.low ?? null, high: end?.high ?? null });
      } else if (item.type === 'Timing') {
        for (const event of value.event ?? []) addValue(catalog, rows, 'date', param, grp, { type: 'dateTime', value: event });
      }
      return;
    }
    case 'number':
      if (NUMBER_TYPES.has(item.type) && typeof value === 'number') rows.number.push({ param, grp, low: String(value), high: String(value), system: null, code: null });
      else if (item.type === 'Range' && (value.low?.value !== undefined || value.high?.value !== undefined)) {
        rows.number.push({ param, grp, low: String(value.low?.value ?? '-Infinity'), high: String(value.high?.value ?? 'Infinity'), system: null, code: null });
      }
      return;
    case 'quantity':
      if ((QUANTITY_TYPES.has(item.type) || item.type === 'Money') && typeof value.value === 'number') {
        const code = item.type === 'Money' ? (value.currency ?? null) : (value.code ?? value.unit ?? null);
        rows.number.push({ param, grp, low: String(value.value), high: String(value.value), system: value.system ?? null, code });
        if (value.unit && value.code && value.unit !== value.code) rows.number.push({ param, grp, low: String(value.value), high: String(value.value), system: null, code: value.unit });
      } else if (item.type === 'Range' && (value.low?.value !== undefined || value.high?.value !== undefined)) {
        const unit = value.low ?? value.high;
        rows.number.push({
          param,
          grp,
          low: String(value.low?.value ?? '-Infinity'),
          high: String(value.high?.value ?? 'Infinity'),
          system: unit.system ?? null,
          code: unit.code ?? unit.unit ?? null,
        });
      }
      return;
    case 'reference':
      if (item.type === 'Reference') {
        if (typeof value.reference === 'string' && !value.reference.startsWith('#')) {
          const target = parseReference(value.reference);
          rows.reference.push({ param, grp, targetType: target?.targetType ?? null, targetId: target?.targetId ?? null, url: value.reference });
        }
        if (value.identifier?.value) {
          rows.token.push({ param: param + IDENTIFIER, grp, system: value.identifier.system ?? null, value: value.identifier.value, text: null });
        }
      } else if (typeof value === 'string') {
        const target = parseReference(value);
        rows.reference.push({ param, grp, targetType: target?.targetType ?? null, targetId: target?.targetId ?? null, url: value });
      }
      return;
    case 'uri':
      if (typeof value === 'string') rows.uri.push({ param, grp, value });
      return;
  }
}

function addToken(catalog: ParameterCatalog, rows: IndexRows, param: string, grp: number, { type, value, path }: TypedValue): void {
  const push = (system: string | null | undefined, code: string | null | undefined, text: string | null | undefined) =>
    rows.token.push({ param, grp, system: system ?? null, value: code ?? null, text: text ? normaliseString(text) : null });
  switch (type) {
    case 'Coding':
      return void push(value.system, value.code, value.display);
    case 'CodeableConcept':
      for (const coding of value.coding ?? []) push(coding.system, coding.code, coding.display ?? value.text);
      if (value.text && !(value.coding ?? []).length) push(null, null, value.text);
      return;
    case 'Identifier':
      push(value.system, value.value, value.type?.text);
      // :of-type matches type system|code and the identifier's value together; keep them in one derived row.
      for (const coding of value.type?.coding ?? []) {
        if (coding.code && value.value) rows.token.push({ param: param + OF_TYPE, grp, system: coding.system ?? null, value: `${coding.code}|${value.value}`, text: null });
      }
      return;
    case 'ContactPoint':
      return void push(null, value.value, null);
    case 'boolean':
    case 'Boolean':
      return void push(null, String(value), null);
    case 'code':
      return void push(path ? catalog.codeSystemOf(path) : undefined, value, null);
    default:
      if (TEXT_TYPES.has(type) && typeof value === 'string') push(null, value, null);
  }
}

function stringsOf({ type, value }: TypedValue): string[] {
  if (typeof value === 'string') return [value];
  const parts = (...values: unknown[]) => values.flat().filter((part): part is string => typeof part === 'string' && part !== '');
  if (type === 'HumanName') return parts(value.text, value.family, value.given, value.prefix, value.suffix);
  if (type === 'Address') return parts(value.text, value.line, value.city, value.district, value.state, value.postalCode, value.country);
  return [];
}

/** A function call whose argument holds no parentheses: arguments are blanked to `{}` innermost first. */
const INNERMOST_CALL = /(\w+)\(([^()]*)\)/g;
/**
 * A plain path: member steps, indexes, `as T` and functions whose argument is evaluated per input item (so that an
 * empty input yields nothing whatever it says), maybe parenthesised. Group 1 is the top-level element.
 */
const PLAIN_PATH = /^\(*[A-Z]\w*\.(\w+)(\{\})?(\.(?:where|select|extension|ofType|as|first|last|resolve)\{\}|\.\w+|\[\d+\]|\s+as\s+[A-Za-z]+|\s*\))*$/;

/**
 * The top-level elements an expression reads, when it can yield nothing without one of them (every union branch a
 * plain path from the resource); undefined when that cannot be told (operators, exists(), %variables...), in which
 * case it is always evaluated. Lets extraction skip the FHIRPath evaluation of most parameters of a resource.
 */
export function rootElements(expression: string): Set<string> | undefined {
  const names = new Set<string>();
  for (const branch of unionBranches(expression)) {
    let plain = branch.replace(/'(?:[^'\\]|\\.)*'/g, "''");
    for (let previous = ''; previous !== plain; ) [previous, plain] = [plain, plain.replace(INNERMOST_CALL, '$1{}')];
    const match = PLAIN_PATH.exec(plain.trim());
    if (!match || (match[2] && match[1] !== 'extension')) return undefined;
    names.add(match[1]);
  }
  return names;
}

const rootElementsOf = new WeakMap<ResolvedParameter, Set<string> | undefined>();

/**
 * True when `parameter` certainly selects nothing from a resource with these top-level keys: none of the elements
 * its expression starts from is there (a choice element `value` as `valueQuantity`; `_name` for extensions of primitives).
 */
export function selectsNothing(parameter: ResolvedParameter, keys: string[]): boolean {
  if (!rootElementsOf.has(parameter)) rootElementsOf.set(parameter, rootElements(parameter.expression));
  const roots = rootElementsOf.get(parameter);
  if (!roots) return false;
  return !keys.some((key) => {
    const name = key.startsWith('_') ? key.slice(1) : key;
    if (roots.has(name)) return true;
    for (const root of roots) if (name.length > root.length && name.startsWith(root) && /[A-Z]/.test(name[root.length])) return true;
    return false;
  });
}

/** Index rows of one resource for every indexed parameter of its type. */
export function extractRows(catalog: ParameterCatalog, resource: fhir4.Resource, onError: (parameter: ResolvedParameter, error: Error) => void): IndexRows {
  const rows = emptyRows();
  const keys = Object.keys(resource);
  for (const parameter of catalog.indexed(resource.resourceType)) {
    if (selectsNothing(parameter, keys)) continue;
    try {
      if (parameter.type !== 'composite') {
        for (const item of selectedValues(parameter, resource)) addValue(catalog, rows, parameter.type, parameter.code, 0, item);
        continue;
      }
      const results = parameter.evaluate(resource);
      // Each element the composite selects is one group; its components are indexed as `code$1`, `code$2`...
      results.forEach((element, index) => {
        parameter.components.forEach((component, position) => {
          for (const item of typedResults(component.evaluate(element))) addValue(catalog, rows, component.type, `${parameter.code}$${position + 1}`, index + 1, item);
        });
      });
    } catch (error) {
      onError(parameter, error as Error);
    }
  }
  return rows;
}
