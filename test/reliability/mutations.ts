import type { SeededRandom } from '../../src/registry/synthetic/random.js';

/*
 * Mutations of a valid document Bundle, for the fuzzer. Structural mutations edit the parsed JSON; text mutations
 * damage the serialised body. A case applies one to three of them, chosen by a seeded random source, so a seed
 * reproduces every case.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Container = Json[] | JsonObject;

/** A place in the tree: the container and the key (or index) holding a value. */
interface Slot {
  parent: Container;
  key: string | number;
}

function slots(root: Json, found: Slot[] = []): Slot[] {
  if (Array.isArray(root)) root.forEach((value, index) => (found.push({ parent: root, key: index }), slots(value, found)));
  else if (root && typeof root === 'object') for (const [key, value] of Object.entries(root)) found.push({ parent: root, key }), slots(value, found);
  return found;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function remove(slot: Slot): void {
  if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
  else delete slot.parent[slot.key as string];
}

function entries(bundle: JsonObject): JsonObject[] {
  return Array.isArray(bundle.entry) ? (bundle.entry.filter((entry) => entry && typeof entry === 'object' && !Array.isArray(entry)) as JsonObject[]) : [];
}

function pickSlot(rng: SeededRandom, bundle: JsonObject, keyPattern?: RegExp): Slot | undefined {
  const all = slots(bundle).filter((slot) => !keyPattern || (typeof slot.key === 'string' && keyPattern.test(slot.key)));
  return all.length ? rng.pick(all) : undefined;
}

const WEIRD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[31m\r\n',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202d右から左',
  '\u200b\ufeff',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '𠮷野家',
  'ｶﾀｶﾅ半角',
  "'; DROP TABLE resource; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%2e%2e',
  'urn:uuid:',
  '${jndi:ldap://x}',
  'identifier.where(true)',
];
const WEIRD_DATES = ['2024-13-45', '2024-02-30', '2024-02-30T25:61:00Z', 'yesterday', '', '99999-01-01', '2024-1-1', '0000-00-00', '2024-06-01T10:00:00', '2024-06-01T10:00:00+25:00'];
/** Upper bound of the JSON one 'huge array' mutation produces. */
const MAX_HUGE_ARRAY_BYTES = 25_000_000;

const WEIRD_CODES = ['', ' ', 'no-such-code', 'Ⅰ', '\u0000', 'a'.repeat(5000), 'cerebral infarction', '9999999'];
const REFERENCE_TARGETS = ['urn:uuid:00000000-0000-4000-8000-000000000000', 'Patient/does-not-exist', 'Patient/', 'http://elsewhere.example/fhir/Patient/1', '#missing', 'Patient/../../x', 'urn:oid:1.2.3'];
const RESOURCE_TYPES = ['Patient', 'Observation', 'Bundle', 'OperationOutcome', 'AuditEvent', 'NoSuchType', 'patient', '', 'Composition', 'Parameters'];

function otherValue(rng: SeededRandom, value: Json): Json {
  const choices: Json[] = [
    typeof value === 'string' ? Number(value.length) : String(value),
    rng.int(-1e9, 1e9),
    rng.chance(0.5) ? 1.5e308 : -0,
    true,
    null,
    [value],
    {},
    { value },
    [],
    rng.pick(WEIRD_STRINGS),
  ];
  return rng.pick(choices);
}

function nested(depth: number): Json {
  let value: Json = { url: 'http://example.org/deep', valueString: 'x' };
  for (let level = 0; level < depth; level++) value = { url: 'http://example.org/deep', extension: [value] };
  return value;
}

/** Structural mutations: each edits the parsed Bundle in place and returns its name. */
const STRUCTURAL: [string, (rng: SeededRandom, bundle: JsonObject) => void][] = [
  ['drop element', (rng, bundle) => { const slot = pickSlot(rng, bundle); if (slot) remove(slot); }],
  ['drop required element', (rng, bundle) => { const slot = pickSlot(rng, bundle, /^(resourceType|status|code|subject|fullUrl|resource|type|identifier|system|value|section|title|date|author)$/); if (slot) remove(slot); }],
  ['swap value kind', (rng, bundle) => { const slot = pickSlot(rng, bundle); if (slot) set(slot, otherValue(rng, get(slot))); }],
  ['huge string', (rng, bundle) => { const slot = pickSlot(rng, bundle); if (slot) set(slot, rng.pick(['x', 'あ', '😀', '\u0000']).repeat(rng.pick([10_000, 200_000]))); }],
  ['weird string', (rng, bundle) => {
    const strings = slots(bundle).filter((slot) => typeof get(slot) === 'string');
    if (strings.length) set(rng.pick(strings), rng.pick(WEIRD_STRINGS));
  }],
  ['invalid date', (rng, bundle) => { const slot = pickSlot(rng, bundle, /^(birthDate|date|start|end|effectiveDateTime|authoredOn|recordedDate|onsetDateTime|issued|timestamp|lastUpdated|performedDateTime)$/); if (slot) set(slot, rng.pick(WEIRD_DATES)); }],
  ['invalid code', (rng, bundle) => { const slot = pickSlot(rng, bundle, /^(code|system|status|gender|use|intent|category)$/); if (slot) set(slot, typeof get(slot) === 'string' ? rng.pick(WEIRD_CODES) : otherValue(rng, get(slot))); }],
  ['duplicate fullUrl', (rng, bundle) => {
    const list = entries(bundle);
    if (list.length > 1) rng.pick(list).fullUrl = rng.pick(list).fullUrl ?? null;
  }],
  ['dangling reference', (rng, bundle) => { const slot = pickSlot(rng, bundle, /^reference$/); if (slot) set(slot, rng.pick(REFERENCE_TARGETS)); }],
  ['reorder entries', (rng, bundle) => {
    const list = Array.isArray(bundle.entry) ? bundle.entry : [];
    for (let index = list.length - 1; index > 0; index--) {
      const other = rng.int(0, index);
      [list[index], list[other]] = [list[other], list[index]];
    }
  }],
  ['remove entry', (rng, bundle) => { if (Array.isArray(bundle.entry) && bundle.entry.length) bundle.entry.splice(rng.int(0, bundle.entry.length - 1), 1); }],
  ['duplicate entry under a new fullUrl', (rng, bundle) => {
    const list = entries(bundle);
    if (list.length) (bundle.entry as Json[]).push({ ...structuredClone(rng.pick(list)), fullUrl: `urn:uuid:${rng.uuid()}` });
  }],
  ['deep nesting', (rng, bundle) => { const slot = pickSlot(rng, bundle); if (slot) set(slot, nested(rng.pick([20, 127, 130, 1_000]))); }],
  ['huge array', (rng, bundle) => {
    const arrays = slots(bundle).filter((slot) => Array.isArray(get(slot)) && (get(slot) as Json[]).length);
    if (arrays.length) {
      const slot = rng.pick(arrays);
      const first = (get(slot) as Json[])[0];
      // Bounded by bytes too: copying an element that an earlier mutation already made huge would otherwise build a
      // body of gigabytes in the fuzzer itself. A little over the server's 20 MB limit still exercises the 413.
      const copies = Math.max(1, Math.min(rng.pick([200, 2_000]), Math.floor(MAX_HUGE_ARRAY_BYTES / JSON.stringify(first).length)));
      set(slot, Array.from({ length: copies }, () => structuredClone(first)));
    }
  }],
  ['wrong resourceType', (rng, bundle) => {
    const slot = pickSlot(rng, bundle, /^resourceType$/);
    if (slot) set(slot, rng.pick(RESOURCE_TYPES));
  }],
  ['bundle type switch', (rng, bundle) => {
    bundle.type = rng.pick(['transaction', 'batch', 'collection', 'searchset', 'message', 'document', 'Document', '']);
    // Half the time the entries also get what a transaction or batch needs, so processing goes past parsing.
    if (rng.chance(0.5)) for (const entry of entries(bundle)) entry.request = { method: rng.pick(['POST', 'PUT', 'GET', 'DELETE', 'PATCH']), url: `${(entry.resource as JsonObject | undefined)?.resourceType ?? 'Patient'}` };
  }],
  ['unknown or hostile property', (rng, bundle) => {
    const objects = slots(bundle).filter((slot) => { const value = get(slot); return value && typeof value === 'object' && !Array.isArray(value); });
    const target = objects.length ? (get(rng.pick(objects)) as JsonObject) : bundle;
    target[rng.pick(['bogus', '__proto__', 'constructor', '_birthDate', 'resourceType', 'id', 'meta', 'contained', '@context'])] = otherValue(rng, 'x');
  }],
  ['new document identity', (rng, bundle) => {
    // Makes an accepted case a new document rather than a resubmission of the seed.
    bundle.id = rng.uuid();
    const [institution, year] = String((bundle.identifier as JsonObject | undefined)?.value ?? '').split('^');
    bundle.identifier = { system: 'http://jpfhir.jp/fhir/clins/bundle-identifier', value: `${institution}^${year}^FUZZ${rng.hex(12)}` };
  }],
];

/** Text mutations on the serialised body. */
const TEXTUAL: [string, (rng: SeededRandom, body: Buffer) => Buffer][] = [
  ['byte flips', (rng, body) => {
    const copy = Buffer.from(body);
    for (let flips = rng.int(1, 8); flips > 0; flips--) copy[rng.int(0, copy.length - 1)] ^= 1 << rng.int(0, 7);
    return copy;
  }],
  ['truncation', (rng, body) => body.subarray(0, rng.int(0, body.length - 1))],
  ['invalid UTF-8', (rng, body) => {
    const at = rng.int(0, body.length);
    return Buffer.concat([body.subarray(0, at), Buffer.from(rng.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])), body.subarray(at)]);
  }],
  ['trailing garbage', (rng, body) => Buffer.concat([body, Buffer.from(rng.pick(['}', ',{}', '\u0000', ' x', ']']))])],
];

export interface MutatedCase {
  /** Names of the mutations applied, in order. */
  mutations: string[];
  body: Buffer;
}

/** One fuzz case from a valid Bundle: one to three structural mutations, and sometimes a text mutation. */
export function mutateBundle(rng: SeededRandom, valid: fhir4.Bundle): MutatedCase {
  const bundle = structuredClone(valid) as unknown as JsonObject;
  const mutations: string[] = [];
  for (let count = rng.int(1, 3); count > 0; count--) {
    const [name, mutate] = rng.pick(STRUCTURAL);
    mutate(rng, bundle);
    mutations.push(name);
  }
  let body: Buffer = Buffer.from(JSON.stringify(bundle));
  if (rng.chance(0.15)) {
    const [name, mutate] = rng.pick(TEXTUAL);
    body = mutate(rng, body);
    mutations.push(name);
  }
  return { mutations, body };
}
