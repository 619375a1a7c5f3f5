// Domain errors carry a kind (mapped once to GraphQL `extensions.code` in the api), a stable code
// and, for bad input, the offending field. The domain never throws transport exceptions.

export type DomainErrorKind = 'invalid_input' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden';

/** The codes of a module's `*_ERROR_CODES` object, as a string-literal union. */
export type ErrorCodeOf<Codes extends Readonly<Record<string, string>>> = Codes[keyof Codes];

/** The codes a refusal gets when no module names a finer one. */
export const GENERIC_ERROR_CODES = {
  invalidInput: 'INVALID_INPUT',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
} as const;

export type GenericErrorCode = ErrorCodeOf<typeof GENERIC_ERROR_CODES>;

/**
 * Every module's error codes, by module. Each module adds its own union here from its
 * `*.errors.ts` (declaration merging: `declare module` with `interface DomainErrorCodes`), so the
 * domain needs no import of its modules, yet DomainErrorCode is exactly the codes that exist and a
 * misspelt code does not compile. Clients and the docs rely on the strings: never change one.
 */
export interface DomainErrorCodes {
  generic: GenericErrorCode;
}

export type DomainErrorCode = DomainErrorCodes[keyof DomainErrorCodes];

// Not generic itself: `instanceof` would then narrow to DomainError<any>. DomainErrorOf narrows.
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, namespaced code of its module, such as `ASSESSMENT.CLOSED`. */
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, e.g. `level` or `effects[2].low`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A DomainError whose code is one of a module's, e.g. `DomainErrorOf<AuthErrorCode>`. */
export type DomainErrorOf<Code extends DomainErrorCode> = DomainError & { readonly code: Code };

/** A DomainError typed with its own code, for callers that narrow on a module's codes. */
export const domainError = <Code extends DomainErrorCode>(
  kind: DomainErrorKind,
  code: Code,
  message: string,
  field?: string,
): DomainErrorOf<Code> => new DomainError(kind, code, message, field) as DomainErrorOf<Code>;

export const invalidInput = (
  field: string,
  message: string,
  code: DomainErrorCode = GENERIC_ERROR_CODES.invalidInput,
): DomainError => new DomainError('invalid_input', code, message, field);

export const notFound = (
  field: string,
  message: string,
  code: DomainErrorCode = GENERIC_ERROR_CODES.notFound,
): DomainError => new DomainError('not_found', code, message, field);

/**
 * The one refusal of an id the caller cannot use: unknown, or another organisation's. Every role
 * and every layer answers it with these words, which name neither the id nor its organisation, so
 * the answer for another organisation's id equals the answer for an id that exists nowhere.
 */
export const unknownId = (field: string, noun: string, code: DomainErrorCode): DomainError =>
  notFound(field, `${field}: no ${noun} with this id is known to you`, code);

export const conflict = (
  message: string,
  code: DomainErrorCode = GENERIC_ERROR_CODES.conflict,
  field?: string,
): DomainError => new DomainError('conflict', code, message, field);

/**
 * Runs checks written for one item of a list with the item's own field names, and names the
 * item's place in the refusal: `raterFunctionId` of the third invitation becomes
 * `invitations[2].raterFunctionId`, in the field and in the message.
 */
export function withinField<Result>(prefix: string, check: () => Result): Result {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DomainError) || error.field === undefined) throw error;
    const field = `${prefix}.${error.field}`;
    const message = error.message.startsWith(error.field)
      ? `${prefix}.${error.message}`
      : `${prefix}: ${error.message}`;
    throw new DomainError(error.kind, error.code, message, field);
  }
}
