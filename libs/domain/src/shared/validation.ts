// Input checks shared by every decider. Each failure is an invalidInput naming the field as the
// GraphQL input names it (`periodEnd`, `effects[1].low`), so the api can report it as is.
import { type ErrorCodeOf, invalidInput } from './domain-error';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A kind of free text: how long it may be, and whether line breaks belong in it. */
export interface TextField {
  maxLength: number;
  multiline: boolean;
}

/** The kinds of free text, in characters. */
export const TEXT_FIELDS = {
  /** Names, titles, labels, dimensions: one line. */
  name: { maxLength: 200, multiline: false },
  /** An organisation's purpose or value proposition: one line, longer. */
  statement: { maxLength: 2_000, multiline: false },
  /** A level's description or a capability's descriptor: prose. */
  description: { maxLength: 2_000, multiline: true },
  reason: { maxLength: 2_000, multiline: true },
  evidence: { maxLength: 10_000, multiline: true },
} as const satisfies Record<string, TextField>;

/**
 * A commandId: letters, digits and . _ : - (a UUID, a slug, `csv-<digest>-<line>`), at most 128
 * characters. Bounded because it is written with every event of the command.
 */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Upper bounds of the numbers that feed the scores, so no sum overflows and a typo is caught. */
export const NUMBER_LIMITS = {
  /** A link's or a capability's weight: greater than 0 and at most this. */
  weight: 1_000,
  /** An investment's cost or a portfolio's budget: 0 to this, in the organisation's currency. */
  amount: 1_000_000_000_000,
} as const;

/** Dates are accepted from 1900 to 2200: anything else is a typo (or an attack on date maths). */
export const DATE_RANGE = { firstYear: 1900, lastYear: 2200 } as const;

// Characters that are never text a person meant: C0 and C1 controls, DEL, bidirectional overrides
// and isolates (which make a name display as something else), lone UTF-16 surrogates.
// Multi-line text keeps line feed, carriage return and tab.
/* eslint-disable no-control-regex -- finding control characters is the point */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
/* eslint-enable no-control-regex */

export const VALIDATION_ERROR_CODES = {
  notASlug: 'VALIDATION.NOT_A_SLUG',
  required: 'VALIDATION.REQUIRED',
  tooLong: 'VALIDATION.TOO_LONG',
  malformedDate: 'VALIDATION.MALFORMED_DATE',
  notANumber: 'VALIDATION.NOT_A_NUMBER',
  notAnInteger: 'VALIDATION.NOT_AN_INTEGER',
  outOfRange: 'VALIDATION.OUT_OF_RANGE',
  notAllowed: 'VALIDATION.NOT_ALLOWED',
  controlCharacter: 'VALIDATION.CONTROL_CHARACTER',
  malformedCommandId: 'VALIDATION.MALFORMED_COMMAND_ID',
  dateOutOfRange: 'VALIDATION.DATE_OUT_OF_RANGE',
} as const;

export type ValidationErrorCode = ErrorCodeOf<typeof VALIDATION_ERROR_CODES>;

declare module './domain-error' {
  interface DomainErrorCodes {
    validation: ValidationErrorCode;
  }
}

export const isSlug = (value: unknown): value is string =>
  typeof value === 'string' && SLUG_PATTERN.test(value);

export function requireSlug(field: string, value: unknown): string {
  if (!isSlug(value)) {
    throw invalidInput(
      field,
      `${field} must be a slug: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters`,
      VALIDATION_ERROR_CODES.notASlug,
    );
  }
  return value;
}

/** An optional commandId (see COMMAND_ID_PATTERN); null when left out. */
export function optionalCommandId(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !COMMAND_ID_PATTERN.test(value)) {
    throw invalidInput(
      field,
      `${field} must be 1 to 128 letters, digits or . _ : - (starting with a letter or digit), such as a UUID`,
      VALIDATION_ERROR_CODES.malformedCommandId,
    );
  }
  return value;
}

/** A required, non-blank text; surrounding whitespace is dropped. */
export function requireText(field: string, value: unknown, kind: TextField = TEXT_FIELDS.name): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidInput(field, `${field} is required and must not be blank`, VALIDATION_ERROR_CODES.required);
  }
  const text = value.trim();
  assertText(field, text, kind);
  return text;
}

/** An optional text: null, undefined and blank become null; otherwise kept as written. */
export function optionalText(field: string, value: unknown, kind: TextField): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    throw invalidInput(field, `${field} must be a string`, VALIDATION_ERROR_CODES.notAllowed);
  }
  if (value.trim() === '') return null;
  assertText(field, value, kind);
  return value;
}

