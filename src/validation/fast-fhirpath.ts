import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import { choiceSuffixType } from '../conformance/choice-types.js';

/**
 * A compiler of the FHIRPath subset that profile invariants use (navigation, where/select/all/exists, boolean logic,
 * equality, string functions, ofType on choice elements and resources) straight to JavaScript closures over the JSON.
 * fhirpath.js builds a typed node and a context copy for every step, which made invariants half of validation time.
 *
 * Anything outside the subset is left to fhirpath.js: at compile time `compileFastPath` returns undefined, and at run
 * time a closure throws `NeedsFullEngine` when the data needs semantics it does not implement (date comparison,
 * object equality, primitive extensions...), and the caller evaluates the expression with fhirpath.js instead.
 * So this never decides differently from fhirpath.js; it only decides faster where it can.
 */
export class NeedsFullEngine extends Error {}

/** One item of a collection: the JSON value and, where the JSON says it, its FHIR type (choice suffix, resourceType). */
interface Item {
  value: unknown;
  type?: string;
}

type Collection = Item[];

interface Scope {
  /** `$this`: the node the expression is evaluated on, or the item a where/select/all/exists criterion is looking at. */
  thisItems: Collection;
  resource: unknown;
  rootResource: unknown;
}

type Evaluate = (focus: Collection, scope: Scope) => Collection;

export type FastPath = (node: unknown, rootType: string | undefined, resource: unknown, rootResource: unknown) => unknown[];

interface AstNode {
  type: string;
  text?: string;
  children?: AstNode[];
  atRoot?: number;
}

class Unsupported extends Error {}

const UCUM = 'http://unitsofmeasure.org';
const QUANTITY_SUBTYPES = new Set(['Age', 'Count', 'Distance', 'Duration', 'MoneyQuantity', 'SimpleQuantity']);
/** Choice element name → the type suffixes its JSON names may carry (`value` → Quantity, String...), from the R4 model. */
const CHOICE_SUFFIXES = new Map<string, Set<string>>();
for (const [path, types] of Object.entries((r4Model as unknown as { choiceTypePaths: Record<string, string[]> }).choiceTypePaths)) {
  const name = path.slice(path.lastIndexOf('.') + 1);
  const suffixes = CHOICE_SUFFIXES.get(name) ?? new Set<string>();
  for (const type of types) suffixes.add(type.charAt(0).toUpperCase() + type.slice(1));
  CHOICE_SUFFIXES.set(name, suffixes);
}

/** Compiles an expression, or returns undefined when it uses something outside the subset. */
export function compileFastPath(expression: string): FastPath | undefined {
  let evaluate: Evaluate;
  try {
    evaluate = compileNode(fhirpath.parse(expression) as AstNode);
  } catch {
    // Outside the subset, or not valid FHIRPath: fhirpath.js compiles it and reports its own error.
    return undefined;
  }
  return (node, rootType, resource, rootResource) => {
    const root: Collection = [{ value: node, type: typeOf(node) ?? rootType }];
    return evaluate(root, { thisItems: root, resource, rootResource }).map((item) => item.value);
  };
}

function typeOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.resourceType === 'string' ? value.resourceType : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: AstNode): AstNode[] {
  return node.children ?? [];
}

function only(node: AstNode): AstNode {
  const children = childrenOf(node);
  if (children.length !== 1) throw new Unsupported(node.type);
  return children[0];
}

