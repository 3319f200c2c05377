import type { ConformanceRegistry } from '../conformance/package-loader.js';
import { tenantCondition, type ReadScope } from '../store/tenancy.js';
import { IDENTIFIER, OF_TYPE, parseReference } from './extract.js';
import { ANY_TYPE, type ParameterCatalog, type ParameterType, type ResolvedParameter } from './parameters.js';
import { dateRange, decimalRange, escapeLike, normaliseString } from './values.js';
import { expandValueSet, ValueSetExpansionError } from './value-sets.js';
import { subsumption } from './code-hierarchy.js';
import { CONTENT, NARRATIVE, searchWords } from './full-text.js';
import { FilterSyntaxError, parseFilter, type FilterNode } from './filter.js';

/** A client error in one search parameter: answered with 400 naming it. */
export class SearchParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** A parameter this server does not know or cannot apply: ignored with a warning (or refused when strict). */
export class UnsupportedParameter extends Error {}

/** Collects bound values: every user-supplied value goes through `bind`, never into the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  private aliasCount = 0;

  bind(value: unknown, cast?: string): string {
    return `$${this.values.push(value)}${cast ? `::${cast}` : ''}`;
  }

  /**
   * Runs `build`; when it throws, values it bound are dropped again, so a parameter that is ignored leaves no
   * unreferenced placeholders behind (PostgreSQL cannot type those).
   */
  attempt<T>(build: () => T): T {
    const bound = this.values.length;
    try {
      return build();
    } catch (error) {
      this.values.length = bound;
      throw error;
    }
  }

  /** Runs `build`; keeps its result and what it bound only when `keep` accepts the result, else drops both. */
  tentative<T>(build: () => T, keep: (result: T) => boolean): T | undefined {
    const bound = this.values.length;
    const result = this.attempt(build);
    if (keep(result)) return result;
    this.values.length = bound;
    return undefined;
  }

  /**
   * Runs `build`, which may bind more values, and returns its result with the values one statement needs: those bound
   * before plus its own, which are dropped again so the next statement built from the same predicates starts clean.
   */
  statement<T>(build: () => T): { result: T; values: unknown[] } {
    const bound = this.values.length;
    const result = this.attempt(build);
    const values = [...this.values];
    this.values.length = bound;
    return { result, values };
  }

  alias(prefix: string): string {
    return `${prefix}${++this.aliasCount}`;
  }
}

export interface QueryScope {
  catalog: ParameterCatalog;
  registry: ConformanceRegistry;
  /** This server's FHIR base: absolute references to it are matched as relative ones. */
  baseUrl?: string;
  /** Whose data chained and _has targets may be: a chain must not test another tenant's resources. */
  tenant: ReadScope;
}

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
type Prefix = (typeof PREFIXES)[number];

const TABLE_OF: Record<Exclude<ParameterType, 'composite'>, string> = {
  token: 'search_token',
  string: 'search_string',
  date: 'search_date',
  number: 'search_number',
  quantity: 'search_number',
  reference: 'search_reference',
  uri: 'search_uri',
};

const MODIFIERS: Record<ParameterType, string[]> = {
  token: ['missing', 'not', 'text', 'in', 'not-in', 'of-type', 'below', 'above'],
  string: ['missing', 'exact', 'contains'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
  reference: ['missing', 'identifier'],
  uri: ['missing', 'below', 'above'],
  composite: ['missing'],
};

/** Parameters of every resource type answered without a SearchParameter expression of their own. */
export const SPECIAL_PARAMETERS = new Set([CONTENT, NARRATIVE, '_list', '_filter']);

/** String matches that only `_filter` asks for (`eq`: the whole value in search form, `ew`: its end); no URL modifier means them. */
const FILTER_EQUALS = 'filter-eq';
const FILTER_ENDS_WITH = 'filter-ew';

/** How each `_filter` operator is asked of a parameter type: the modifier it becomes, or a value prefix (`ge5`). */
const FILTER_MODIFIER: Partial<Record<ParameterType | 'text', Partial<Record<string, string | null>>>> = {
  string: { eq: FILTER_EQUALS, co: 'contains', sw: null, ew: FILTER_ENDS_WITH },
  token: { eq: null, in: 'in', ni: 'not-in', ss: 'above', sb: 'below' },
  reference: { eq: null },
  uri: { eq: null, sw: 'below' },
  composite: { eq: null },
  text: { eq: null, co: null },
};
const PREFIX_OPERATORS = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap']);

/** The List search parameter holding its entries' items, through which `_list` finds members. */
const LIST_ITEM = 'item';

/** Splits a parameter value at unescaped commas (alternatives) and unescapes `\,`, `\$`, `\|`. */
export function splitEscaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\' && i + 1 < value.length) {
      current += value[i + 1] === separator ? value[i + 1] : value[i] + value[i + 1];
      i++;
    } else if (value[i] === separator) {
      parts.push(current);
      current = '';
    } else current += value[i];
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\([,$|\\])/g, '$1');
}

