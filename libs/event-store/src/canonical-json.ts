// Canonical JSON: the same value always gives the same text, whatever the key order it was built
// with. Object keys are sorted by UTF-16 code units (Array.prototype.sort), everything else follows
// JSON.stringify exactly (toJSON, undefined members dropped, non-finite numbers as null), so
// canonicalJson(JSON.parse(JSON.stringify(value))) === canonicalJson(value).

type Serializable = { toJSON(key: string): unknown };

function hasToJson(value: object): value is Serializable {
  return typeof (value as Partial<Serializable>).toJSON === 'function';
}

function serialize(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && hasToJson(value)) {
    value = value.toJSON(key);
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt is not JSON');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += serialize(value[index], String(index)) ?? 'null';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let text = '{';
  let first = true;
  for (const member of keys) {
    const serialized = serialize(record[member], member);
    if (serialized === undefined) continue;
    if (!first) text += ',';
    text += quotedKey(member) + serialized;
    first = false;
  }
  return `${text}}`;
}

/**
 * An object's keys in sorted order. Objects of one shape (the events of one type) list the same
 * keys in the same order, so the sorted order of the last key list seen with each first key is
 * kept and reused while the next object's keys match it one for one: comparing a few keys costs
 * far less than sorting them. A different key list is sorted, never guessed.
 */
function sortedKeys(record: Record<string, unknown>): readonly string[] {
  const keys = Object.keys(record);
  const [first] = keys;
  if (first === undefined || keys.length === 1) return keys;
  const known = keyOrders.get(first);
  if (known !== undefined && sameKeys(known.keys, keys)) return known.sorted;
  const sorted = [...keys].sort();
  if (known !== undefined || keyOrders.size < KEY_ORDER_CACHE_LIMIT) keyOrders.set(first, { keys, sorted });
  return sorted;
}

function sameKeys(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
}

const keyOrders = new Map<string, { keys: readonly string[]; sorted: readonly string[] }>();
const KEY_ORDER_CACHE_LIMIT = 10_000;

// Event data repeats the same few keys; quoting them once saves a JSON.stringify per member.
const quotedKeys = new Map<string, string>();
const QUOTED_KEY_CACHE_LIMIT = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < QUOTED_KEY_CACHE_LIMIT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** Deterministic JSON text of a value (sorted object keys, no whitespace). */
export function canonicalJson(value: unknown): string {
  const text = serialize(value, '');
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return text;
}
