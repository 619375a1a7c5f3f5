// Input checks shared by every decider. Each failure is an invalidInput naming the field as the
// GraphQL input names it (`periodEnd`, `effects[1].low`), so the api can report it as is.
import { invalidInput } from './domain-error';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Length limits of free text, in characters. */
export const TEXT_LIMITS = {
  name: 200,
  description: 2_000,
  reason: 2_000,
  evidence: 10_000,
} as const;

export const VALIDATION_ERROR_CODES = {
  notASlug: 'VALIDATION.NOT_A_SLUG',
  required: 'VALIDATION.REQUIRED',
  tooLong: 'VALIDATION.TOO_LONG',
  malformedDate: 'VALIDATION.MALFORMED_DATE',
  notANumber: 'VALIDATION.NOT_A_NUMBER',
  notAnInteger: 'VALIDATION.NOT_AN_INTEGER',
  outOfRange: 'VALIDATION.OUT_OF_RANGE',
  notAllowed: 'VALIDATION.NOT_ALLOWED',
} as const;

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

/** A required, non-blank text; surrounding whitespace is dropped. */
export function requireText(field: string, value: unknown, maxLength: number = TEXT_LIMITS.name): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidInput(field, `${field} is required and must not be blank`, VALIDATION_ERROR_CODES.required);
  }
  const text = value.trim();
  assertMaxLength(field, text, maxLength);
  return text;
}

/** An optional text: null, undefined and blank become null; otherwise kept as written. */
export function optionalText(field: string, value: unknown, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    throw invalidInput(field, `${field} must be a string`, VALIDATION_ERROR_CODES.notAllowed);
  }
  if (value.trim() === '') return null;
  assertMaxLength(field, value, maxLength);
  return value;
}

function assertMaxLength(field: string, text: string, maxLength: number): void {
  if (text.length > maxLength) {
    throw invalidInput(
      field,
      `${field} must be at most ${maxLength} characters (got ${text.length})`,
      VALIDATION_ERROR_CODES.tooLong,
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
