// Issues a token for a role and organisations. Its secret is shown once, with a copy button: only
// its hash is stored, so nobody can show it again.
import { useState } from 'preact/hooks';
import type { Organization, Role } from '../api/types';
import { CheckboxField, SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { issueApiTokenMutation } from './tokens.operations';

const roles: { value: Role; label: string }[] = [
  { value: 'ASSESSOR', label: 'Assessor: opens, rates, closes and corrects assessments' },
  { value: 'PLANNER', label: 'Planner: plans, approves, deploys investments; scenarios' },
  { value: 'AUDITOR', label: 'Auditor: reads, history, integrity' },
  { value: 'ADMIN', label: 'Admin: everything, every organisation' },
];

interface Issued {
  token: string;
  tokenId: string;
  role: Role;
  label: string | null;
}

export function IssueTokenForm({
  organizations,
  onIssued,
}: {
  organizations: readonly Organization[];
  onIssued: () => void;
}) {
  const { client } = useSession();
  const [role, setRole] = useState<Role>('ASSESSOR');
  const [label, setLabel] = useState('');
  const [reached, setReached] = useState<ReadonlySet<string>>(
    new Set(organizations.length === 1 && organizations[0] ? [organizations[0].id] : []),
  );
  const submission = useSubmission<Issued>(() => {
    setLabel('');
    onIssued();
  });
  const [copied, setCopied] = useState(false);
  const issued = submission.result;

  return (
    <div class="issue-token">
      <Form
        label="Issue a token"
        action="Could not issue the token"
        submission={submission}
        submitLabel="Issue the token"
        busyLabel="Issuing…"
        onSubmit={() => {
          setCopied(false);
          submission.run((signal) =>
            client
              .request(
                issueApiTokenMutation,
                { role, organizationIds: role === 'ADMIN' ? [] : [...reached], label: label.trim() || null },
                signal,
              )
              .then((data) => data.issueApiToken),
          );
        }}
      >
        <SelectField
          name="role"
          label="Role"
          value={role}
          onValue={(value) => {
            setRole(value as Role);
          }}
          options={roles}
        />
        {role !== 'ADMIN' && (
          <fieldset class="issue-token__organizations" data-field="organizationIds">
            <legend class="field__label">Organisations it reaches</legend>
            {organizations.map((organization) => (
              <CheckboxField
                key={organization.id}
                name={`organization-${organization.id}`}
                label={organization.name}
                checked={reached.has(organization.id)}
                onChecked={(checked) => {
                  const next = new Set(reached);
                  if (checked) next.add(organization.id);
                  else next.delete(organization.id);
                  setReached(next);
                }}
              />
            ))}
          </fieldset>
        )}
        <TextField
          name="label"
          label="Label"
          hint="Who or what uses it, e.g. “night shift lead” or “reporting job”."
          value={label}
          onValue={setLabel}
          maxLength={200}
        />
      </Form>
      {issued && (
        <div class="issued-token" role="status" data-testid="issued-token">
          <p class="issued-token__title">
            Token issued for {issued.label ?? issued.role.toLowerCase()}: copy it now, it is shown only once.
          </p>
          <div class="issued-token__row">
            <code class="issued-token__secret" data-testid="issued-secret">
              {issued.token}
            </code>
            <button
              type="button"
              class="button button--small"
              onClick={() => {
                void navigator.clipboard.writeText(issued.token).then(
                  () => {
                    setCopied(true);
                  },
                  () => {
                    setCopied(false);
                  },
                );
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p class="muted">
            Sign in with it at <code>{window.location.origin}</code>, or send it as{' '}
            <code>Authorization: Bearer …</code>.
          </p>
        </div>
      )}
    </div>
  );
}
