/** fixed[x] and pattern[x] comparison (https://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.pattern_x_). */

/** fixed: exact equality, property by property and item by item. */
export function deepEquals(value: unknown, expected: unknown): boolean {
  if (value === expected) return true;
  if (typeof value !== typeof expected || value === null || expected === null || typeof value !== 'object') return false;
  if (Array.isArray(value) !== Array.isArray(expected)) return false;
  if (Array.isArray(value)) {
    const expectedItems = expected as unknown[];
    return value.length === expectedItems.length && value.every((item, index) => deepEquals(item, expectedItems[index]));
  }
  const valueKeys = Object.keys(value as object);
  const expectedKeys = Object.keys(expected as object);
  return (
    valueKeys.length === expectedKeys.length &&
    expectedKeys.every((key) => deepEquals((value as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]))
  );
}

/** pattern: every property in the pattern is present with a matching value; each pattern array item matches some value item. */
export function matchesPattern(value: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return value === pattern;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(pattern)) {
    const items = Array.isArray(value) ? value : [value];
    return pattern.every((patternItem) => items.some((item) => matchesPattern(item, patternItem)));
  }
  if (Array.isArray(value)) return value.some((item) => matchesPattern(item, pattern));
  for (const key in pattern) {
    if (!matchesPattern((value as Record<string, unknown>)[key], (pattern as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
