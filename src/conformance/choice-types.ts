/** FHIR R4 primitive types that a choice element (`value[x]`) may take. */
const PRIMITIVE_CHOICE_TYPES = new Set([
  'boolean', 'integer', 'string', 'decimal', 'uri', 'url', 'canonical', 'base64Binary', 'instant', 'date', 'dateTime',
  'time', 'code', 'oid', 'id', 'markdown', 'unsignedInt', 'positiveInt', 'uuid',
]);

/** The FHIR type a choice element's JSON suffix names: `valueString` → `string`, `valueQuantity` → `Quantity`. */
export function choiceSuffixType(suffix: string): string {
  const lowered = suffix.charAt(0).toLowerCase() + suffix.slice(1);
  return PRIMITIVE_CHOICE_TYPES.has(lowered) ? lowered : suffix;
}