function compileNode(node: AstNode): Evaluate {
  switch (node.type) {
    case 'EntireExpression':
    case 'TermExpression':
    case 'InvocationTerm':
    case 'ParenthesizedTerm':
    case 'LiteralTerm':
      return compileNode(only(node));
    case 'InvocationExpression': {
      const [left, right] = childrenOf(node);
      const source = compileNode(left);
      const step = compileInvocation(right, false);
      return (focus, scope) => step(source(focus, scope), scope);
    }
    case 'MemberInvocation':
    case 'FunctionInvocation':
    case 'ThisInvocation':
      return compileInvocation(node, node.atRoot === 1 || node.type === 'ThisInvocation');
    case 'ExternalConstantTerm':
      return compileExternalConstant(only(only(node)).text ?? '');
    case 'StringLiteral': {
      const value = unescapeString(node.text ?? '');
      return () => [{ value }];
    }
    case 'NumberLiteral': {
      const value = Number(node.text);
      return () => [{ value }];
    }
    case 'BooleanLiteral': {
      const value = node.text === 'true';
      return () => [{ value }];
    }
    case 'NullLiteral':
      return () => [];
    case 'AndExpression':
    case 'OrExpression':
    case 'ImpliesExpression':
      return compileLogic(node);
    case 'EqualityExpression':
      return compileEquality(node);
    case 'InequalityExpression':
      return compileComparison(node);
    case 'MembershipExpression':
      return compileMembership(node);
    case 'UnionExpression': {
      const [left, right] = childrenOf(node).map(compileNode);
      return (focus, scope) => distinctPrimitives([...left(focus, scope), ...right(focus, scope)]);
    }
    case 'AdditiveExpression':
      return compileAdditive(node);
    case 'TypeExpression':
      return compileTypeExpression(node);
    case 'IndexerExpression': {
      const [source, index] = childrenOf(node).map(compileNode);
      return (focus, scope) => {
        const position = singleton(index(scope.thisItems, scope));
        if (position === undefined) return [];
        if (typeof position.value !== 'number') throw new NeedsFullEngine('index');
        const item = source(focus, scope)[position.value];
        return item ? [item] : [];
      };
    }
    default:
      throw new Unsupported(node.type);
  }
}

function compileExternalConstant(name: string): Evaluate {
  switch (name) {
    case 'resource':
      return (_focus, scope) => (scope.resource === undefined ? [] : [{ value: scope.resource, type: typeOf(scope.resource) }]);
    case 'rootResource':
      return (_focus, scope) => (scope.rootResource === undefined ? [] : [{ value: scope.rootResource, type: typeOf(scope.rootResource) }]);
    case 'ucum':
      return () => [{ value: UCUM }];
    default:
      throw new Unsupported(`%${name}`);
  }
}

/** `name`, `fn(...)` or `$this`, applied to each item of the input collection. */
function compileInvocation(node: AstNode, atRoot: boolean): Evaluate {
  if (node.type === 'ThisInvocation') return (_focus, scope) => scope.thisItems;
  if (node.type === 'MemberInvocation') return compileMember(only(node).text ?? '', atRoot);
  if (node.type === 'FunctionInvocation') return compileFunction(only(node));
  throw new Unsupported(node.type);
}

function compileMember(name: string, atRoot: boolean): Evaluate {
  if (name.startsWith('`')) name = name.slice(1, -1);
  const typeLike = /^[A-Z]/.test(name);
  if (typeLike && !atRoot) throw new Unsupported(`type-like member ${name}`);
  return (focus) => {
    // `Patient.name` on a Patient: a leading type name selects the context itself.
    if (typeLike) return focus.length === 1 && focus[0].type === name ? focus : [];
    const result: Collection = [];
    for (const item of focus) navigate(item.value, name, result);
    return result;
  };
}

function navigate(value: unknown, name: string, result: Collection): void {
  if (!isObject(value)) return;
  // Primitive extensions (`_name`) make a value that has extensions but maybe no @value: fhirpath.js models that.
  if (`_${name}` in value) throw new NeedsFullEngine(`_${name}`);
  const direct = value[name];
  if (direct !== undefined) {
    pushValues(direct, undefined, result);
    return;
  }
  // A choice element (`value` → `valueQuantity`): the suffix is the FHIR type.
  const suffixes = CHOICE_SUFFIXES.get(name);
  if (!suffixes) return;
  for (const key in value) {
    if (key.length <= name.length || !key.startsWith(name) || !suffixes.has(key.slice(name.length))) continue;
    if (`_${key}` in value) throw new NeedsFullEngine(`_${key}`);
    pushValues(value[key], choiceSuffixType(key.slice(name.length)), result);
  }
}

