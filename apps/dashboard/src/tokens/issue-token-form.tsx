// Issues a token for a role and organisations. Its secret is shown once, with a copy button and a
// ready sign-in link: only its hash is stored, so nobody can show it again. The role is chosen, never
// pre-picked, and a label is asked for (the api accepts none, but an unlabelled token cannot be
// told apart in the list later).
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Organization, Role } from '../api/types';
import { organizationLabels } from '../organizations/organization-labels';
import { CheckboxField, SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useCopy } from '../shared/use-copy';
import { useSession } from '../shell/session';
import { issueApiTokenMutation } from './tokens.operations';

const roles: { value: Role | ''; label: string }[] = [
  { value: '', label: 'Choose a role…' },
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

/** The address that signs the dashboard in with a token, the same form `npm start` prints. */
export const signInLink = (origin: string, token: string): string =>
  `${origin}/#token=${encodeURIComponent(token)}`;

export function IssueTokenForm({
  organizations,
  onIssued,
}: {
  organizations: readonly Organization[];
  onIssued: () => void;
}) {
  const { client } = useSession();
  const labels = organizationLabels(organizations);
  const [role, setRole] = useState<Role | ''>('');
  const [label, setLabel] = useState('');
  const [reached, setReached] = useState<ReadonlySet<string>>(
    new Set(organizations.length === 1 && organizations[0] ? [organizations[0].id] : []),
  );
  const submission = useSubmission<Issued>(() => {
    setLabel('');
    onIssued();
  });
  const { copied, copy, forget: forgetCopied } = useCopy<'token' | 'link'>();
  const issued = submission.result;
  const link = issued ? signInLink(window.location.origin, issued.token) : '';

  return (
    <div class="issue-token">
      <Form
        label="Issue a token"
        action="Could not issue the token"
        submission={submission}
        submitLabel="Issue the token"
        busyLabel="Issuing…"
        onSubmit={() => {
          forgetCopied();
          submission.run((signal) => {
            // The browser stops an empty form first; these catch what it lets through (a blank label).
            if (role === '') throw new ApiError('BAD_USER_INPUT', 'Choose the role the token gives.', 'role');
            if (label.trim() === '')
              throw new ApiError(
                'BAD_USER_INPUT',
                'Give the token a label: who or what uses it, so you can tell it apart in the list.',
                'label',
              );
            return client
              .request(
                issueApiTokenMutation,
                { role, organizationIds: role === 'ADMIN' ? [] : [...reached], label: label.trim() },
                signal,
              )
              .then((data) => data.issueApiToken);
          });
        }}
      >
        <SelectField
          name="role"
          label="Role"
          value={role}
          onValue={(value) => {
            setRole(value as Role | '');
          }}
          options={roles}
          required
        />
        {role !== 'ADMIN' && (
          <fieldset class="issue-token__organizations" data-field="organizationIds">
            <legend class="field__label">Organisations it reaches</legend>
            {organizations.map((organization) => (
              <CheckboxField
                key={organization.id}
                name={`organization-${organization.id}`}
                label={labels.get(organization.id) ?? organization.name}
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
          required
        />
      </Form>
      {issued && (
        <div class="issued-token" role="status" data-testid="issued-token">
          <p class="issued-token__title">
            Token issued for {issued.label ?? issued.role.toLowerCase()}: copy it now, it is shown only once.
          </p>
          <p class="issued-token__caption">Token</p>
          <div class="issued-token__row">
            <code class="issued-token__secret" data-testid="issued-secret">
              {issued.token}
            </code>
            <button
              type="button"
              class="button button--small"
              onClick={() => {
                copy('token', issued.token);
              }}
            >
              {copied === 'token' ? 'Token copied' : 'Copy token'}
            </button>
          </div>
          <p class="issued-token__caption">Sign-in link</p>
          <div class="issued-token__row">
            <code class="issued-token__secret" data-testid="issued-sign-in-link">
              {link}
            </code>
            <button
              type="button"
              class="button button--small"
              onClick={() => {
                copy('link', link);
              }}
            >
              {copied === 'link' ? 'Link copied' : 'Copy link'}
            </button>
          </div>
          <p class="muted">
            Send the link to whoever uses the token: opening it signs the dashboard in with it (opening it
            yourself signs you in as that token). Programs send the token as{' '}
            <code>Authorization: Bearer …</code>.
          </p>
        </div>
      )}
    </div>
  );
}
