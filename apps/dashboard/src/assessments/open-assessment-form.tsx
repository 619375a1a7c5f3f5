// Opens an assessment cycle: a title and the date its ratings describe (valid time).
import { useState } from 'preact/hooks';
import type { Assessment } from '../api/types';
import { TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { openAssessmentMutation } from './assessments.operations';

export function OpenAssessmentForm({
  organizationId,
  onOpened,
}: {
  organizationId: string;
  onOpened: (assessment: Assessment) => void;
}) {
  const { client } = useSession();
  const [title, setTitle] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const submission = useSubmission<Assessment>((assessment) => {
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
        submission.run((signal) =>
          client
            .request(
              openAssessmentMutation,
              { input: { organizationId, title: title.trim(), periodEnd } },
              signal,
            )
            .then((data) => data.openAssessment),
        );
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