function pushValues(value: unknown, type: string | undefined, result: Collection): void {
  if (Array.isArray(value)) {
    for (const entry of value) if (entry !== null && entry !== undefined) result.push({ value: entry, type: type ?? typeOf(entry) });
  } else if (value !== null) {
    result.push({ value, type: type ?? typeOf(value) });
  }
}

function compileFunction(functn: AstNode): Evaluate {
  const [identifier, paramList] = childrenOf(functn);
  const name = identifier.text ?? '';
  const params = paramList ? childrenOf(paramList) : [];
  const arity = (...allowed: number[]): void => {
    if (!allowed.includes(params.length)) throw new Unsupported(`${name} with ${params.length} arguments`);
  };
  const withStringArgument = STRING_FUNCTIONS[name];
  if (withStringArgument) {
    arity(1);
    return stringFunction(params, (text, [argument]) => {
      if (typeof argument !== 'string') throw new NeedsFullEngine(`${name} with a non-string argument`);
      return withStringArgument(text, argument);
    });
  }
  switch (name) {
    case 'exists': {
      arity(0, 1);
      const criteria = params.length ? compileNode(params[0]) : undefined;
      return (focus, scope) => [{ value: (criteria ? filter(focus, criteria, scope) : focus).length > 0 }];
    }
    case 'empty':
      arity(0);
      return (focus) => [{ value: focus.length === 0 }];
    case 'not':
      arity(0);
      return (focus) => {
        const value = booleanOf(focus);
        return value === undefined ? [] : [{ value: !value }];
      };
    case 'count':
      arity(0);
      return (focus) => [{ value: focus.length }];
    case 'hasValue':
      arity(0);
      return (focus) => [{ value: focus.length === 1 && isPrimitive(focus[0].value) }];
    case 'where': {
      arity(1);
      const criteria = compileNode(params[0]);
      return (focus, scope) => filter(focus, criteria, scope);
    }
    case 'select': {
      arity(1);
      const projection = compileNode(params[0]);
      return (focus, scope) => focus.flatMap((item) => projection([item], { ...scope, thisItems: [item] }));
    }
    case 'all': {
      arity(1);
      const criteria = compileNode(params[0]);
      return (focus, scope) => [{ value: focus.every((item) => booleanOf(criteria([item], { ...scope, thisItems: [item] })) === true) }];
    }
    case 'first':
      arity(0);
      return (focus) => focus.slice(0, 1);
    case 'tail':
      arity(0);
      return (focus) => focus.slice(1);
    case 'iif': {
      arity(2, 3);
      const [condition, whenTrue, whenFalse] = params.map(compileNode);
      return (focus, scope) => {
        if (focus.length > 1) throw new NeedsFullEngine('iif on a collection');
        const inner = { ...scope, thisItems: focus };
        if (booleanOf(condition(focus, inner)) === true) return whenTrue(focus, inner);
        return whenFalse ? whenFalse(focus, inner) : [];
      };
    }
    case 'toInteger':
      arity(0);
      return (focus) => {
        const item = singleton(focus);
        if (item === undefined) return [];
        if (typeof item.value === 'number' && Number.isInteger(item.value)) return [item];
        if (typeof item.value === 'string') return /^[+-]?\d+$/.test(item.value) ? [{ value: Number(item.value) }] : [];
        throw new NeedsFullEngine('toInteger');
      };
    case 'intersect': {
      arity(1);
      const other = compileNode(params[0]);
      return (focus, scope) => {
        const others = other(scope.thisItems, scope);
        return distinctPrimitives(focus).filter((item) => others.some((candidate) => primitiveEquals(candidate.value, item.value)));
      };
    }
    case 'is':
    case 'as': {
      arity(1);
      const typeName = typeNameOf(params[0]);
      const isFunction = name === 'is';
      return (focus) => {
        const item = singleton(focus);
        if (item === undefined) return [];
        const matches = isOfType(item, typeName);
        if (isFunction) return [{ value: matches }];
        return matches ? [item] : [];
      };
    }
    case 'last':
      arity(0);
      return (focus) => focus.slice(-1);
    case 'trace':
      return (focus) => focus;
    case 'ofType': {
      arity(1);
      const typeName = typeNameOf(params[0]);
      return (focus) => focus.filter((item) => isOfType(item, typeName));
    }
    case 'extension': {
      arity(1);
      const url = compileNode(params[0]);
      return (focus, scope) => {
        const wanted = singleton(url(scope.thisItems, scope))?.value;
        if (typeof wanted !== 'string') throw new NeedsFullEngine('extension url');
        const result: Collection = [];
        for (const item of focus) {
          if (!isObject(item.value)) throw new NeedsFullEngine('extension() on a primitive');
          const extensions = item.value.extension;
          if (Array.isArray(extensions)) for (const extension of extensions) if (isObject(extension) && extension.url === wanted) result.push({ value: extension, type: 'Extension' });
        }
        return result;
      };
    }
    case 'isDistinct':
      arity(0);
      return (focus) => [{ value: distinctPrimitives(focus).length === focus.length }];
    case 'distinct':
      arity(0);
      return (focus) => distinctPrimitives(focus);
    case 'length':
      arity(0);
      return stringFunction(params, (text) => text.length);
    case 'substring':
      arity(1, 2);
      return stringFunction(params, (text, [start, length]) => {
        if (!Number.isInteger(start) || (length !== undefined && !Number.isInteger(length))) throw new NeedsFullEngine('substring');
        const from = start as number;
        if (from < 0 || from >= text.length) return undefined;
        return length === undefined ? text.slice(from) : text.slice(from, from + Math.max(0, length as number));
      });
    default:
      throw new Unsupported(name);
  }
}

