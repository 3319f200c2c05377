/** The JSON kind and lexical rules of the R4 primitive types (https://hl7.org/fhir/R4/datatypes.html). */

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const PATTERNS: Record<string, RegExp> = {
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  code: /^[^\s]+( [^\s]+)*$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  uri: /^\S*$/,
  url: /^\S*$/,
  canonical: /^\S*$/,
  date: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`),
  dateTime: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
  instant: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`),
  time: new RegExp(`^${TIME}$`),
};

const MAX_STRING_BYTES = 1024 * 1024;

const INTEGER_LIMITS: Record<string, [number, number]> = {
  integer: [-2147483648, 2147483647],
  positiveInt: [1, 2147483647],
  unsignedInt: [0, 2147483647],
};

export const PRIMITIVE_TYPES = new Set([
  'boolean', 'integer', 'string', 'decimal', 'uri', 'url', 'canonical', 'base64Binary', 'instant', 'date', 'dateTime',
  'time', 'code', 'oid', 'id', 'markdown', 'unsignedInt', 'positiveInt', 'uuid', 'xhtml',
]);

export function isPrimitiveType(typeCode: string): boolean {
  return PRIMITIVE_TYPES.has(typeCode) || typeCode.startsWith('http://hl7.org/fhirpath/System.');
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Rejects calendar dates the regex lets through (e.g. 2023-02-30). */
function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const limit = month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1];
  return day <= limit;
}

/** The problem with a primitive JSON value for its FHIR type, or undefined when it is valid. */
export function primitiveProblem(typeCode: string, value: unknown): string | undefined {
  switch (typeCode) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `Error parsing JSON: the primitive value must be a boolean`;
    case 'integer':
    case 'positiveInt':
    case 'unsignedInt': {
      if (typeof value !== 'number') return `Error parsing JSON: the primitive value must be a number`;
      if (!Number.isInteger(value)) return `The value '${value}' is not a valid integer`;
      const [low, high] = INTEGER_LIMITS[typeCode];
      if (value < low) return `value is less than permitted minimum value of ${low}`;
      if (value > high) return `value is greater than permitted maximum value of ${high}`;
      return undefined;
    }
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `Error parsing JSON: the primitive value must be a number`;
  }
  if (typeof value !== 'string') return `Error parsing JSON: the primitive value must be a string`;
  if (value.length === 0) return `@value cannot be empty`;
  // R4: a string SHALL NOT exceed 1 MB (checked in UTF-8 bytes only when it could: at most 3 bytes per UTF-16 unit).
  if (value.length > MAX_STRING_BYTES / 3 && Buffer.byteLength(value, 'utf8') > MAX_STRING_BYTES) {
    return `value is longer than permitted maximum length of 1 MB (${MAX_STRING_BYTES} bytes)`;
  }
  if (typeCode === 'string' || typeCode === 'markdown') {
    return value.trim().length === 0 ? 'value should not be empty (only whitespace)' : undefined;
  }
  if (typeCode === 'base64Binary') {
    return base64DecodedSize(value) === undefined ? `The value '${shorten(value)}' is not a valid Base64 value` : undefined;
  }
  const pattern = PATTERNS[typeCode];
  if (pattern && !pattern.test(value)) return `The value '${shorten(value)}' is not a valid ${typeCode}`;
  if ((typeCode === 'date' || typeCode === 'dateTime' || typeCode === 'instant') && !isRealDate(value)) {
    return `The value '${value}' is not a valid ${typeCode}`;
  }
  return undefined;
}

// Whitespace inside the class: V8 runs this form several times faster than one without it on long data.
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** The size in bytes of base64 data (whitespace allowed), or undefined when it is not valid base64. */
export function base64DecodedSize(value: string): number | undefined {
  if (!BASE64.test(value)) return undefined;
  const compact = /\s/.test(value) ? value.replace(/\s/g, '') : value;
  if (compact.length % 4 !== 0) return undefined;
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return (compact.length / 4) * 3 - padding;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
