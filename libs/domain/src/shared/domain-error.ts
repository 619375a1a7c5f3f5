// Domain errors carry a kind (mapped once to GraphQL `extensions.code` in the api), a stable code
// and, for bad input, the offending field. The domain never throws transport exceptions.

export type DomainErrorKind = 'invalid_input' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, namespaced code such as `ASSESSMENT.CLOSED`. */
    readonly code: string,
    message: string,
    /** The input field at fault, e.g. `level` or `effects[2].low`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (field: string, message: string, code = 'INVALID_INPUT'): DomainError =>
  new DomainError('invalid_input', code, message, field);

export const notFound = (field: string, message: string, code = 'NOT_FOUND'): DomainError =>
  new DomainError('not_found', code, message, field);

export const conflict = (message: string, code = 'CONFLICT', field?: string): DomainError =>
  new DomainError('conflict', code, message, field);

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
