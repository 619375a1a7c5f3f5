// Key store errors, each with a stable code that the api maps once to a transport error.

export type KeyStoreErrorCode =
  'KEY_STORE.DATA_KEY_DESTROYED' | 'KEY_STORE.IMPORT_REFUSED' | 'KEY_STORE.UNAVAILABLE' | 'KEY_STORE.CLOSED';

export abstract class KeyStoreError extends Error {
  abstract readonly code: KeyStoreErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A value was to be sealed with a data key that was destroyed: its subject was forgotten. */
export class DataKeyDestroyedError extends KeyStoreError {
  readonly code = 'KEY_STORE.DATA_KEY_DESTROYED';

  constructor(
    readonly keyId: string,
    readonly destroyedAt: string,
  ) {
    super(`The data key ${keyId} was destroyed at ${destroyedAt}; nothing more can be sealed with it.`);
  }
}

/** Records of an export would overwrite keys the store holds; nothing was imported. */
export class KeyImportRefusedError extends KeyStoreError {
  readonly code = 'KEY_STORE.IMPORT_REFUSED';
}

/** The key store cannot finish the operation now (locked by another process, connection lost); retry. */
export class KeyStoreUnavailableError extends KeyStoreError {
  readonly code = 'KEY_STORE.UNAVAILABLE';
}

export class KeyStoreClosedError extends KeyStoreError {
  readonly code = 'KEY_STORE.CLOSED';

  constructor() {
    super('The key store is closed.');
  }
}
