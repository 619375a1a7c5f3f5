// Adds a function, or edits one (its id stays): name, customer-facing, partner.
import { useState } from 'preact/hooks';
import type { BusinessFunction, Organization } from '../api/types';
import { CheckboxField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { addFunctionMutation, updateFunctionMutation } from './setup.operations';
import { slugOf } from '../shared/slug';

interface FunctionFormProps {
  organizationId: string;
  /** Absent: a new function. */
  editing?: BusinessFunction;
  onSaved: (organization: Organization) => void;
  onCancel?: () => void;
}

export function FunctionForm({ organizationId, editing, onSaved, onCancel }: FunctionFormProps) {
  const { client } = useSession();
  const [name, setName] = useState(editing?.name ?? '');
  const [id, setId] = useState<string | null>(null);
  const [customerFacing, setCustomerFacing] = useState(editing?.customerFacing ?? false);
  const [partner, setPartner] = useState(editing?.partner ?? false);
  const functionId = editing?.id ?? id ?? slugOf(name);
  const submission = useSubmission<Organization>((organization) => {
    if (!editing) {
      setName('');
      setId(null);
      setCustomerFacing(false);
      setPartner(false);
    }
    onSaved(organization);
  });

  return (
    <Form
      label={editing ? `Edit ${editing.name}` : 'Add a function'}
      action={editing ? 'Could not save the function' : 'Could not add the function'}
      submission={submission}
      submitLabel={editing ? 'Save' : 'Add the function'}
      busyLabel={editing ? 'Saving…' : 'Adding…'}
      successMessage={editing ? undefined : 'Added.'}
      actions={
        onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
        )
      }
      onSubmit={() => {
        const input = { organizationId, functionId, name: name.trim(), customerFacing, partner };
        submission.run((signal) =>
          editing
            ? client.request(updateFunctionMutation, { input }, signal).then((data) => data.updateFunction)
            : client.request(addFunctionMutation, { input }, signal).then((data) => data.addFunction),
        );
      }}
    >
      <div class="form__row">
        <TextField name="name" label="Name" value={name} onValue={setName} required maxLength={200} />
        {!editing && (
          <TextField
            name="functionId"
            label="Id"
            hint="Cannot change later."
            value={functionId}
            onValue={setId}
            required
            spellcheck={false}
          />
        )}
      </div>
      <CheckboxField
        name="customerFacing"
        label="Customer-facing"
        hint="It listens to customers: its ratings of other functions count double."
        checked={customerFacing}
        onChecked={setCustomerFacing}
      />
      <CheckboxField
        name="partner"
        label="Partner"
        hint="An external organisation that co-delivers the experience."
        checked={partner}
        onChecked={setPartner}
      />
    </Form>
  );
}
