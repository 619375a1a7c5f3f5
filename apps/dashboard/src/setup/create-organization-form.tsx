// Registers a new organisation: name (its id proposed from it), purpose, value proposition, model.
import { useState } from 'preact/hooks';
import type { MaturityModel, Organization } from '../api/types';
import { TextAreaField, TextField, SelectField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { registerOrganizationMutation } from './setup.operations';
import { slugOf } from '../shared/slug';

interface CreateOrganizationFormProps {
  models: readonly MaturityModel[];
  onCreated: (organization: Organization) => void;
}

export function CreateOrganizationForm({ models, onCreated }: CreateOrganizationFormProps) {
  const { client } = useSession();
  const modelIds = [...new Set(models.map((model) => model.id))];
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [valueProposition, setValueProposition] = useState('');
  const [modelId, setModelId] = useState(
    modelIds.includes('customer-centricity') ? 'customer-centricity' : (modelIds[0] ?? ''),
  );
  const versions = models.filter((model) => model.id === modelId).map((model) => model.version);
  const latestVersion = versions.length === 0 ? null : Math.max(...versions);
  const submission = useSubmission<Organization>(onCreated);
  const effectiveId = idEdited ? id : slugOf(name);

  return (
    <Form
      label="Create your organisation"
      action="Could not create the organisation"
      submission={submission}
      submitLabel="Create the organisation"
      busyLabel="Creating…"
      onSubmit={() => {
        submission.run((signal) =>
          client
            .request(
              registerOrganizationMutation,
              {
                input: {
                  id: effectiveId,
                  name: name.trim(),
                  purpose: purpose.trim() || null,
                  valueProposition: valueProposition.trim() || null,
                  modelId,
                },
              },
              signal,
            )
            .then((data) => data.registerOrganization),
        );
      }}
    >
      <TextField name="name" label="Name" value={name} onValue={setName} required maxLength={200} />
      <TextField
        name="id"
        label="Id"
        hint="Lower-case letters, digits and dashes; used in links and the API. Cannot change later."
        value={effectiveId}
        onValue={(value) => {
          setIdEdited(true);
          setId(value);
        }}
        required
        pattern="[a-z0-9][a-z0-9\-]{0,63}"
        title="Lower-case letters, digits and dashes, starting with a letter or digit, e.g. seaview-hotel"
        spellcheck={false}
      />
      <TextAreaField
        name="purpose"
        label="Purpose (its “why”)"
        value={purpose}
        onValue={setPurpose}
        rows={2}
      />
      <TextAreaField
        name="valueProposition"
        label="Customer value proposition"
        value={valueProposition}
        onValue={setValueProposition}
        rows={2}
      />
      <SelectField
        name="modelId"
        label="Maturity model"
        hint={
          <>
            Chosen now: the organisation stays on{' '}
            {latestVersion === null ? 'its latest version' : `version ${latestVersion}`} of this model. Later
            you can add, rename and retire functions, and change links and targets; the model and its version
            cannot be changed.
          </>
        }
        value={modelId}
        onValue={setModelId}
        options={modelIds.map((value) => ({
          value,
          label: models.find((model) => model.id === value)?.name ?? value,
        }))}
      />
    </Form>
  );
}
