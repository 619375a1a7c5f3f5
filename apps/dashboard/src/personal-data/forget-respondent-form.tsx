// Forgetting a person at their request (admins): the respondent id and a reason, then the same
// confirmation every irreversible action asks for. The reason stays in the history in the clear,
// so the form says to write a reference, never a name.
import { useState } from 'preact/hooks';
import { TextAreaField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useConfirm } from '../shared/confirm-dialog';
import { useSession } from '../shell/session';
import { forgetRespondentMutation } from './personal-data.operations';

interface ForgetRespondentFormProps {
  organizationId: string;
  organizationName: string;
  /** After the api recorded it: the page reads again what now reads as erased. */
  onForgotten: (respondentId: string) => void;
}

export function ForgetRespondentForm({
  organizationId,
  organizationName,
  onForgotten,
}: ForgetRespondentFormProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  const [respondentId, setRespondentId] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmission<string>((forgotten) => {
    setRespondentId('');
    setReason('');
    onForgotten(forgotten);
  });

  const submit = async () => {
    const id = respondentId.trim();
    const answer = await confirm({
      title: `Forget respondent ${id}?`,
      message: (
        <>
          <p>
            Every evidence {id} gave, in every assessment of {organizationName}, and the labels of their
            invitations are erased for good: nobody can read them again, not even an admin. Their levels stay
            and still count.
          </p>
          <p>This cannot be undone, and nothing can be recorded for {id} afterwards.</p>
        </>
      ),
      confirmLabel: `Forget ${id}`,
      tone: 'danger',
    });
    if (answer)
      submission.run((signal) =>
        client
          .request(
            forgetRespondentMutation,
            { organizationId, respondentId: id, reason: reason.trim() },
            signal,
          )
          .then(() => id),
      );
  };

  return (
    <Form
      label="Forget a person"
      action="Could not forget the person"
      submission={submission}
      onSubmit={() => void submit()}
      submitLabel="Forget this person…"
      busyLabel="Forgetting…"
      successMessage={
        submission.result !== null &&
        `Forgot ${submission.result}: their evidence and labels now read Erased.`
      }
    >
      <TextField
        name="respondentId"
        label="Respondent id"
        hint="As shown beside the person under Raters, or in a rating’s source (ids are case-sensitive)."
        value={respondentId}
        onValue={setRespondentId}
        required
        spellcheck={false}
        autocomplete="off"
      />
      <TextAreaField
        name="reason"
        label="Reason"
        hint="Kept in the history in the clear: write the request’s reference (e.g. request 2026-113), never a name."
        value={reason}
        onValue={setReason}
        rows={2}
        required
        maxLength={2000}
      />
    </Form>
  );
}
