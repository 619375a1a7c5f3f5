// The organisation's functions: each can be edited or retired in place; a form below adds one.
// Retired functions are folded away below the list, each with its date (they keep their history).
import { useState } from 'preact/hooks';
import type { BusinessFunction, Organization } from '../api/types';
import { formatDate } from '../shared/format';
import { functionsInPlace, retiredFunctions } from '../shared/functions-in-place';
import { FunctionForm } from './function-form';
import { RetireFunctionForm } from './retire-function-form';

interface FunctionsPanelProps {
  organization: Organization;
  onChanged: (organization: Organization) => void;
  canAdd: boolean;
  canEdit: boolean;
  canRetire: boolean;
}

export function FunctionsPanel({ organization, onChanged, canAdd, canEdit, canRetire }: FunctionsPanelProps) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const current = functionsInPlace(organization.functions);
  const retired = retiredFunctions(organization.functions);
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
      {current.length === 0 ? (
        <p class="muted">
          {retired.length === 0 ? 'No functions yet: add the first one below.' : 'Every function is retired.'}
        </p>
      ) : (
        <ul class="record-list">
          {current.map((businessFunction) =>
            retiringId === businessFunction.id ? (
              <li key={businessFunction.id} class="record-list__item record-list__item--editing">
                <RetireFunctionForm
                  organization={organization}
                  retiring={businessFunction}
                  onSaved={(updated) => {
                    setRetiringId(null);
                    onChanged(updated);
                  }}
                  onCancel={() => {
                    setRetiringId(null);
                  }}
                />
              </li>
            ) : editingId === businessFunction.id ? (
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
                <span class="record-list__actions">
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
                  {canRetire && (
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Retire ${businessFunction.name}`}
                      onClick={() => {
                        setEditingId(null);
                        setRetiringId(businessFunction.id);
                      }}
                    >
                      Retire…
                    </button>
                  )}
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {retired.length > 0 && (
        <details class="retired-functions" data-testid="retired-functions">
          <summary>
            Show {retired.length} retired {retired.length === 1 ? 'function' : 'functions'}
          </summary>
          <ul class="record-list">
            {retired.map((businessFunction) => (
              <RetiredFunction
                key={businessFunction.id}
                retired={businessFunction}
                mergedInto={organization.functions.find(
                  (candidate) => candidate.id === businessFunction.retirement?.mergedIntoFunctionId,
                )}
              />
            ))}
          </ul>
        </details>
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

function RetiredFunction({
  retired,
  mergedInto,
}: {
  retired: BusinessFunction;
  mergedInto?: BusinessFunction;
}) {
  const { retirement } = retired;
  if (retirement === null) return null;
  return (
    <li class="record-list__item record-list__item--retired" data-retired-function={retired.id}>
      <span class="record-list__main">
        <strong>{retired.name}</strong> <code class="muted">{retired.id}</code>
        <span class="record-list__meta">
          Retired from {formatDate(retirement.effectiveFrom)}
          {mergedInto && <>, merged into {mergedInto.name}</>}: {retirement.reason}
        </span>
      </span>
    </li>
  );
}
