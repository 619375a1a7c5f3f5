// Forgetting a person at their request (admins): the respondent id and a reason, then the same
// confirmation every irreversible action asks for. The reason stays in the history in the clear,
// so the form says to write a reference, never a name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TextAreaField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useConfirm } from '../shared/confirm-dialog';
import { useSession } from '../shell/session';
import { forgetRespondentMutation } from './personal-data.operations';

/** What the office knows of a picked person, read while it can still be read: the label is about to be erased. */
export interface PickedPerson {
  label: string | null;
  source: 'SELF' | 'PEER' | 'CUSTOMER' | 'AUDIT';
  answered: number;
  assessmentTitle: string;
}

/** A person picked elsewhere (a row of Raters); `count` tells a second pick of the same one apart. */
export interface PickedRespondent {
  respondentId: string;
  person?: PickedPerson;
  count: number;
}

const sourceWords: Record<PickedPerson['source'], string> = {
  SELF: 'self',
  PEER: 'peer',
  CUSTOMER: 'customer',
  AUDIT: 'auditor',
};

/**
 * Who is about to be forgotten, in the words of the row picked: "Regular guest Tuesday (customer,
 * 20 answers in Autumn 2026 guest review)"; the bare id when it was typed, not picked.
 */
export function forgottenPersonName(respondentId: string, person: PickedPerson | undefined): string {
  if (person === undefined) return `respondent ${respondentId}`;
  const answers = `${person.answered} ${person.answered === 1 ? 'answer' : 'answers'}`;
  return `${person.label ?? respondentId} (${sourceWords[person.source]}, ${answers} in ${person.assessmentTitle})`;
}

interface ForgetRespondentFormProps {
  organizationId: string;
  organizationName: string;
  picked?: PickedRespondent | null;
  /** After the api recorded it: the page reads again what now reads as erased. */
  onForgotten: (respondentId: string) => void;
}

export function ForgetRespondentForm({
  organizationId,
  organizationName,
  picked = null,
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
  const frame = useRef<HTMLDivElement>(null);
  // A picked person fills the id; the reason is what is left to type, so it gets the focus.
  useEffect(() => {
    if (picked === null) return;
    setRespondentId(picked.respondentId);
    submission.touch();
    const reasonField = frame.current?.querySelector('textarea');
    reasonField?.scrollIntoView({ block: 'center' });
    reasonField?.focus();
  }, [picked]);

  const submit = async () => {
    const id = respondentId.trim();
    // The picked row names the person only while the id is still the one picked.
    const person = picked !== null && picked.respondentId === id ? picked.person : undefined;
    const who = forgottenPersonName(id, person);
    const answer = await confirm({
      title: `Forget ${who}?`,
      message: (
        <>
          {person !== undefined && (
            <p data-testid="forget-who">
              Respondent id <code>{id}</code>, as picked under Raters.
            </p>
          )}
          <p>
            Every evidence {id} gave, in every assessment of {organizationName}, and the labels of their
            invitations are erased for good: nobody can read them again, not even an admin. Their levels stay
            and still count.
          </p>
          <p>
            Their links stop working at once: opening one no longer shows what they answered. They cannot be
            invited again under this id.
          </p>
          <p>This cannot be undone, and nothing can be recorded for {id} afterwards.</p>
        </>
      ),
      confirmLabel: `Forget ${person?.label ?? id}`,
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
    <div ref={frame}>
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
          hint="Forget… beside a person under Raters fills it in; for a rating recorded directly, the id in its source (ids are case-sensitive)."
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
    </div>
  );
}