/** `[system]|[code]` with its escaping: undefined system means "any", null means "no system". */
function splitToken(value: string): { system?: string | null; code?: string } {
  const parts = splitEscaped(value, '|');
  if (parts.length === 1) return { code: unescape(parts[0]) };
  const [system, ...rest] = parts;
  const code = rest.join('|');
  return { system: system === '' ? null : unescape(system), code: code === '' ? undefined : unescape(code) };
}

/** Splits a comparison prefix (`ge2024`, `lt5.4`) from the value; no prefix means eq. */
function prefixed(value: string): { prefix: Prefix; rest: string } {
  const prefix = PREFIXES.find((candidate) => candidate === value.slice(0, 2));
  return prefix && /^[-+\d.]/.test(value.slice(2)) ? { prefix, rest: value.slice(2) } : { prefix: 'eq', rest: value };
}

/** Builds WHERE predicates for search parameters over a resource row alias (`r`: rid, id, type, last_updated). */
export class PredicateBuilder {
  /** For each positive index predicate built, its index table, alias and match: the same match over index rows. */
  private readonly ridSources = new Map<string, { table: string; index: string; match: string }>();

  constructor(
    private readonly scope: QueryScope,
    private readonly sql: SqlParams,
  ) {}

  /**
   * `predicate` (as built by this builder) as `SELECT [DISTINCT] rid` over its index rows, when it is a positive match
   * on index rows of one resource type: then every such rid is a live resource of that type (index rows go with the
   * resource's deletion), so the set can stand in for resource rows without reading them.
   */
  ridSource(predicate: string, distinct = true): string | undefined {
    const source = this.ridSources.get(predicate);
    return source && `SELECT ${distinct ? 'DISTINCT ' : ''}${source.index}.rid FROM ${source.table} ${source.index} WHERE ${source.match}${this.visible(source.index)}`;
  }

  /** Whether `ridSource` can stand in for `predicate` (without binding anything). */
  hasRidSource(predicate: string): boolean {
    return this.ridSources.has(predicate);
  }


  /**
   * The predicate for one `name=value` pair on resources of `type` aliased `row`. `name` may be chained
   * (`subject:Patient.name`), reverse-chained (`_has:Observation:patient:code`) and carry a modifier.
   */
  predicate(type: string, row: string, name: string, value: string): string {
    if (name.startsWith('_has:')) return this.reverseChain(type, row, name, value);
    const dot = name.indexOf('.');
    if (dot > 0) return this.chain(type, row, name.slice(0, dot), name.slice(dot + 1), value);
    const [code, modifier] = splitModifier(name);
    if (code === '_id') return this.idPredicate(row, name, modifier, value);
    if (code === '_lastUpdated') return this.lastUpdatedPredicate(row, name, modifier, value);
    if (code === CONTENT || code === NARRATIVE) return this.fullTextPredicate(row, name, code, modifier, value);
    if (code === '_list') return this.listPredicate(row, name, modifier, value);
    if (code === '_filter') return this.filterPredicate(type, row, name, modifier, value);
    const parameter = this.scope.catalog.get(type, code);
    if (!parameter) throw new UnsupportedParameter(`Search parameter "${code}" is not defined for ${type}`);
    return this.parameterPredicate(parameter, row, name, modifier, value);
  }

  private idPredicate(row: string, name: string, modifier: string | undefined, value: string): string {
    if (modifier === 'missing') return missingFlag(name, value) ? 'false' : 'true';
    if (modifier && modifier !== 'not') throw new SearchParameterError(name, `Modifier :${modifier} is not supported on _id`);
    const ids = splitEscaped(value, ',').map(unescape);
    return `${modifier === 'not' ? 'NOT ' : ''}${row}.id = ANY(${this.sql.bind(ids, 'text[]')})`;
  }

