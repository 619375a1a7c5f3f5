// The organisation's functions: each can be edited in place; a form below adds one.
import { useState } from 'preact/hooks';
import type { Organization } from '../api/types';
import { FunctionForm } from './function-form';

interface FunctionsPanelProps {
  organization: Organization;
  onChanged: (organization: Organization) => void;
  canAdd: boolean;
  canEdit: boolean;
}

export function FunctionsPanel({ organization, onChanged, canAdd, canEdit }: FunctionsPanelProps) {
  const [editingId, setEditingId] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="functions-title" data-testid="functions-panel">
      <header class="card__header">
        <h2 id="functions-title" class="card__title">
          Functions
        </h2>
        <p class="card__subtitle">
          The parts of the organisation (and partners) that deliver the customer’s experience. Each is rated
          on every capability.
        </p>
      </header>
      {organization.functions.length === 0 ? (
        <p class="muted">No functions yet: add the first one below.</p>
      ) : (
        <ul class="record-list">
          {organization.functions.map((businessFunction) =>
            editingId === businessFunction.id ? (
              <li key={businessFunction.id} class="record-list__item record-list__item--editing">
                <FunctionForm
                  organizationId={organization.id}
                  editing={businessFunction}
                  onSaved={(updated) => {
                    setEditingId(null);
                    onChanged(updated);
                  }}
                  onCancel={() => {
                    setEditingId(null);
                  }}
                />
              </li>
            ) : (
              <li key={businessFunction.id} class="record-list__item" data-function={businessFunction.id}>
                <span class="record-list__main">
                  <strong>{businessFunction.name}</strong> <code class="muted">{businessFunction.id}</code>
                  <span class="record-list__meta">
                    {businessFunction.customerFacing && (
                      <span class="badge badge--approved">customer-facing</span>
                    )}{' '}
                    {businessFunction.partner && <span class="badge">partner</span>}
                  </span>
                </span>
                {canEdit && (
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={`Edit ${businessFunction.name}`}
                    onClick={() => {
                      setEditingId(businessFunction.id);
                    }}
                  >
                    Edit
                  </button>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {canAdd && (
        <div class="panel-form">
          <h3 class="panel-form__title">Add a function</h3>
          <FunctionForm organizationId={organization.id} onSaved={onChanged} />
        </div>
      )}
    </section>
  );
}
