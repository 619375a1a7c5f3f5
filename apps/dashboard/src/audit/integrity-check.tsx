// One button recomputes every hash and follows every chain link of the organisation's events, and
// says plainly whether the history is intact or where it was broken. It gives a fingerprint to
// write down, and compares with one kept from an earlier check when it is pasted back.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../shared/format';
import { Form } from '../shared/forms/form';
import { TextField } from '../shared/forms/fields';
import { useSubmission } from '../shared/forms/submission';
import { useCopy } from '../shared/use-copy';
import { useSession } from '../shell/session';
import { verifyIntegrityQuery, type IntegrityReport } from './audit.operations';

export function IntegrityCheck({ organizationId }: { organizationId: string }) {
  const { client } = useSession();
  const check = useSubmission<{ report: IntegrityReport; at: Date }>();
  const [since, setSince] = useState('');
  const report = check.result?.report ?? null;
  return (
    <section class="card" aria-labelledby="integrity-title">
      <header class="card__header">
        <h2 id="integrity-title" class="card__title">
          Integrity
        </h2>
        <p class="card__subtitle">
          Recomputes the SHA-256 hash of every event of this organisation and checks that each one links to
          the one before it in its stream: a rewritten or removed event breaks the chain. A removed last event
          of a stream breaks no link, so the store&apos;s positions are also checked for a gap. Keep the
          fingerprint a check gives, and paste it here later: anything changed or removed up to it then shows,
          even the store&apos;s very last event.
        </p>
      </header>
      <Form
        label="Verify integrity"
        action="Could not verify"
        submission={check}
        submitLabel="Verify integrity"
        busyLabel="Verifying…"
        onSubmit={() => {
          check.run((signal) =>
            client
              .request(verifyIntegrityQuery, { organizationId, since: since.trim() || null }, signal)
              .then((data) => ({ report: data.verifyIntegrity, at: new Date() })),
          );
        }}
      >
        <TextField
          name="since"
          label="Compare with a kept fingerprint (optional)"
          placeholder="v2:org=…"
          value={since}
          onValue={setSince}
          spellcheck={false}
        />
      </Form>
      <div aria-live="polite">
        {report && <Verdict report={report} at={check.result?.at ?? null} organizationId={organizationId} />}
      </div>
    </section>
  );
}

function Verdict({
  report,
  at,
  organizationId,
}: {
  report: IntegrityReport;
  at: Date | null;
  organizationId: string;
}) {
  return (
    <div
      class={`verdict ${report.ok ? 'verdict--ok' : 'verdict--broken'}`}
      data-testid="integrity-verdict"
      data-ok={report.ok}
    >
      <p class="verdict__title">
        {report.ok ? '✓ Intact: nothing was rewritten or removed' : '✗ Broken: the history was changed'}
      </p>
      <p class="verdict__body">
        {report.ok
          ? `${report.checkedEvents} events checked: every hash recomputed, every chain link followed${report.limit === null ? ', no position missing' : ''}${report.matchesFingerprint === true ? ', and nothing changed up to the kept fingerprint' : ''}.`
          : `${brokenAt(report)}${sentence(report.message ?? '')} Restore the store from a backup and report it.`}
      </p>
      {report.limit !== null && (
        <p class="verdict__limit" data-testid="integrity-limit">
          Not proven: {report.limit}
        </p>
      )}
      {report.fingerprint && <Fingerprint fingerprint={report.fingerprint} organizationId={organizationId} />}
      <p class="verdict__time">Checked {at ? formatDateTime(at) : ''}</p>
    </div>
  );
}

function brokenAt(report: IntegrityReport): string {
  if (report.firstBrokenStream === null) return '';
  return `First break in stream ${report.firstBrokenStream} at revision ${report.firstBrokenRevision ?? '?'}. `;
}

/** The api's messages are clauses; on the page each ends as a sentence. */
function sentence(text: string): string {
  return text === '' || text.endsWith('.') ? text : `${text}.`;
}

function Fingerprint({
  fingerprint,
  organizationId,
}: {
  fingerprint: NonNullable<IntegrityReport['fingerprint']>;
  organizationId: string;
}) {
  const { copied, copy } = useCopy<'fingerprint'>();
  return (
    <div class="verdict__fingerprint">
      <p>
        Fingerprint to keep (head position {fingerprint.headPosition}, {fingerprint.eventCount} events,
        checked {formatDateTime(new Date(fingerprint.checkedAt))}):
      </p>
      <code data-testid="integrity-fingerprint">{fingerprint.text}</code>{' '}
      <button
        type="button"
        class="button button--small button--ghost"
        onClick={() => {
          copy('fingerprint', `${fingerprint.text} (checked ${fingerprint.checkedAt})`);
        }}
      >
        {copied === 'fingerprint' ? 'Fingerprint copied' : 'Copy fingerprint'}
      </button>
      {/* The fingerprint counts this organisation's events only: a whole-store check cannot use it. */}
      <p class="verdict__scope" data-testid="integrity-fingerprint-scope">
        It covers this organisation only. On the command line, compare with:{' '}
        <code>
          npm run cli -- verify --org {organizationId} --since {'<fingerprint>'}
        </code>
      </p>
    </div>
  );
}
