// The links between functions that co-deliver an experience, with their weights: drawn as a graph
// (click two functions to link them), listed with their weights, changed or removed in place.
import { useState } from 'preact/hooks';
import type { Interaction, Organization } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { LinkGraph } from './link-graph';
import { linkFunctionsMutation, unlinkFunctionsMutation } from './setup.operations';
import { functionsInPlace } from '../shared/functions-in-place';

interface LinksPanelProps {
  organization: Organization;
  onChanged: (organization: Organization) => void;
  canLink: boolean;
  canUnlink: boolean;
}

export function LinksPanel({ organization, onChanged, canLink, canUnlink }: LinksPanelProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  // Links are drawn between the functions in place; those touching a retired one count no more.
  const functions = functionsInPlace(organization.functions);
  const inPlace = new Set(functions.map((candidate) => candidate.id));
  const interactions = organization.interactions.filter(
    (link) => inPlace.has(link.from) && inPlace.has(link.to),
  );
  const [from, setFrom] = useState(functions[0]?.id ?? '');
  const [to, setTo] = useState(functions[1]?.id ?? '');
  const [weight, setWeight] = useState('1');
  const [picked, setPicked] = useState<string | null>(null);
  const submission = useSubmission<Organization>(onChanged);
  const removal = useSubmission<Organization>(onChanged);
  const nameOf = (id: string) => functions.find((candidate) => candidate.id === id)?.name ?? id;
  const options = functions.map((candidate) => ({ value: candidate.id, label: candidate.name }));

  const remove = async (link: Interaction) => {
    const answer = await confirm({
      title: 'Remove this link?',
      message: (
        <p>
          {nameOf(link.from)} and {nameOf(link.to)} will no longer count as co-delivering: the alignment index
          stops comparing them. The history keeps the link; you can link them again.
        </p>
      ),
      confirmLabel: 'Remove the link',
    });
    if (answer)
      removal.run((signal) =>
        client
          .request(
            unlinkFunctionsMutation,
            { input: { organizationId: organization.id, from: link.from, to: link.to } },
            signal,
          )
          .then((data) => data.unlinkFunctions),
      );
  };

  return (
    <section class="card" aria-labelledby="links-setup-title" data-testid="links-panel">
      <header class="card__header">
        <h2 id="links-setup-title" class="card__title">
          Links between functions
        </h2>
        <p class="card__subtitle">
          Link the functions that co-deliver an experience; a heavier weight counts more in the alignment
          index. Without any link, every pair counts with weight 1.
        </p>
      </header>
      {functions.length < 2 ? (
        <p class="muted">Add at least two functions to link them.</p>
      ) : (
        <div class="links-panel">
          <div>
            <LinkGraph
              functions={functions}
              interactions={interactions}
              picked={picked}
              onPick={
                canLink
                  ? (id) => {
                      if (picked === null || picked === id) {
                        setPicked(picked === id ? null : id);
                        setFrom(id);
                        return;
                      }
                      setFrom(picked);
                      setTo(id);
                      setPicked(null);
                    }
                  : undefined
              }
            />
            {canLink && (
              <p class="muted link-graph__hint">
                {picked === null
                  ? 'Click two functions to propose a link between them.'
                  : `${nameOf(picked)} picked: click the function it co-delivers with.`}
              </p>
            )}
          </div>
          <div>
            {interactions.length > 0 && (
              <table class="table table--cards" aria-label="Links and their weights">
                <thead>
                  <tr>
                    <th scope="col">Functions</th>
                    <th scope="col" class="table__number">
                      Weight
                    </th>
                    {canUnlink && (
                      <th scope="col">
                        <span class="visually-hidden">Remove</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {interactions.map((link) => (
                    <tr key={`${link.from}:${link.to}`} data-link={`${link.from}:${link.to}`}>
                      <td>
                        {nameOf(link.from)} ↔ {nameOf(link.to)}
                      </td>
                      <td class="table__number" data-label="Weight">
                        {link.weight}
                      </td>
                      {canUnlink && (
                        <td class="table__action">
                          <button
                            type="button"
                            class="button button--small"
                            aria-label={`Remove the link between ${nameOf(link.from)} and ${nameOf(link.to)}`}
                            onClick={() => {
                              void remove(link);
                            }}
                          >
                            Remove
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {removal.error && <ErrorNotice error={removal.error} action="Could not remove the link" />}
            {canLink && (
              <div class="panel-form">
                <h3 class="panel-form__title">Link two functions (or change a weight)</h3>
                <Form
                  label="Link two functions"
                  action="Could not link the functions"
                  submission={submission}
                  submitLabel="Link"
                  busyLabel="Linking…"
                  successMessage="Linked."
                  onSubmit={() => {
                    const parsed = weight.trim() === '' ? null : Number(weight);
                    submission.run((signal) =>
                      client
                        .request(
                          linkFunctionsMutation,
                          { input: { organizationId: organization.id, from, to, weight: parsed } },
                          signal,
                        )
                        .then((data) => data.linkFunctions),
                    );
                  }}
                >
                  <div class="form__row">
                    <SelectField name="from" label="From" value={from} onValue={setFrom} options={options} />
                    <SelectField name="to" label="To" value={to} onValue={setTo} options={options} />
                    <TextField
                      name="weight"
                      label="Weight"
                      type="number"
                      min={0}
                      step="any"
                      inputMode="decimal"
                      value={weight}
                      onValue={setWeight}
                    />
                  </div>
                </Form>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