  private lastUpdatedPredicate(row: string, name: string, modifier: string | undefined, value: string): string {
    if (modifier === 'missing') return missingFlag(name, value) ? 'false' : 'true';
    if (modifier) throw new SearchParameterError(name, `Modifier :${modifier} is not supported on _lastUpdated`);
    const lastUpdated = `${row}.last_updated`;
    const alternatives = splitEscaped(value, ',').map((one) => this.dateMatch(name, one, lastUpdated, `(${lastUpdated} + interval '1 millisecond')`));
    return `(${alternatives.join(' OR ')})`;
  }

  /**
   * `_content` / `_text`: every word of an alternative occurs in the resource's text (or narrative), compared in
   * search form (case, width, accents and hiragana/katakana folded) and as a substring, so Japanese text without
   * spaces is searchable too.
   */
  private fullTextPredicate(row: string, name: string, code: string, modifier: string | undefined, value: string): string {
    if (modifier) throw new SearchParameterError(name, `Modifier :${modifier} is not supported on ${code}`);
    const alternatives = splitEscaped(value, ',').map((alternative) => searchWords(unescape(alternative)));
    if (alternatives.some((words) => words.length === 0)) throw new SearchParameterError(name, `${name} has an empty value`);
    const index = this.sql.alias('x');
    const conditions = alternatives.map((words) => `(${words.map((word) => `${index}.value LIKE ${this.sql.bind(`%${escapeLike(word)}%`)}`).join(' AND ')})`);
    return `EXISTS (SELECT 1 FROM search_text ${index} WHERE ${index}.rid = ${row}.rid AND ${index}.param = ${this.sql.bind(code)} AND (${conditions.join(' OR ')}))`;
  }

  /**
   * `_list=id[,id]`: resources that an entry of one of these List resources points at (through List's `item`
   * parameter, so relative, absolute and versioned references all count). Functional lists (`$current-problems`)
   * are not kept by this server.
   */
  private listPredicate(row: string, name: string, modifier: string | undefined, value: string): string {
    if (modifier) throw new SearchParameterError(name, `Modifier :${modifier} is not supported on _list`);
    const ids = splitEscaped(value, ',').map(unescape);
    if (ids.some((id) => id === '')) throw new SearchParameterError(name, `${name} has an empty value`);
    if (ids.some((id) => id.startsWith('$'))) throw new UnsupportedParameter(`Functional lists (${ids.filter((id) => id.startsWith('$')).join(', ')}) are not supported`);
    if (this.scope.catalog.get('List', LIST_ITEM)?.type !== 'reference') throw new UnsupportedParameter('No List item search parameter is loaded');
    const list = this.sql.alias('l');
    const item = this.sql.alias('li');
    return `EXISTS (SELECT 1 FROM resource ${list}
      JOIN search_reference ${item} ON ${item}.rid = ${list}.rid AND ${item}.param = ${this.sql.bind(LIST_ITEM)}
      WHERE ${list}.type = 'List' AND ${list}.id = ANY(${this.sql.bind(ids, 'text[]')}) AND NOT ${list}.deleted${this.visible(list)}
        AND ${item}.target_type = ${row}.type AND ${item}.target_id = ${row}.id)`;
  }

  /** Set while a `_filter` expression is translated: its own string matches are allowed then. */
  private filtering = false;

  /** `_filter`: the expression's comparisons as the predicates of their parameters, under its and/or/not. */
  private filterPredicate(type: string, row: string, name: string, modifier: string | undefined, value: string): string {
    if (modifier) throw new SearchParameterError(name, `Modifier :${modifier} is not supported on _filter`);
    try {
      this.filtering = true;
      return this.filterNode(type, row, parseFilter(value));
    } catch (error) {
      if (error instanceof FilterSyntaxError || error instanceof UnsupportedParameter || error instanceof SearchParameterError) {
        throw new SearchParameterError(name, `_filter: ${error.message}`);
      }
      throw error;
    } finally {
      this.filtering = false;
    }
  }

