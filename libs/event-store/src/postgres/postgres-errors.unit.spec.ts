import { EventStoreUnavailableError } from '../errors';
import { describeDatabaseUrl, translatePostgresError } from './postgres-errors';

function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe(translatePostgresError.name, () => {
  const target = 'postgres://db';

  it('should turn a lost connection during an append into an unavailable error that says the outcome is unknown', () => {
    const translated = translatePostgresError(failure('Connection terminated unexpectedly'), target, true);
    expect(translated).toBeInstanceOf(EventStoreUnavailableError);
    expect((translated as Error).message).toMatch(/may or may not have been written.*same event ids/);
  });

  it('should say an append refused at connect was not written', () => {
    const translated = translatePostgresError(failure('connect ECONNREFUSED', 'ECONNREFUSED'), target, true);
    expect((translated as Error).message).not.toMatch(/may or may not/);
    expect((translated as Error).message).toMatch(/then retry/);
  });

  it('should treat a server shutting down or ending the session as unavailable', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006'])
      expect(translatePostgresError(failure('gone', code), target, false)).toBeInstanceOf(
        EventStoreUnavailableError,
      );
  });

  it('should pass other errors through unchanged', () => {
    const constraint = failure('duplicate key', '23505');
    expect(translatePostgresError(constraint, target, true)).toBe(constraint);
  });
});

describe(describeDatabaseUrl.name, () => {
  it('should hide the password', () => {
    expect(describeDatabaseUrl('postgres://app:secret@db:5432/events')).toBe(
      'postgres://app:***@db:5432/events',
    );
  });
});
