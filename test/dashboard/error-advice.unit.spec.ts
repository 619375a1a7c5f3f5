// What the dashboard tells its user to do about an api error: the limits say when to retry, in
// the api's own seconds, and which limit it was (a token's heavy work still running, a server busy
// with heavy work, sign-ins refused for a whole network) instead of one fixed sentence per code.
import { errorAdvice, retryIn } from '../../apps/dashboard/src/shared/error-advice';

const limit = (
  code: 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE',
  reason: string | null,
  retryAfterSeconds: number | null,
) => errorAdvice({ code, reason, retryAfterSeconds });

describe('Error advice (unit)', () => {
  it('should tell how to get past a forgotten person, not to reload and check', () => {
    const advice = errorAdvice({
      code: 'CONFLICT',
      reason: 'PERSONAL_DATA.RESPONDENT_FORGOTTEN',
      retryAfterSeconds: null,
    });
    expect(advice).toBe(
      'A forgotten person is never recorded again: take them out, or leave their respondent empty so they get a new id.',
    );
    expect(errorAdvice({ code: 'CONFLICT', reason: null, retryAfterSeconds: null })).toMatch(
      /Reload and check/,
    );
  });

  it('should say when to retry in the api’s seconds', () => {
    expect(limit('TOO_MANY_REQUESTS', 'LIMIT.REQUESTS_PER_TOKEN', 41)).toBe(
      'Too many requests with this token. Retry in 41 s.',
    );
    expect(retryIn(null)).toBe('in a moment');
    expect(retryIn(0.2)).toBe('in 1 s');
    // A countdown that reached its end: the same request passes now.
    expect(retryIn(0)).toBe('now');
    expect(retryIn(300)).toBe('in about 5 minutes');
  });

  it('should tell a token whose heavy work still runs to wait for it, not a minute', () => {
    const advice = limit('TOO_MANY_REQUESTS', 'LIMIT.HEAVY_WORK_PER_TOKEN', 1);
    expect(advice).toBe(
      'Your token’s earlier optimisation or simulation is still running: retry once it has finished.',
    );
    expect(advice).not.toMatch(/minute/);
  });

  it('should say a full heavy-work queue is the server being busy, not data trouble', () => {
    const advice = limit('SERVICE_UNAVAILABLE', 'LIMIT.HEAVY_WORK_QUEUE', 5);
    expect(advice).toMatch(
      /busy with other people’s optimisations and simulations; nothing is wrong with your data\. Retry in 5 s\.$/,
    );
    expect(advice).not.toMatch(/store/);
    expect(limit('SERVICE_UNAVAILABLE', 'EVENT_STORE.BUSY', null)).toBe(
      'The store cannot be used right now. Retry in a moment.',
    );
  });

  it('should tell a user refused for someone else’s bad tokens at their address that it is their network, not their token', () => {
    const advice = limit('TOO_MANY_REQUESTS', 'LIMIT.FAILED_AUTHENTICATIONS', 55);
    expect(advice).toMatch(/from your network \(not necessarily from you\)/);
    expect(advice).toMatch(/Retry in 55 s\.$/);
    expect(advice).not.toMatch(/with this token/);
  });

  it('should keep the operator’s advice for an api that does not answer', () => {
    expect(errorAdvice({ code: 'NETWORK', reason: null, retryAfterSeconds: null })).toMatch(/npm start/);
  });
});