  private filterNode(type: string, row: string, node: FilterNode): string {
    if (node.kind === 'not') return `NOT (${this.filterNode(type, row, node.operand)})`;
    if (node.kind !== 'compare') return `(${node.operands.map((operand) => this.filterNode(type, row, operand)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    const { path, operator, value } = node;
    // A filter value is one literal value: commas in it are not alternatives.
    const literal = value.replace(/[\\,]/g, (char) => `\\${char}`);
    const kind = this.pathType(type, path);
    if (!kind) throw new UnsupportedParameter(`"${path}" is not a search parameter of ${type}`);
    if (operator === 'pr') {
      if (value !== 'true' && value !== 'false') throw new SearchParameterError(path, `${path} pr needs true or false, got "${value}"`);
      return this.predicate(type, row, `${path}:missing`, value === 'true' ? 'false' : 'true');
    }
    if (kind === 'date' || kind === 'number' || kind === 'quantity') {
      if (!PREFIX_OPERATORS.has(operator)) throw new SearchParameterError(path, `Operator ${operator} does not apply to ${kind} parameter "${path}"`);
      return this.predicate(type, row, path, `${operator}${literal}`);
    }
    const modes = FILTER_MODIFIER[kind] ?? {};
    const asked = operator === 'ne' ? 'eq' : operator;
    const modifier = modes[asked];
    if (modifier === undefined) throw new SearchParameterError(path, `Operator ${operator} does not apply to ${kind} parameter "${path}"`);
    const predicate = this.predicate(type, row, modifier ? `${path}:${modifier}` : path, literal);
    return operator === 'ne' ? `NOT ${predicate}` : predicate;
  }

  /** The type of the parameter a (possibly chained) `_filter` path ends in; 'text' for _content / _text. */
  private pathType(type: string, path: string): ParameterType | 'text' | undefined {
    const links = path.split('.');
    let types = [type];
    for (const [position, link] of links.entries()) {
      const [code, target] = splitModifier(link);
      if (position === links.length - 1) {
        if (code === CONTENT || code === NARRATIVE) return 'text';
        if (code === '_id') return 'token';
        if (code === '_lastUpdated') return 'date';
      }
      const parameters = types.flatMap((candidate) => this.scope.catalog.get(candidate, code) ?? []);
      if (parameters.length === 0) return undefined;
      if (position === links.length - 1) return parameters[0].type;
      types = target ? [target] : [...new Set(parameters.flatMap((parameter) => parameter.targets))];
    }
    return undefined;
  }

  private parameterPredicate(parameter: ResolvedParameter, row: string, name: string, modifier: string | undefined, value: string): string {
    const filterOnly = this.filtering && parameter.type === 'string' && (modifier === FILTER_EQUALS || modifier === FILTER_ENDS_WITH);
    if (modifier && !filterOnly && !MODIFIERS[parameter.type].includes(modifier) && !(parameter.type === 'reference' && this.isTargetModifier(parameter, modifier))) {
      throw new SearchParameterError(name, `Modifier :${modifier} is not supported on ${parameter.type} parameter "${parameter.code}"`);
    }
    const table = parameter.type === 'composite' ? TABLE_OF[parameter.components[0].type] : TABLE_OF[parameter.type];
    const indexParam = parameter.type === 'composite' ? `${parameter.code}$1` : parameter.code;
    if (modifier === 'missing') {
      const index = this.sql.alias('m');
      const exists = `EXISTS (SELECT 1 FROM ${table} ${index} WHERE ${index}.rid = ${row}.rid AND ${index}.param = ${this.sql.bind(indexParam)})`;
      return missingFlag(name, value) ? `NOT ${exists}` : exists;
    }
    const alternatives = splitEscaped(value, ',');
    if (alternatives.some((alternative) => alternative === '')) throw new SearchParameterError(name, `Search parameter "${name}" has an empty value`);
    if (parameter.type === 'composite') return this.compositePredicate(parameter, row, name, alternatives);
    if (parameter.type === 'token' && (modifier === 'not' || modifier === 'not-in')) {
      const positive = this.indexedIn(parameter, row, table, parameter.code, alternatives.map((one) => (index: string) => this.tokenMatch(name, index, one, modifier === 'not' ? undefined : 'in')));
      return `NOT ${positive}`;
    }
    if (parameter.type === 'token' && modifier === 'of-type') {
      return this.indexedIn(parameter, row, table, parameter.code + OF_TYPE, alternatives.map((one) => (index: string) => this.ofTypeMatch(name, index, one)));
    }
    if (parameter.type === 'reference' && modifier === 'identifier') {
      return this.indexedIn(parameter, row, 'search_token', parameter.code + IDENTIFIER, alternatives.map((one) => (index: string) => this.tokenMatch(name, index, one)));
    }
    return this.indexedIn(
      parameter,
      row,
      table,
      parameter.code,
      alternatives.map((one) => (index: string) => this.valueMatch(parameter.type as Exclude<ParameterType, 'composite'>, name, modifier, index, one, parameter)),
    );
  }

  private isTargetModifier(parameter: ResolvedParameter, modifier: string): boolean {
    return parameter.targets.includes(modifier) || (parameter.targets.includes('Resource') || parameter.targets.length === 0) && /^[A-Z]/.test(modifier);
  }

  /**
   * EXISTS (an index row of this parameter for the resource matches any alternative). Correlated EXISTS rather than
   * `rid IN (...)`: PostgreSQL then also considers walking resource in rid order and stopping at the page limit,
   * which measured 5-12x faster on broad matches and no slower on selective ones.
   */
  private indexedIn(parameter: ResolvedParameter, row: string, table: string, indexParam: string, matches: ((index: string) => string)[]): string {
    const index = this.sql.alias('i');
    const conditions = matches.map((match) => match(index));
    const typeFilter = this.typeFilter(parameter, index);
    const match = `${typeFilter}${index}.param = ${this.sql.bind(indexParam)} AND (${conditions.join(' OR ')})`;
    const predicate = `EXISTS (SELECT 1 FROM ${table} ${index} WHERE ${index}.rid = ${row}.rid AND ${match})`;
    if (typeFilter) this.ridSources.set(predicate, { table, index, match });
    return predicate;
  }

  /** Parameters of every resource type (system-level search) look at index rows of any type. */
  private typeFilter(parameter: ResolvedParameter, index: string): string {
    return parameter.resourceType === ANY_TYPE ? '' : `${index}.type = ${this.sql.bind(parameter.resourceType)} AND `;
  }

  private compositePredicate(parameter: ResolvedParameter, row: string, name: string, alternatives: string[]): string {
    const conditions = alternatives.map((alternative) => {
      const parts = splitEscaped(alternative, '$');
      if (parts.length !== parameter.components.length) {
        throw new SearchParameterError(name, `Composite parameter "${name}" needs ${parameter.components.length} values separated by $`);
      }
      const aliases = parameter.components.map(() => this.sql.alias('c'));
      const [first, ...others] = parameter.components.map((component, position) => ({ component, alias: aliases[position], position }));
      const joins = others.map(
        ({ component, alias, position }) =>
          `JOIN ${TABLE_OF[component.type]} ${alias} ON ${alias}.rid = ${first.alias}.rid AND ${alias}.grp = ${first.alias}.grp AND ${alias}.param = ${this.sql.bind(`${parameter.code}$${position + 1}`)}`,
      );
      const matches = parameter.components.map(({ type }, position) => this.valueMatch(type, name, undefined, aliases[position], parts[position]));
      return `EXISTS (SELECT 1 FROM ${TABLE_OF[first.component.type]} ${first.alias} ${joins.join(' ')}
        WHERE ${first.alias}.rid = ${row}.rid AND ${this.typeFilter(parameter, first.alias)}${first.alias}.param = ${this.sql.bind(`${parameter.code}$1`)} AND ${matches.join(' AND ')})`;
    });
    return `(${conditions.join(' OR ')})`;
  }

  /** The condition one value puts on an index row aliased `index`. */
  private valueMatch(
    type: Exclude<ParameterType, 'composite'>,
    name: string,
    modifier: string | undefined,
    index: string,
    value: string,
    parameter?: ResolvedParameter,
  ): string {
    switch (type) {
      case 'token':
        if (modifier === 'text') return `${index}.text LIKE ${this.sql.bind(`%${escapeLike(normaliseString(unescape(value)))}%`)}`;
        if (modifier === 'below' || modifier === 'above') return this.subsumptionMatch(name, index, value, modifier);
        return this.tokenMatch(name, index, value, modifier === 'in' ? 'in' : undefined);
      case 'string': {
        const text = unescape(value);
        const normalised = normaliseString(text);
        if (modifier === 'exact') return `(${index}.value = ${this.sql.bind(normalised)} AND ${index}.exact = ${this.sql.bind(text)})`;
        if (modifier === 'contains') return `${index}.value LIKE ${this.sql.bind(`%${escapeLike(normalised)}%`)}`;
        if (modifier === FILTER_EQUALS) return `${index}.value = ${this.sql.bind(normalised)}`;
        if (modifier === FILTER_ENDS_WITH) return `${index}.value LIKE ${this.sql.bind(`%${escapeLike(normalised)}`)}`;
        return `${index}.value LIKE ${this.sql.bind(`${escapeLike(normalised)}%`)}`;
      }
      case 'date':
        return this.dateMatch(name, value, `${index}.low`, `${index}.high`);
      case 'number':
        return this.numberMatch(name, index, value);
      case 'quantity':
        return this.quantityMatch(name, index, value);
      case 'reference':
        return this.referenceMatch(name, index, value, modifier, parameter);
      case 'uri': {
        const uri = unescape(value);
        if (modifier === 'below') return `${index}.value LIKE ${this.sql.bind(`${escapeLike(uri)}%`)}`;
        if (modifier === 'above') return `${this.sql.bind(uri, 'text')} LIKE replace(replace(replace(${index}.value, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
        return `${index}.value = ${this.sql.bind(uri)}`;
      }
    }
  }

  private tokenMatch(name: string, index: string, value: string, mode?: 'in'): string {
    if (mode === 'in') return this.inValueSet(name, index, unescape(value));
    const { system, code } = splitToken(value);
    const conditions: string[] = [];
    if (system === null) conditions.push(`${index}.system IS NULL`);
    else if (system !== undefined) conditions.push(`${index}.system = ${this.sql.bind(system)}`);
    if (code !== undefined) conditions.push(`${index}.value = ${this.sql.bind(code)}`);
    if (conditions.length === 0) throw new SearchParameterError(name, `Token "${value}" of "${name}" has neither system nor code`);
    return `(${conditions.join(' AND ')})`;
  }

  /** `:below` / `:above` on `system|code`: codes the code subsumes / is subsumed by, in the system's hierarchy. */
  private subsumptionMatch(name: string, index: string, value: string, direction: 'below' | 'above'): string {
    const { system, code } = splitToken(value);
    if (!system || code === undefined) throw new SearchParameterError(name, `${name} needs system|code, got "${value}"`);
    const subsumed = subsumption(this.scope.registry, system, code, direction);
    if (!subsumed) throw new SearchParameterError(name, `No hierarchy of code system ${system} is known to this server`);
    const codes = 'prefix' in subsumed ? `${index}.value LIKE ${this.sql.bind(`${escapeLike(subsumed.prefix)}%`)}` : `${index}.value = ANY(${this.sql.bind(subsumed.codes, 'text[]')})`;
    return `(${index}.system = ${this.sql.bind(system)} AND ${codes})`;
  }

  private ofTypeMatch(name: string, index: string, value: string): string {
    const parts = splitEscaped(value, '|').map(unescape);
    if (parts.length !== 3 || !parts[1] || !parts[2]) throw new SearchParameterError(name, `${name} needs system|code|value, got "${value}"`);
    const system = parts[0] ? `${index}.system = ${this.sql.bind(parts[0])}` : `${index}.system IS NULL`;
    return `(${system} AND ${index}.value = ${this.sql.bind(`${parts[1]}|${parts[2]}`)})`;
  }

  private inValueSet(name: string, index: string, url: string): string {
    try {
      const members = expandValueSet(this.scope.registry, url);
      const conditions: string[] = [];
      if (members.codes.length) {
        conditions.push(
          `(${index}.system, ${index}.value) IN (SELECT * FROM unnest(${this.sql.bind(members.codes.map((code) => code.system), 'text[]')}, ${this.sql.bind(members.codes.map((code) => code.code), 'text[]')}))`,
        );
      }
      if (members.wholeSystems.length) conditions.push(`${index}.system = ANY(${this.sql.bind(members.wholeSystems, 'text[]')})`);
      return conditions.length ? `(${conditions.join(' OR ')})` : 'false';
    } catch (error) {
      if (error instanceof ValueSetExpansionError) throw new SearchParameterError(name, error.message);
      throw error;
    }
  }

  /** Date comparison between a search value and a target range [low, high), per the FHIR prefix semantics. */
  private dateMatch(name: string, value: string, low: string, high: string): string {
    const { prefix, rest } = prefixed(value);
    const range = dateRange(rest);
    if (!range) throw new SearchParameterError(name, `"${value}" of "${name}" is not a valid date`);
    // Bound only when used: PostgreSQL cannot type a parameter the statement never mentions.
    const start = () => this.sql.bind(range.low, 'timestamptz');
    const end = () => this.sql.bind(range.high, 'timestamptz');
    // low <= end follows from the other two (low <= high); said aloud, it bounds the index range scan on low.
    const within = () => {
      const endValue = end();
      return `(${low} >= ${start()} AND ${low} <= ${endValue} AND ${high} <= ${endValue})`;
    };
    switch (prefix) {
      case 'eq':
        return within();
      case 'ne':
        return `NOT ${within()}`;
      case 'gt':
        return `${high} > ${end()}`;
      case 'lt':
        return `${low} < ${start()}`;
      case 'ge':
        return `(${high} > ${end()} OR ${within()})`;
      case 'le':
        return `(${low} < ${start()} OR ${within()})`;
      case 'sa':
        return `${low} >= ${end()}`;
      case 'eb':
        return `${high} <= ${start()}`;
      case 'ap': {
        // Approximately: the target overlaps the search range widened by 10% of its distance from now.
        const margin = Math.abs(Date.now() - new Date(range.low!).getTime()) * 0.1;
        const widenedLow = this.sql.bind(new Date(new Date(range.low!).getTime() - margin).toISOString(), 'timestamptz');
        const widenedHigh = this.sql.bind(new Date(new Date(range.high!).getTime() + margin).toISOString(), 'timestamptz');
        return `(${low} < ${widenedHigh} AND ${high} > ${widenedLow})`;
      }
    }
  }

  /** Number comparison: eq means the target lies within the implicit range of the search value's precision. */
  private numberMatch(name: string, index: string, value: string): string {
    const { prefix, rest } = prefixed(value);
    const number = decimalRange(rest);
    if (!number) throw new SearchParameterError(name, `"${value}" of "${name}" is not a valid number`);
    const exact = () => this.sql.bind(number.value, 'numeric');
    const within = () => `(${index}.low >= ${this.sql.bind(number.low, 'numeric')} AND ${index}.high < ${this.sql.bind(number.high, 'numeric')})`;
    switch (prefix) {
      case 'eq':
        return within();
      case 'ne':
        return `NOT ${within()}`;
      case 'gt':
      case 'sa':
        return `${index}.high > ${exact()}`;
      case 'lt':
      case 'eb':
        return `${index}.low < ${exact()}`;
      case 'ge':
        return `${index}.high >= ${exact()}`;
      case 'le':
        return `${index}.low <= ${exact()}`;
      case 'ap': {
        const margin = Math.abs(Number(number.value)) * 0.1;
        return `(${index}.low >= ${this.sql.bind(String(Number(number.value) - margin), 'numeric')} AND ${index}.high <= ${this.sql.bind(String(Number(number.value) + margin), 'numeric')})`;
      }
    }
  }

  /** `[prefix]number|system|code`; an empty system matches any system, and code matches code or unit. */
  private quantityMatch(name: string, index: string, value: string): string {
    const [number, system, ...codeParts] = splitEscaped(value, '|');
    const conditions = [this.numberMatch(name, index, number)];
    if (system) conditions.push(`${index}.system = ${this.sql.bind(unescape(system))}`);
    const code = codeParts.join('|');
    if (code) conditions.push(`${index}.code = ${this.sql.bind(unescape(code))}`);
    return `(${conditions.join(' AND ')})`;
  }

  private referenceMatch(name: string, index: string, value: string, modifier: string | undefined, parameter?: ResolvedParameter): string {
    let reference = unescape(value);
    if (this.scope.baseUrl && reference.startsWith(`${this.scope.baseUrl}/`)) reference = reference.slice(this.scope.baseUrl.length + 1);
    const typed = parseReference(reference);
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) {
      // An absolute URL or canonical elsewhere: matched as written.
      return `${index}.url = ${this.sql.bind(reference)}`;
    }
    if (typed && reference === `${typed.targetType}/${typed.targetId}`) {
      if (modifier && modifier !== typed.targetType) throw new SearchParameterError(name, `${name} names type ${modifier} but the value is a ${typed.targetType}`);
      return `(${index}.target_type = ${this.sql.bind(typed.targetType)} AND ${index}.target_id = ${this.sql.bind(typed.targetId)})`;
    }
    if (reference.includes('/')) throw new SearchParameterError(name, `"${value}" of "${name}" is not a reference`);
    const targetType = modifier ?? (parameter && parameter.targets.length === 1 ? parameter.targets[0] : undefined);
    return targetType
      ? `(${index}.target_type = ${this.sql.bind(targetType)} AND ${index}.target_id = ${this.sql.bind(reference)})`
      : `${index}.target_id = ${this.sql.bind(reference)}`;
  }

