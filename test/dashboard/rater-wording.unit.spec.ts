// The rater page's own wording: a refused link, whose questions these are, an answer not sent
// yet, evidence written before a level, a questionnaire that did not load, and the closed page.
import {
  closedWording,
  draftWording,
  keptFooter,
  keptWording,
  linkRefusal,
  listed,
  loadFailure,
  subjectLine,
  waitingToBeSent,
} from '../../apps/dashboard/src/rate/rater-wording';
import { tokenInFragment } from '../../apps/dashboard/src/shared/address-token';

describe('Rater link refusal (unit)', () => {
  it('should tell a rater whose link is unknown or cut off to open it again or ask the office, without API jargon', () => {
    const refusal = linkRefusal({
      message: 'The API token is unknown, malformed or revoked',
      reason: 'AUTH.INVALID_TOKEN',
    });
    expect(refusal.title).toBe('This link is incomplete or not recognised');
    expect(refusal.message).toMatch(/Open it again from your invitation/);
    expect(refusal.message).toMatch(/ask the assessment office for a new one/);
    expect(refusal.message).not.toMatch(/API|token/);
    expect(refusal.answersKept).toBe(false);
  });

  it('should word every unrecognised refusal alike, so the page tells no more than the api', () => {
    expect(linkRefusal({ message: 'anything', reason: null })).toEqual(
      linkRefusal({ message: 'something else', reason: 'AUTH.MISSING_TOKEN' }),
    );
  });

  it("should keep the api's message for a revoked or expired link, which names the next step", () => {
    const message = 'This link was revoked and no longer works: ask the assessment office for a new one';
    expect(linkRefusal({ message, reason: 'AUTH.INVITATION_REVOKED' })).toEqual({
      title: 'This link no longer works',
      message,
      answersKept: true,
    });
    expect(linkRefusal({ message: 'expired', reason: 'AUTH.INVITATION_EXPIRED' }).message).toBe('expired');
  });

  it("should say a forgotten person's link no longer works in the api's words, not that it is mistyped or that answers stay", () => {
    const message =
      'The person this link was for was forgotten at their request: their answers were erased from view and can no longer be read or changed through it';
    expect(linkRefusal({ message, reason: 'AUTH.RESPONDENT_FORGOTTEN' })).toEqual({
      title: 'This link no longer works',
      message,
      answersKept: false,
    });
  });
});

describe('Rater questionnaire wording (unit)', () => {
  it('should name the functions asked about, once each, and as whom the rater answers', () => {
    expect(
      subjectLine({
        source: 'PEER',
        raterFunctionName: 'Front desk',
        questions: [
          { functionName: 'Housekeeping' },
          { functionName: 'Housekeeping' },
          { functionName: 'Maintenance' },
        ],
      }),
    ).toBe(
      'This link’s questions are about Housekeeping and Maintenance; you answer as a colleague from another function (Front desk).',
    );
    expect(
      subjectLine({ source: 'SELF', raterFunctionName: null, questions: [{ functionName: 'Front desk' }] }),
    ).toBe('This link’s questions are about Front desk; you answer about your own function.');
  });

  it('should say as whom the rater was invited when no question is left (retired since)', () => {
    expect(subjectLine({ source: 'PEER', raterFunctionName: 'Billing office', questions: [] })).toBe(
      'You were invited to answer as a colleague from another function (Billing office).',
    );
  });

  it('should list names as prose', () => {
    expect(listed([])).toBe('');
    expect(listed(['A'])).toBe('A');
    expect(listed(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('should tell a rater who never answered that the assessment closed before they did, not thank them for 0 answers', () => {
    const none = closedWording(0);
    expect(none.title).toBe('This assessment is closed');
    expect(none.text).toMatch(/closed before you answered/);
    expect(none.text).not.toMatch(/0 answers/);
    expect(closedWording(1).text).toMatch(/Your answer is on record/);
    expect(closedWording(3)).toEqual(expect.objectContaining({ title: 'Thank you' }));
    expect(closedWording(3).text).toMatch(/Your 3 answers are on record/);
  });
});

describe('Token in a link’s fragment (unit)', () => {
  it('should read the token of a pasted link, trimmed, and nothing from a fragment without one', () => {
    expect(tokenInFragment('#token=invitation-1.secret')).toBe('invitation-1.secret');
    expect(tokenInFragment('#token=%20abc%20')).toBe('abc');
    expect(tokenInFragment('#main')).toBeNull();
    expect(tokenInFragment('#token=')).toBeNull();
    expect(tokenInFragment('')).toBeNull();
  });
});

describe('Rater answers not sent yet (unit)', () => {
  it('should tell a rater without a connection that the answer is kept and sent by itself, without the operator’s advice', () => {
    expect(keptWording({ code: 'NETWORK' })).toBe(
      'No connection: your answer is kept on this phone and sent when you are back online.',
    );
    expect(keptWording({ code: 'SERVICE_UNAVAILABLE' })).toMatch(/^Not sent yet: the server is busy/);
  });

  it('should count the answers waiting in words', () => {
    expect(waitingToBeSent(1)).toBe('1 answer waiting to be sent');
    expect(waitingToBeSent(2)).toBe('2 answers waiting to be sent');
    expect(keptFooter(1)).toMatch(/to send it\.$/);
    expect(keptFooter(3)).toMatch(/^3 answers waiting to be sent: .* to send them\.$/);
  });

  it('should word a questionnaire that did not load for a rater, keeping only a refusal’s own message', () => {
    const offline = loadFailure({ code: 'NETWORK', message: 'The api did not answer.' });
    expect(offline.title).toBe('No connection');
    expect(offline.message).not.toMatch(/api|npm|reload/i);
    expect(
      loadFailure({ code: 'SERVER', message: 'The api answered 502 without a GraphQL body.' }).message,
    ).toBe('The server is busy or had a problem. Try again in a moment.');
    expect(loadFailure({ code: 'FORBIDDEN', message: 'Not for this link' }).message).toBe(
      'Not for this link',
    );
  });
});

describe('draftWording (unit)', () => {
  it('should say that evidence with no level is kept on the phone, not sent, and how to send it', () => {
    expect(draftWording(false)).toBe(
      'What you wrote is kept on this phone, not sent: pick a level to send it with your answer.',
    );
    expect(draftWording(true)).toMatch(
      /^Not sure is saved, with no level\. What you wrote is kept on this phone/,
    );
  });
});