/** String functions taking one string argument. */
const STRING_FUNCTIONS: Record<string, (text: string, argument: string) => unknown> = {
  matches: (text, regex) => lenientRegex(regex).test(text),
  startsWith: (text, prefix) => text.startsWith(prefix),
  endsWith: (text, suffix) => text.endsWith(suffix),
  contains: (text, part) => text.includes(part),
  indexOf: (text, part) => text.indexOf(part),
};

/**
 * A function on a single string: empty input gives empty, anything but one string is left to fhirpath.js, and an
 * argument that evaluates to empty gives empty. `undefined` from `apply` means an empty result.
 */
function stringFunction(params: AstNode[], apply: (text: string, args: unknown[]) => unknown): Evaluate {
  const args = params.map(compileNode);
  return (focus, scope) => {
    if (focus.length === 0) return [];
    if (focus.length > 1 || typeof focus[0].value !== 'string') throw new NeedsFullEngine('string function input');
    const values: unknown[] = [];
    for (const arg of args) {
      const result = arg(scope.thisItems, scope);
      if (result.length === 0) return [];
      if (result.length > 1) throw new NeedsFullEngine('string function argument');
      values.push(result[0].value);
    }
    const value = apply(focus[0].value, values);
    return value === undefined ? [] : [{ value }];
  };
}

const regexCache = new Map<string, RegExp>();

/** The same regex semantics as the validator's fhirpath.js `matches` override (unicode when it compiles, else not). */
export function lenientRegex(regex: string): RegExp {
  let compiled = regexCache.get(regex);
  if (!compiled) {
    try {
      compiled = new RegExp(regex, 'su');
    } catch {
      compiled = new RegExp(regex, 's');
    }
    regexCache.set(regex, compiled);
  }
  return compiled;
}

function typeNameOf(node: AstNode): string {
  // `ofType(Quantity)` parses as a member invocation; `FHIR.Quantity` as an invocation expression.
  const text = collectText(node);
  const name = text.startsWith('FHIR.') ? text.slice(5) : text;
  if (!/^[A-Za-z]+$/.test(name) || name === 'Resource' || name === 'DomainResource' || name.startsWith('System')) throw new Unsupported(`type ${text}`);
  return name;
}

