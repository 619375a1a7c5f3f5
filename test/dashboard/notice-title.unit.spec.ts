// An error shown after a button (not in a form) speaks the screen's words too: the api's field path
// at the start of its message becomes the label the screen uses, by the rule a form's errors follow.
import { ApiError } from '../../apps/dashboard/src/api/client';
import { noticeTitle } from '../../apps/dashboard/src/shared/notice-title';

describe('noticeTitle', () => {
  it("should say the refused field by the screen's label after the action", () => {
    const error = new ApiError(
      'BAD_USER_INPUT',
      'reason must be at most 2000 characters (got 2001)',
      'input.reason',
      'VALIDATION.TOO_LONG',
    );
    expect(noticeTitle('Could not change “Branch refit”', error, { reason: 'Reason' })).toBe(
      'Could not change “Branch refit”: Reason must be at most 2000 characters (got 2001)',
    );
  });

  it('should name the list item a refusal is about', () => {
    const error = new ApiError(
      'BAD_USER_INPUT',
      'an effect needs low <= likely',
      'investments[1].effects[0].low',
    );
    expect(noticeTitle('Could not simulate', error, { investments: 'Selected investment' })).toBe(
      'Could not simulate: Selected investment 2: an effect needs low <= likely',
    );
  });

  it("should keep the api's message when it names no field", () => {
    const error = new ApiError('CONFLICT', 'the assessment is already closed');
    expect(noticeTitle('Could not close the assessment', error, { reason: 'Reason' })).toBe(
      'Could not close the assessment: the assessment is already closed',
    );
  });
});
