// One button recomputes every hash and follows every chain link of the organisation's events, and
// says plainly whether the history is intact or where it was broken.
import { ErrorNotice } from '../shared/error-notice';
import { formatDateTime } from '../shared/format';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { verifyIntegrityQuery, type IntegrityReport } from './audit.operations';

export function IntegrityCheck({ organizationId }: { organizationId: string }) {
  const { client } = useSession();
  const check = useSubmission<{ report: IntegrityReport; at: Date }>();
  const report = check.result?.report ?? null;
  return (
    <section class="card" aria-labelledby="integrity-title">
      <header class="card__header">
        <h2 id="integrity-title" class="card__title">
          Integrity
        </h2>
        <p class="card__subtitle">
          Recomputes the SHA-256 hash of every event of this organisation and checks that each one links to
          the one before it in its stream. A rewritten or removed event breaks the chain.
        </p>
      </header>
      <button
        type="button"
        class="button button--primary"
        disabled={check.running}
        onClick={() => {
          check.run((signal) =>
            client
              .request(verifyIntegrityQuery, { organizationId }, signal)
              .then((data) => ({ report: data.verifyIntegrity, at: new Date() })),
          );
        }}
      >
        {check.running ? 'Verifying…' : 'Verify integrity'}
      </button>
      {check.error && <ErrorNotice error={check.error} action="Could not verify" />}
      <div aria-live="polite">
        {report && (
          <div
            class={`verdict ${report.ok ? 'verdict--ok' : 'verdict--broken'}`}
            data-testid="integrity-verdict"
            data-ok={report.ok}
          >
            <p class="verdict__title">
              {report.ok ? '✓ Intact: nothing was rewritten' : '✗ Broken: the history was changed'}
            </p>
            <p class="verdict__body">
              {report.ok
                ? `${report.checkedEvents} events checked: every hash recomputed, every chain link followed.`
                : `First break in stream ${report.firstBrokenStream ?? '?'} at revision ${report.firstBrokenRevision ?? '?'}. ${report.message ?? ''} Restore the store from a backup and report it.`}
            </p>
            <p class="verdict__time">Checked {check.result ? formatDateTime(check.result.at) : ''}</p>
          </div>
        )}
      </div>
    </section>
  );
}