function collectText(node: AstNode): string {
  if (node.type === 'Identifier') return node.text ?? '';
  return childrenOf(node).map(collectText).filter(Boolean).join('.');
}

function isOfType(item: Item, typeName: string): boolean {
  if (item.type === typeName) return true;
  if (item.type === undefined) throw new NeedsFullEngine('type of an element without a choice suffix');
  return typeName === 'Quantity' && QUANTITY_SUBTYPES.has(item.type);
}

function compileTypeExpression(node: AstNode): Evaluate {
  const [source, specifier] = childrenOf(node);
  if (node.text !== 'is' && node.text !== 'as') throw new Unsupported(`type operator ${node.text}`);
  const evaluate = compileNode(source);
  const typeName = typeNameOf(specifier);
  const isOperator = node.text === 'is';
  return (focus, scope) => {
    const items = evaluate(focus, scope);
    if (items.length === 0) return [];
    if (items.length > 1) throw new NeedsFullEngine('type operator on a collection');
    const matches = isOfType(items[0], typeName);
    if (isOperator) return [{ value: matches }];
    return matches ? items : [];
  };
}

function filter(focus: Collection, criteria: Evaluate, scope: Scope): Collection {
  return focus.filter((item) => {
    const thisItems = [item];
    return booleanOf(criteria(thisItems, { ...scope, thisItems })) === true;
  });
}

function isPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function singleton(collection: Collection): Item | undefined {
  if (collection.length > 1) throw new NeedsFullEngine('singleton expected');
  return collection[0];
}

/** Singleton evaluation for boolean operators: empty → undefined; anything but one boolean goes to fhirpath.js. */
function booleanOf(collection: Collection): boolean | undefined {
  if (collection.length === 0) return undefined;
  if (collection.length === 1 && typeof collection[0].value === 'boolean') return collection[0].value;
  throw new NeedsFullEngine('boolean expected');
}

function compileLogic(node: AstNode): Evaluate {
  const [left, right] = childrenOf(node).map(compileNode);
  const decide = LOGIC[node.text ?? ''];
  if (!decide) throw new Unsupported(`operator ${node.text}`);
  return (focus, scope) => {
    // Both operands are evaluated, as fhirpath.js does, so an operand it cannot evaluate fails the same way here.
    const value = decide(booleanOf(left(focus, scope)), booleanOf(right(focus, scope)));
    return value === undefined ? [] : [{ value }];
  };
}

/** FHIRPath three-valued logic; undefined stands for the empty collection. */
const LOGIC: Record<string, (a: boolean | undefined, b: boolean | undefined) => boolean | undefined> = {
  and: (a, b) => (a === false || b === false ? false : a === true && b === true ? true : undefined),
  or: (a, b) => (a === true || b === true ? true : a === false && b === false ? false : undefined),
  xor: (a, b) => (a === undefined || b === undefined ? undefined : a !== b),
  implies: (a, b) => (a === false || b === true ? true : a === true && b === false ? false : undefined),
};

/** Strings that FHIRPath may read as dates or times, whose equality and order are not plain string comparisons. */
const DATE_LIKE = /^\d{4}(-\d{2}(-\d{2})?)?(T|$)|^\d{2}:\d{2}/;

function primitiveEquals(a: unknown, b: unknown): boolean {
  // An element compared with a literal (`category.select($this = 'x')`) is simply unequal; two elements need fhirpath.js.
  if (isPrimitive(a) !== isPrimitive(b)) return false;
  if (!isPrimitive(a)) throw new NeedsFullEngine('equality of non-primitive values');
  if (typeof a === 'string' && typeof b === 'string' && (DATE_LIKE.test(a) || DATE_LIKE.test(b))) throw new NeedsFullEngine('date equality');
  return a === b;
}

