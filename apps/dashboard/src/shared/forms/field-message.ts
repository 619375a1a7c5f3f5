// The api names a refused field by its input path (`functionId`, `effects[0].low`,
// `invitations[1].raterFunctionId`) and begins its message with that path, which other clients and
// tests rely on. A form shows labels, not paths: this rewrites the path at the start of a message
// into the form's own words ("Effect 1: low (2) must not exceed likely (1)"), in one place.
import { slugOf } from '../slug';

/** A field's label; for a list, the label of one item (`(index) => \`Effect ${index + 1}\``). */
export type FieldLabel = string | ((index: number) => string);

/**
 * Labels by field path as the api names it: a field's (`functionId`: `Id`), or a list's by the
 * list's path (`effects`, `capabilities[1].descriptors`), naming its items.
 */
export type FieldLabels = Readonly<Record<string, FieldLabel>>;

export interface FieldRefusal {
  message: string;
  /** `extensions.field`, with or without the `input.` of an input object. */
  field: string | null;
  /** `extensions.reason`, e.g. `VALIDATION.NOT_A_SLUG`. */
  reason?: string | null;
}

// A field path at the start of a message: `functionId`, `effects[0].low`, `capabilities[1]`.
const LEADING_PATH = /^[A-Za-z_]\w*(?:\[\d+\])*(?:\.[A-Za-z_]\w*(?:\[\d+\])*)*(?=$|[\s:(,])/;
const SEGMENT = /([A-Za-z_]\w*)((?:\[\d+\])*)/g;

/**
 * The message in the words of the screen. `typed` is what the user typed in the field, for a
 * suggestion when an id must be a slug ("e.g. reception-desk").
 */
export function fieldMessage(
  refusal: FieldRefusal,
  labels: FieldLabels,
  typed: string | null = null,
): string {
  const { message } = refusal;
  if (refusal.field === null) return message;
  const path = refusal.field.replace(/^input\./, '');
  const leading = LEADING_PATH.exec(message)?.[0] ?? null;
  const named = leading === null ? null : namedPath(leading, path);
  if (named === null) {
    // The message does not begin with the field: still say which item of a list it is about.
    const items = spokenPath(path, labels, { itemsOnly: true });
    return items === null ? message : `${items}: ${message}`;
  }
  const spoken = spokenPath(named, labels, { itemsOnly: false }) ?? leading ?? named;
  if (refusal.reason === 'VALIDATION.NOT_A_SLUG' && named === path) {
    const suggestion = typed === null ? '' : slugOf(typed);
    const example = suggestion !== '' && suggestion !== typed ? `, e.g. ${suggestion}` : '';
    return `${spoken} must be lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters${example}`;
  }
  return `${spoken}${message.slice(leading?.length ?? 0)}`;
}

/** The full path the message's leading path stands for: the field, one of its items, or its leaf. */
function namedPath(leading: string, path: string): string | null {
  if (leading === path || path.startsWith(`${leading}.`) || path.startsWith(`${leading}[`)) return leading;
  if (path.endsWith(`.${leading}`)) return path;
  return null;
}

/**
 * A path in labels: each labelled list item (`Effect 1`), then the field's label or, without one,
 * the rest of the path as written. Null when no part of it has a label.
 */
function spokenPath(path: string, labels: FieldLabels, { itemsOnly }: { itemsOnly: boolean }): string | null {
  const items: string[] = [];
  let key = '';
  // Where the path goes on after the last labelled item: what is left to say as written.
  let restFrom = 0;
  for (const match of path.matchAll(SEGMENT)) {
    const [, name = '', indexes = ''] = match;
    key = key === '' ? name : `${key}.${name}`;
    let end = match.index + name.length;
    for (const [written, index = ''] of indexes.matchAll(/\[(\d+)\]/g)) {
      const label = labels[key];
      const position = Number(index);
      end += written.length;
      if (label !== undefined) {
        items.push(typeof label === 'function' ? label(position) : `${label} ${position + 1}`);
        restFrom = end;
      }
      key = `${key}${written}`;
    }
  }
  const own = labels[path];
  const leaf = itemsOnly ? null : typeof own === 'string' ? own : null;
  const rest = path.slice(restFrom).replace(/^\./, '');
  const shownItems = leaf === null ? items : items.filter((item) => !leaf.startsWith(item));
  const tail = itemsOnly ? null : (leaf ?? (rest === '' ? null : rest));
  if (items.length === 0 && leaf === null) return null;
  return [...shownItems, ...(tail === null ? [] : [tail])].join(': ');
}
