// Opens an assessment cycle: a title and the date its ratings describe (valid time). Asks first:
// an assessment cannot be renamed or re-dated once opened, only withdrawn. A period end far from
// today (a slip like 1900 for 2026) is named in a warning and on the button itself.
import { useState } from 'preact/hooks';
import { useConfirm } from '../shared/confirm-dialog';
import { formatDate } from '../shared/format';
import { TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import {
  openAssessmentMutation,
  type AssessmentRecord,
  type AssessmentSummary,
} from './assessments.operations';
import { openTwinOf } from './assessment-twins';
import { unusualPeriodEnd, YEARS_AHEAD_BEFORE_ASKING, YEARS_BACK_BEFORE_ASKING } from './period-end';

export function OpenAssessmentForm({
  organizationId,
  assessments,
  onOpened,
}: {
  organizationId: string;
  /** The organisation's assessments, to ask before opening a twin of an open one. */
  assessments: readonly AssessmentSummary[];
  onOpened: (assessment: AssessmentRecord) => void;
}) {
  const { client } = useSession();
  const confirm = useConfirm();
  const [title, setTitle] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const submission = useSubmission<AssessmentRecord>((assessment) => {
    setTitle('');
    setPeriodEnd('');
    onOpened(assessment);
  });
  return (
    <Form
      label="Open an assessment"
      action="Could not open the assessment"
      submission={submission}
      submitLabel="Open the assessment"
      busyLabel="Opening…"
      onSubmit={() => {
        const open = () => {
          submission.run((signal) =>
            client
              .request(
                openAssessmentMutation,
                { input: { organizationId, title: title.trim(), periodEnd } },
                signal,
              )
              .then((data) => data.openAssessment),
          );
        };
        // A date the browser cannot read goes straight to the api, which names the field.
        if (Number.isNaN(Date.parse(periodEnd))) {
          open();
          return;
        }
        const unusual = unusualPeriodEnd(periodEnd, new Date());
        const twin = openTwinOf(assessments, title.trim(), periodEnd);
        void confirm({
          title: `Open “${title.trim()}”?`,
          message: (
            <>
              {twin && (
                <p class="notice notice--warning" data-testid="twin-assessment">
                  An open assessment “{twin.title}” ending {formatDate(twin.periodEnd)} already exists (id{' '}
                  {twin.id}). Opening another makes two that read the same: to rate in it, choose it under
                  Cycles; otherwise give this one another title.
                </p>
              )}
              {unusual && (
                <p class="notice notice--warning" data-testid="unusual-period-end">
                  <strong>{formatDate(periodEnd)}</strong> is{' '}
                  {unusual === 'past'
                    ? `more than ${YEARS_BACK_BEFORE_ASKING} years ago`
                    : `more than ${YEARS_AHEAD_BEFORE_ASKING} years from now`}
                  . {unusual === 'past' ? 'Is that the date you meant?' : 'Is the year right?'}
                </p>
              )}
              <p>
                Its ratings will describe the period ending <strong>{formatDate(periodEnd)}</strong>.
              </p>
              <p>
                Check the title and the date: once opened, an assessment cannot be renamed or re-dated; a
                mistaken one can only be withdrawn, and it stays in the history.
              </p>
            </>
          ),
          confirmLabel: twin
            ? 'Open a second one'
            : unusual
              ? `Open it for ${formatDate(periodEnd)}`
              : 'Open the assessment',
          tone: unusual || twin ? 'danger' : 'normal',
        }).then((answer) => {
          if (answer) open();
        });
      }}
    >
      <TextField
        name="title"
        label="Title"
        placeholder="e.g. 2026 Q1 guest-stay review"
        value={title}
        onValue={setTitle}
        required
        maxLength={200}
      />
      <TextField
        name="periodEnd"
        label="Period end"
        hint="The date the ratings describe, not the day they are typed."
        type="date"
        value={periodEnd}
        onValue={setPeriodEnd}
        required
      />
    </Form>
  );
}