  /**
   * ` AND <tenant condition>` on a resource row or an index row (both have type and hospital_code), or '' when the
   * search sees every tenant.
   */
  private visible(row: string): string {
    const condition = tenantCondition(this.scope.tenant, row, (value, cast) => this.sql.bind(value, cast));
    return condition ? ` AND ${condition}` : '';
  }

  /** `ref[:Type].rest=value`: resources whose reference points at a resource matching `rest=value`. */
  private chain(type: string, row: string, head: string, rest: string, value: string): string {
    const [code, targetModifier] = splitModifier(head);
    const parameter = this.scope.catalog.get(type, code);
    if (!parameter) throw new UnsupportedParameter(`Search parameter "${code}" is not defined for ${type}`);
    if (parameter.type !== 'reference') throw new SearchParameterError(head, `"${code}" is not a reference parameter and cannot be chained`);
    const nextCode = splitModifier(rest.split('.')[0])[0];
    const candidates = targetModifier ? [targetModifier] : parameter.targets;
    const targets = candidates.filter((target) => nextCode.startsWith('_') || this.scope.catalog.get(target, nextCode));
    if (targets.length === 0) throw new UnsupportedParameter(`Chained parameter "${nextCode}" is not defined on any target of ${type}.${code}`);
    const reference = this.sql.alias('ref');
    const target = this.sql.alias('t');
    const perTarget = targets.map((targetType) => `(${target}.type = ${this.sql.bind(targetType)} AND ${this.predicate(targetType, target, rest, value)})`);
    return `EXISTS (SELECT 1 FROM search_reference ${reference}
      JOIN resource ${target} ON ${target}.type = ${reference}.target_type AND ${target}.id = ${reference}.target_id AND NOT ${target}.deleted${this.visible(target)}
      WHERE ${reference}.rid = ${row}.rid AND ${reference}.type = ${this.sql.bind(type)} AND ${reference}.param = ${this.sql.bind(code)} AND (${perTarget.join(' OR ')}))`;
  }