function assertText(field: string, text: string, { maxLength, multiline }: TextField): void {
  if (text.length > maxLength) {
    throw invalidInput(
      field,
      `${field} must be at most ${maxLength} characters (got ${text.length})`,
      VALIDATION_ERROR_CODES.tooLong,
    );
  }
  const forbidden = (multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(text);
  if (forbidden !== null) {
    const codePoint = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw invalidInput(
      field,
      `${field} contains the control or formatting character U+${codePoint} at position ${forbidden.index}; ${
        multiline ? 'only line breaks and tabs are allowed' : 'it must be a single line of plain text'
      }`,
      VALIDATION_ERROR_CODES.controlCharacter,
    );
  }
}

// Date, or date and time with optional seconds, fraction and offset. A time without an offset is
// read as UTC so that a decision never depends on the server's time zone.
const ISO_DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Parses an ISO-8601 date or date-time, refusing impossible dates such as 2024-02-30. */
export function parseIsoDate(field: string, value: unknown): Date {
  const malformed = () =>
    invalidInput(
      field,
      `${field} must be an ISO-8601 date or date-time such as 2024-03-31 or 2024-03-31T17:00:00Z`,
      VALIDATION_ERROR_CODES.malformedDate,
    );
  if (typeof value !== 'string') throw malformed();
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) throw malformed();
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction, offset] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > daysInMonth) throw malformed();
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw malformed();
  if (
    offset !== undefined &&
    offset !== 'Z' &&
    (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)
  ) {
    throw malformed();
  }
  const milliseconds = fraction === undefined ? '000' : fraction.padEnd(3, '0').slice(0, 3);
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}.${milliseconds}${offset ?? 'Z'}`;
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) throw malformed();
  const yearNumber = Number(year);
  if (yearNumber < DATE_RANGE.firstYear || yearNumber > DATE_RANGE.lastYear) {
    throw invalidInput(
      field,
      `${field} must be a date from ${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear} (got ${value})`,
      VALIDATION_ERROR_CODES.dateOutOfRange,
    );
  }
  return date;
}

/** Parses an ISO-8601 date and returns it in canonical UTC form (`toISOString`), as events store it. */
export const requireIsoDate = (field: string, value: unknown): string =>
  parseIsoDate(field, value).toISOString();

export function requireFiniteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidInput(field, `${field} must be a finite number`, VALIDATION_ERROR_CODES.notANumber);
  }
  return value;
}

/** A finite number within [min, max]. */
export function requireNumberInRange(field: string, value: unknown, min: number, max: number): number {
  const number = requireFiniteNumber(field, value);
  if (number < min || number > max) {
    throw invalidInput(
      field,
      `${field} must be between ${min} and ${max} (got ${number})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return number;
}

/** A finite number strictly greater than zero. */
export function requirePositiveNumber(field: string, value: unknown): number {
  const number = requireFiniteNumber(field, value);
  if (number <= 0) {
    throw invalidInput(
      field,
      `${field} must be greater than 0 (got ${number})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return number;
}

/** A finite number of zero or more. */
export function requireNonNegativeNumber(field: string, value: unknown): number {
  const number = requireFiniteNumber(field, value);
  if (number < 0) {
    throw invalidInput(
      field,
      `${field} must not be negative (got ${number})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return number;
}

/** A weight: greater than 0 and at most NUMBER_LIMITS.weight. */
export function requireWeight(field: string, value: unknown): number {
  const weight = requirePositiveNumber(field, value);
  if (weight > NUMBER_LIMITS.weight) {
    throw invalidInput(
      field,
      `${field} must be greater than 0 and at most ${NUMBER_LIMITS.weight} (got ${weight})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return weight;
}

/** A cost or budget: 0 to NUMBER_LIMITS.amount. */
export function requireAmount(field: string, value: unknown): number {
  const amount = requireNonNegativeNumber(field, value);
  if (amount > NUMBER_LIMITS.amount) {
    throw invalidInput(
      field,
      `${field} must be at most ${NUMBER_LIMITS.amount.toExponential()} (got ${amount})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return amount;
}

/** An integer within [min, max]. */
export function requireInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidInput(field, `${field} must be an integer`, VALIDATION_ERROR_CODES.notAnInteger);
  }
  if (value < min || value > max) {
    throw invalidInput(
      field,
      `${field} must be between ${min} and ${max} (got ${value})`,
      VALIDATION_ERROR_CODES.outOfRange,
    );
  }
  return value;
}

/** One of a fixed set of values (an enum). */
export function requireOneOf<Value extends string>(
  field: string,
  value: unknown,
  allowed: readonly Value[],
): Value {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidInput(
      field,
      `${field} must be one of ${allowed.join(', ')}`,
      VALIDATION_ERROR_CODES.notAllowed,
    );
  }
  return value as Value;
}

/** An optional boolean flag; absent means false. */
export function optionalFlag(field: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw invalidInput(field, `${field} must be true or false`, VALIDATION_ERROR_CODES.notAllowed);
  }
  return value;
}
