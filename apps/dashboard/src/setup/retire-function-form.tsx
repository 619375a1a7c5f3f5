// Retires a function from a date (docs/adr/0015-retiring-functions.md): a reason, the date and,
// optionally, the function it merged into; a confirmation says what it does before anything is
// recorded, because it cannot be undone.
import { useState } from 'preact/hooks';
import type { BusinessFunction, Organization } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { SelectField, TextAreaField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { formatDate } from '../shared/format';
import { functionsInPlace } from '../shared/functions-in-place';
import { useSession } from '../shell/session';
import { retireFunctionMutation } from './setup.operations';

const today = () => new Date().toISOString().slice(0, 10);

interface RetireFunctionFormProps {
  organization: Organization;
  retiring: BusinessFunction;
  onSaved: (organization: Organization) => void;
  onCancel: () => void;
}

export function RetireFunctionForm({ organization, retiring, onSaved, onCancel }: RetireFunctionFormProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  const [reason, setReason] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [mergedInto, setMergedInto] = useState('');
  const submission = useSubmission<Organization>(onSaved);
  const others = functionsInPlace(organization.functions).filter((candidate) => candidate.id !== retiring.id);
  const mergedIntoName = others.find((candidate) => candidate.id === mergedInto)?.name;

  return (
    <Form
      label={`Retire ${retiring.name}`}
      action={`Could not retire ${retiring.name}`}
      submission={submission}
      submitLabel="Retire…"
      busyLabel="Retiring…"
      actions={
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      }
      onSubmit={() => {
        void confirm({
          title: `Retire “${retiring.name}” from ${formatDate(effectiveFrom)}?`,
          message: (
            <>
              <p>
                From {formatDate(effectiveFrom)} on, {retiring.name} leaves every view: heatmap rows,
                coverage, the indices, its links and the targets grid. It can no longer be rated or invited
                {mergedIntoName ? `; it is recorded as merged into ${mergedIntoName}` : ''}.
              </p>
              <p>Views of earlier dates and the audit history keep it as recorded. This cannot be undone.</p>
            </>
          ),
          confirmLabel: `Retire ${retiring.name}`,
        }).then((answer) => {
          if (!answer) return;
          submission.run((signal) =>
            client
              .request(
                retireFunctionMutation,
                {
                  input: {
                    organizationId: organization.id,
                    functionId: retiring.id,
                    effectiveFrom,
                    reason: reason.trim(),
                    mergedIntoFunctionId: mergedInto === '' ? null : mergedInto,
                  },
                },
                signal,
              )
              .then((data) => data.retireFunction),
          );
        });
      }}
    >
      <TextAreaField
        name="reason"
        label="Reason"
        hint="Kept on the record, e.g. “Merged into patient services”."
        value={reason}
        onValue={setReason}
        required
        maxLength={2000}
        rows={2}
      />
      <div class="form__row">
        <TextField
          name="effectiveFrom"
          label="Retired from"
          hint="Views as of this date or later leave it out. Not in the future."
          type="date"
          value={effectiveFrom}
          onValue={setEffectiveFrom}
          max={today()}
          required
        />
        <SelectField
          name="mergedIntoFunctionId"
          label="Merged into"
          hint="Optional: the function that took over its work."
          value={mergedInto}
          onValue={setMergedInto}
          options={[
            { value: '', label: 'No merge: it simply ended' },
            ...others.map((candidate) => ({ value: candidate.id, label: candidate.name })),
          ]}
        />
      </div>
    </Form>
  );
}