function compileEquality(node: AstNode): Evaluate {
  const [left, right] = childrenOf(node).map(compileNode);
  if (node.text !== '=' && node.text !== '!=') throw new Unsupported(`operator ${node.text}`);
  const negate = node.text === '!=';
  return (focus, scope) => {
    const a = left(focus, scope);
    const b = right(focus, scope);
    if (a.length === 0 || b.length === 0) return [];
    const equal = a.length === b.length && a.every((item, index) => primitiveEquals(item.value, b[index].value));
    return [{ value: negate ? !equal : equal }];
  };
}

function compileComparison(node: AstNode): Evaluate {
  const [left, right] = childrenOf(node).map(compileNode);
  const operator = node.text;
  if (operator !== '<' && operator !== '<=' && operator !== '>' && operator !== '>=') throw new Unsupported(`operator ${operator}`);
  return (focus, scope) => {
    const a = singleton(left(focus, scope));
    const b = singleton(right(focus, scope));
    if (a === undefined || b === undefined) return [];
    const [x, y] = [a.value, b.value];
    if (!(typeof x === 'number' && typeof y === 'number') && !lexicallyOrderedDates(x, y)) throw new NeedsFullEngine('comparison');
    return [{ value: compare(operator, x as number | string, y as number | string) }];
  };
}

function compare(operator: string, x: number | string, y: number | string): boolean {
  return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SECONDS_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/;

/**
 * Two full dates, or two date-times to the second in the same time zone, order as their text does. Anything else
 * (other precisions, zones, times, quantities, strings) is compared by fhirpath.js.
 */
function lexicallyOrderedDates(x: unknown, y: unknown): boolean {
  if (typeof x !== 'string' || typeof y !== 'string') return false;
  if (FULL_DATE.test(x) && FULL_DATE.test(y)) return true;
  return SECONDS_WITH_OFFSET.test(x) && SECONDS_WITH_OFFSET.test(y) && x.slice(19) === y.slice(19);
}

function compileMembership(node: AstNode): Evaluate {
  const [left, right] = childrenOf(node).map(compileNode);
  if (node.text !== 'in' && node.text !== 'contains') throw new Unsupported(`operator ${node.text}`);
  const [elementSide, collectionSide] = node.text === 'in' ? [left, right] : [right, left];
  return (focus, scope) => {
    const element = singleton(elementSide(focus, scope));
    if (element === undefined) return [];
    return [{ value: collectionSide(focus, scope).some((item) => primitiveEquals(item.value, element.value)) }];
  };
}

function compileAdditive(node: AstNode): Evaluate {
  const [left, right] = childrenOf(node).map(compileNode);
  const operator = node.text;
  if (operator !== '+' && operator !== '&') throw new Unsupported(`operator ${operator}`);
  return (focus, scope) => {
    const a = singleton(left(focus, scope));
    const b = singleton(right(focus, scope));
    if (operator === '&') {
      const text = (item: Item | undefined): string => {
        if (item === undefined) return '';
        if (typeof item.value !== 'string') throw new NeedsFullEngine('& on a non-string');
        return item.value;
      };
      return [{ value: text(a) + text(b) }];
    }
    if (a === undefined || b === undefined) return [];
    if (typeof a.value === 'string' && typeof b.value === 'string') return [{ value: a.value + b.value }];
    if (Number.isInteger(a.value) && Number.isInteger(b.value)) return [{ value: (a.value as number) + (b.value as number) }];
    throw new NeedsFullEngine('+ on decimals or mixed types');
  };
}

function distinctPrimitives(items: Collection): Collection {
  const result: Collection = [];
  for (const item of items) {
    if (!isPrimitive(item.value)) throw new NeedsFullEngine('distinct objects');
    if (!result.some((existing) => primitiveEquals(existing.value, item.value))) result.push(item);
  }
  return result;
}

const ESCAPES: Record<string, string> = { "'": "'", '"': '"', '`': '`', '\\': '\\', '/': '/', f: '\f', n: '\n', r: '\r', t: '\t' };

function unescapeString(literal: string): string {
  return literal.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => (escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : ESCAPES[escape] ?? escape));
}
