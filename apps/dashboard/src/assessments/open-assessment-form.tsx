// Opens an assessment cycle: a title and the date its ratings describe (valid time). Asks first:
// an assessment cannot be renamed, re-dated or removed once opened.
import { useState } from 'preact/hooks';
import { useConfirm } from '../shared/confirm-dialog';
import { formatDate } from '../shared/format';
import { TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { openAssessmentMutation, type AssessmentRecord } from './assessments.operations';

export function OpenAssessmentForm({
  organizationId,
  onOpened,
}: {
  organizationId: string;
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
        void confirm({
          title: `Open “${title.trim()}”?`,
          message: (
            <>
              <p>
                Its ratings will describe the period ending <strong>{formatDate(periodEnd)}</strong>.
              </p>
              <p>
                Check the title and the date: once opened, an assessment cannot be renamed, re-dated or
                removed; it stays in the list of cycles and in the history.
              </p>
            </>
          ),
          confirmLabel: 'Open the assessment',
          tone: 'normal',
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
