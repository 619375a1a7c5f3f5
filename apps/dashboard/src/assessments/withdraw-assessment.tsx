// Withdrawing an assessment opened by mistake (wrong title, period end typed as 1900): asks for a
// reason, then says what happens before anything is sent, because it cannot be undone. A closed
// assessment with ratings is corrected instead (the api refuses it), so the action is not offered.
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { useSubmission } from '../shared/forms/submission';
import { formatDate } from '../shared/format';
import { useSession } from '../shell/session';
import { withdrawAssessmentMutation, type AssessmentRecord } from './assessments.operations';

/** Whether the api would take a withdrawal: OPEN, or CLOSED without ratings. */
export const canBeWithdrawn = (assessment: AssessmentRecord): boolean =>
  assessment.status === 'OPEN' || (assessment.status === 'CLOSED' && assessment.ratings.length === 0);

export function WithdrawAssessment({
  assessment,
  onWithdrawn,
}: {
  assessment: AssessmentRecord;
  onWithdrawn: (assessment: AssessmentRecord) => void;
}) {
  const session = useSession();
  const confirm = useConfirm();
  const withdrawing = useSubmission<AssessmentRecord>(onWithdrawn);
  if (!session.can('withdrawAssessment') || !canBeWithdrawn(assessment)) return null;

  const withdraw = async () => {
    const answer = await confirm({
      title: `Withdraw “${assessment.title}”?`,
      message: (
        <>
          <p>
            The assessment for the period ending {formatDate(assessment.periodEnd)} stops counting everywhere:
            maturity, alignment, agreement, trends, the time slider, reports and realisation
            {assessment.ratings.length > 0 && ` (with its ${assessment.ratings.length} ratings)`}.
          </p>
          <p>
            Its raters’ links stop taking answers and say it was withdrawn. It stays in the audit history with
            your reason. Withdrawing cannot be undone.
          </p>
        </>
      ),
      confirmLabel: 'Withdraw the assessment',
      reason: { label: 'Reason (kept on the record)', required: true },
    });
    if (answer)
      withdrawing.run((signal) =>
        session.client
          .request(withdrawAssessmentMutation, { assessmentId: assessment.id, reason: answer.reason }, signal)
          .then((data) => data.withdrawAssessment),
      );
  };

  return (
    <>
      <button type="button" class="button" disabled={withdrawing.running} onClick={() => void withdraw()}>
        {withdrawing.running ? 'Withdrawing…' : 'Withdraw…'}
      </button>
      {withdrawing.error && (
        <ErrorNotice
          error={withdrawing.error}
          action="Could not withdraw the assessment"
          labels={{ reason: 'Reason' }}
        />
      )}
    </>
  );
}

/** What a withdrawn assessment says at its top: when, why, and that it counts nowhere. */
export function WithdrawalNotice({ assessment }: { assessment: AssessmentRecord }) {
  if (assessment.status !== 'WITHDRAWN') return null;
  return (
    <p class="notice notice--warning" role="status" data-testid="withdrawal-notice">
      Withdrawn{assessment.withdrawnAt && ` on ${formatDate(assessment.withdrawnAt)}`}
      {assessment.withdrawalReason && `: “${assessment.withdrawalReason}”`}. It counts in no view and its
      raters’ links no longer work; it stays in the audit history.
    </p>
  );
}