  /** `_has:Type:ref:rest=value`: resources that a resource of Type points at through `ref` and that matches. */
  private reverseChain(type: string, row: string, name: string, value: string): string {
    const [, sourceType, referenceCode, ...restParts] = name.split(':');
    const rest = restParts.join(':');
    if (!sourceType || !referenceCode || !rest) throw new SearchParameterError(name, `"${name}" is not _has:Type:reference:parameter`);
    if (!this.scope.catalog.all(sourceType).length) throw new SearchParameterError(name, `"${sourceType}" is not a resource type`);
    const parameter = this.scope.catalog.get(sourceType, referenceCode);
    if (parameter?.type !== 'reference') throw new UnsupportedParameter(`"${referenceCode}" is not a reference parameter of ${sourceType}`);
    const reference = this.sql.alias('ref');
    const links = `${reference}.target_id = ${row}.id AND ${reference}.type = ${this.sql.bind(sourceType)} AND ${reference}.param = ${this.sql.bind(referenceCode)}
        AND ${reference}.target_type = ${this.sql.bind(type)}`;
    // A source matched by a plain index predicate needs no resource row: the reference row's rid is the source's, it
    // carries the source's tenant, and a deleted source has no index rows.
    const direct = this.sql.tentative(() => this.predicate(sourceType, reference, rest, value), (inner) => this.hasRidSource(inner));
    if (direct) return `EXISTS (SELECT 1 FROM search_reference ${reference} WHERE ${links}${this.visible(reference)} AND ${direct})`;
    const source = this.sql.alias('s');
    return `EXISTS (SELECT 1 FROM search_reference ${reference}
      JOIN resource ${source} ON ${source}.rid = ${reference}.rid${this.visible(source)}
      WHERE ${links} AND ${this.predicate(sourceType, source, rest, value)})`;
  }
}

export function splitModifier(name: string): [string, string | undefined] {
  const colon = name.indexOf(':');
  return colon < 0 ? [name, undefined] : [name.slice(0, colon), name.slice(colon + 1)];
}

function missingFlag(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') throw new SearchParameterError(name, `${name} must be true or false, got "${value}"`);
  return value === 'true';
}
