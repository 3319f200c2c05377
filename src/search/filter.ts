/**
 * The `_filter` expression language (FHIR R4 search, section 3.1.1.5.3): comparisons `path op value` combined with
 * `and`, `or`, `not (...)` and parentheses. `and` binds tighter than `or`. Parsing only; the search engine turns
 * each comparison into the predicate of the same parameter.
 */

export const FILTER_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'ap', 'sa', 'eb', 'pr', 'ss', 'sb', 'in', 'ni'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterNode =
  | { kind: 'and' | 'or'; operands: FilterNode[] }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; path: string; operator: FilterOperator; value: string };

/** A `_filter` text that is not an expression of the language (or uses a part of it this server lacks). */
export class FilterSyntaxError extends Error {}

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string } | { kind: 'string'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (/\s/.test(char)) i++;
    else if (char === '(' || char === ')') {
      tokens.push(char === '(' ? { kind: 'open' } : { kind: 'close' });
      i++;
    } else if (char === '"') {
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) value += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
      if (i >= text.length) throw new FilterSyntaxError('a quoted value is not closed');
      tokens.push({ kind: 'string', text: value });
      i++;
    } else {
      const start = i;
      while (i < text.length && !/[\s()]/.test(text[i])) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i) });
    }
  }
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let position = 0;
  const peekWord = () => {
    const token = tokens[position];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };
  const describe = (token: Token | undefined) => (!token ? 'the end' : token.kind === 'open' ? '"("' : token.kind === 'close' ? '")"' : `"${token.text}"`);

  const sequence = (kind: 'and' | 'or', operand: () => FilterNode): FilterNode => {
    const operands = [operand()];
    while (peekWord() === kind) {
      position++;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0] : { kind, operands };
  };
  const expression = (): FilterNode => sequence('or', () => sequence('and', unary));
  const group = (): FilterNode => {
    if (tokens[position]?.kind !== 'open') throw new FilterSyntaxError(`expected "(" but found ${describe(tokens[position])}`);
    position++;
    const inner = expression();
    if (tokens[position]?.kind !== 'close') throw new FilterSyntaxError(`expected ")" but found ${describe(tokens[position])}`);
    position++;
    return inner;
  };
  const unary = (): FilterNode => {
    if (peekWord() === 'not') {
      position++;
      return { kind: 'not', operand: group() };
    }
    if (tokens[position]?.kind === 'open') return group();
    return comparison();
  };
  const comparison = (): FilterNode => {
    const [path, operator, value] = tokens.slice(position, position + 3);
    if (path?.kind !== 'word') throw new FilterSyntaxError(`expected a parameter name but found ${describe(path)}`);
    if (path.text.includes('[')) throw new FilterSyntaxError(`filters inside a parameter path (${path.text}) are not supported`);
    const op = operator?.kind === 'word' ? operator.text.toLowerCase() : undefined;
    if (!FILTER_OPERATORS.includes(op as FilterOperator)) throw new FilterSyntaxError(`expected an operator after ${path.text} but found ${describe(operator)}`);
    if (value?.kind !== 'word' && value?.kind !== 'string') throw new FilterSyntaxError(`expected a value after ${path.text} ${op} but found ${describe(value)}`);
    position += 3;
    return { kind: 'compare', path: path.text, operator: op as FilterOperator, value: value.text };
  };

  const tree = expression();
  if (position < tokens.length) throw new FilterSyntaxError(`unexpected ${describe(tokens[position])}`);
  return tree;
}
