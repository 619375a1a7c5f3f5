// Plans an investment: what it is, what it costs, when it takes effect, and its effects picked on
// the heatmap (low / likely / high change in levels per cell), with what each would do to the cell
// now, clamped to the model's levels. Given a planned or approved investment, the same form edits
// it: pre-filled, and saving first lists what changes (old -> new) for confirmation.
import { useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { InvestmentKind, MaturityModel, Organization } from '../api/types';
import { Heatmap, indexCells } from '../heatmap/heatmap';
import { tones } from '../heatmap/palette';
import { SelectField, TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { formatLevel, formatMoney, formatSigned } from '../shared/format';
import { useConfirm } from '../shared/confirm-dialog';
import { scenariosQuery } from '../scenario/saved-scenarios.operations';
import { useRequest } from '../shared/use-request';
import { maturityQuery } from '../api/queries';
import { useSession } from '../shell/session';
import { cellNames } from '../shared/cell-names';
import { functionsInPlace } from '../shared/functions-in-place';
import { previewEffect } from './effect-preview';
import { liveNamesakeOf } from './investment-namesakes';
import { type PlanChange, type PlanFigures, planChanges } from './plan-changes';
import {
  type InvestmentRevision,
  planInvestmentMutation,
  type PlanningInvestment,
  reviseInvestmentMutation,
} from './planning.operations';

interface EffectRow {
  functionId: string;
  capabilityId: string;
  low: string;
  likely: string;
  high: string;
}

interface PlanInvestmentFormProps {
  organization: Organization;
  /** The organisation's investments, to warn before planning one under a name still in use. */
  investments: readonly PlanningInvestment[];
  model: MaturityModel;
  onPlanned: (investment: PlanningInvestment) => void;
  /** A planned or approved investment to edit instead of planning a new one. */
  editing?: PlanningInvestment | null;
  onRevised?: (revision: RevisionOutcome) => void;
  onStopEditing?: () => void;
}

/** A saved revision: the investment as it now stands, what changed, and the saved scenarios that include it. */
export interface RevisionOutcome {
  investment: PlanningInvestment;
  changes: readonly PlanChange[];
  scenarioNames: readonly string[];
}

const rowOf = ({ functionId, capabilityId, low, likely, high }: PlanningInvestment['effects'][number]) => ({
  functionId,
  capabilityId,
  low: String(low),
  likely: String(likely),
  high: String(high),
});

const keyOf = (row: { functionId: string; capabilityId: string }) => `${row.functionId}:${row.capabilityId}`;

export function PlanInvestmentForm({
  organization,
  investments,
  model,
  onPlanned,
  editing = null,
  onRevised,
  onStopEditing,
}: PlanInvestmentFormProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  const maturity = useRequest(`plan/${organization.id}`, (signal) =>
    client
      .request(maturityQuery, { organizationId: organization.id, asOf: null, knownAt: null }, signal)
      .then((data) => data.maturity),
  );
  const cells = useMemo(() => indexCells(maturity.data?.cells ?? []), [maturity.data]);
  const topLevel = Math.max(...model.levels.map((level) => level.value));
  // Editing starts from the investment as recorded (the screen mounts a fresh form per investment).
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<InvestmentKind>(editing?.kind ?? 'OPERATIONAL');
  const [cost, setCost] = useState(editing === null ? '' : String(editing.cost));
  const [lagMonths, setLagMonths] = useState(editing === null ? '3' : String(editing.lagMonths));
  const [effects, setEffects] = useState<EffectRow[]>(editing?.effects.map(rowOf) ?? []);
  const [selected, setSelected] = useState<string | null>(null);
  const submission = useSubmission<PlanningInvestment>((investment) => {
    setName('');
    setCost('');
    setEffects([]);
    setSelected(null);
    onPlanned(investment);
  });
  const revision = useSubmission<RevisionOutcome>((outcome) => onRevised?.(outcome));

  // Editing, the investment itself is no namesake to warn about.
  const namesake = liveNamesakeOf(
    investments.filter((investment) => investment.id !== editing?.id),
    name,
  );
  const byKey = new Map(effects.map((row, index) => [keyOf(row), { row, index }]));
  const names = cellNames(organization, model);
  const { functionName, capabilityName } = names;
  const figures = (): PlanFigures => ({
    name: name.trim(),
    kind,
    cost: Number(cost),
    lagMonths: Number(lagMonths),
    effects: effects.map((row) => ({
      functionId: row.functionId,
      capabilityId: row.capabilityId,
      low: Number(row.low),
      likely: Number(row.likely),
      high: Number(row.high),
    })),
  });

  const revise = (investment: PlanningInvestment) => {
    let changes: PlanChange[];
    try {
      refuseUnestimated(effects);
      changes = planChanges(investment, figures(), names);
      if (changes.length === 0)
        throw new ApiError(
          'BAD_USER_INPUT',
          'Nothing changed: edit the name, kind, cost, months or effects, or stop editing.',
        );
    } catch (error: unknown) {
      revision.run(() => Promise.reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    void confirm({
      title: `Save the changes to “${investment.name}”?`,
      message: (
        <>
          <ul class="plan-changes" data-testid="plan-changes">
            {changes.map((change) => (
              <li key={change.key} data-plan-change={change.key}>
                <span class="plan-changes__what">{change.what}:</span> {change.from} → {change.to}
              </li>
            ))}
          </ul>
          {investment.status === 'APPROVED' && (
            <p class="notice notice--warning" data-testid="approval-withdrawn">
              It is approved: saving withdraws the approval. It is planned again and needs approving again, as
              it now stands.
            </p>
          )}
          <p>
            It keeps its id, so saved scenarios that include it simulate the new figures. The history keeps
            the old ones.
          </p>
        </>
      ),
      confirmLabel: 'Save the changes',
      tone: 'normal',
    }).then((answer) => {
      if (!answer) return;
      const changed = new Set(changes.map((change) => change.field));
      const after = figures();
      // Only what changed is sent: an effect kept as it was is not checked again.
      const input: InvestmentRevision = {
        investmentId: investment.id,
        ...(changed.has('name') ? { name: after.name } : {}),
        ...(changed.has('kind') ? { kind } : {}),
        ...(changed.has('cost') ? { cost: after.cost } : {}),
        ...(changed.has('lagMonths') ? { lagMonths: after.lagMonths } : {}),
        ...(changed.has('effects') ? { effects: [...after.effects] } : {}),
      };
      revision.run(async (signal) => {
        const revised = (await client.request(reviseInvestmentMutation, { input }, signal)).reviseInvestment;
        const { scenarios } = await client.request(
          scenariosQuery,
          { organizationId: organization.id },
          signal,
        );
        const scenarioNames = scenarios
          .filter((scenario) => scenario.investmentIds.includes(investment.id))
          .map((scenario) => scenario.name);
        return { investment: revised, changes, scenarioNames };
      });
    });
  };
  const update = (index: number, change: Partial<EffectRow>) => {
    setEffects(effects.map((row, position) => (position === index ? { ...row, ...change } : row)));
  };

  return (
    <Form
      class="form--wide"
      label={editing === null ? 'Plan an investment' : `Edit ${editing.name}`}
      labels={{ effects: (index) => `Effect ${index + 1}` }}
      action={editing === null ? 'Could not plan the investment' : 'Could not save the changes'}
      submission={editing === null ? submission : revision}
      submitLabel={editing === null ? 'Plan the investment' : 'Save the changes…'}
      busyLabel={editing === null ? 'Planning…' : 'Saving…'}
      actions={
        editing !== null && (
          <button type="button" class="button" onClick={onStopEditing}>
            Stop editing
          </button>
        )
      }
      onSubmit={() => {
        if (editing !== null) {
          revise(editing);
          return;
        }
        submission.run((signal) => {
          refuseUnestimated(effects);
          const plan = figures();
          return client
            .request(
              planInvestmentMutation,
              { input: { organizationId: organization.id, ...plan, kind, effects: [...plan.effects] } },
              signal,
            )
            .then((data) => data.planInvestment);
        });
      }}
    >
      <div class="form__row">
        <TextField name="name" label="Name" value={name} onValue={setName} required maxLength={200} />
        <SelectField
          name="kind"
          label="Kind"
          value={kind}
          onValue={(value) => {
            setKind(value as InvestmentKind);
          }}
          options={[
            { value: 'OPERATIONAL', label: 'Operational (training, process)' },
            { value: 'CAPITAL', label: 'Capital (systems, buildings)' },
          ]}
        />
        <TextField
          name="cost"
          label="Cost"
          type="number"
          step="any"
          inputMode="decimal"
          value={cost}
          onValue={setCost}
          required
        />
        <TextField
          name="lagMonths"
          label="Takes effect after (months)"
          type="number"
          step={1}
          value={lagMonths}
          onValue={setLagMonths}
          required
        />
      </div>

      {namesake && (
        <p class="notice notice--warning" role="status" data-testid="namesake-warning">
          “{namesake.name}” is already {namesake.status === 'APPROVED' ? 'approved' : 'planned'} (cost{' '}
          {formatMoney(namesake.cost)}, {namesake.effects.length}{' '}
          {namesake.effects.length === 1 ? 'effect' : 'effects'}, id {namesake.id}). Planning it again adds a
          second investment beside it; to change that one, use Edit on its card.
        </p>
      )}
      <fieldset class="effects">
        <legend class="effects__legend">Effects: select cells on the heatmap</legend>
        <p class="field__hint">
          Each effect is a change in levels (may be negative): low ≤ likely ≤ high, all three estimated by you
          (nothing is filled in for you). The simulation adds the likely change to today’s level and keeps the
          result within 1–{topLevel}; the uncertainty draws between low and high.
        </p>
        <Heatmap
          id="effects"
          caption="Pick the cells this investment changes"
          functions={functionsInPlace(organization.functions)}
          capabilities={model.capabilities}
          cells={maturity.data?.cells ?? null}
          compact
          selectedKey={selected}
          onSelectCell={({ businessFunction, capability }) => {
            const key = `${businessFunction.id}:${capability.id}`;
            setSelected(key);
            if (!byKey.has(key))
              setEffects([
                ...effects,
                // Left empty: an effect nobody estimated must not be recorded as one.
                {
                  functionId: businessFunction.id,
                  capabilityId: capability.id,
                  low: '',
                  likely: '',
                  high: '',
                },
              ]);
          }}
          renderCell={({ businessFunction, capability, cell }) => {
            const effect = byKey.get(`${businessFunction.id}:${capability.id}`);
            if (!effect) return null;
            if (effect.row.likely.trim() === '') {
              return {
                tone: tones.onTarget,
                label: 'effect not estimated yet',
                content: (
                  <span class="heatmap__level" aria-hidden="true">
                    ?
                  </span>
                ),
              };
            }
            const preview = previewEffect(cell?.level ?? null, Number(effect.row.likely) || 0, topLevel);
            return {
              tone: tones.onTarget,
              label: `${formatSigned(Number(effect.row.likely) || 0)} planned effect, ${
                preview.projected === null
                  ? 'unrated, ignored'
                  : `level ${formatLevel(preview.now)} to ${formatLevel(preview.projected)}`
              }`,
              content: (
                <>
                  <span class="heatmap__level" aria-hidden="true">
                    {formatSigned(Number(effect.row.likely) || 0)}
                  </span>{' '}
                  <span class="heatmap__cue" aria-hidden="true">
                    {preview.projected === null ? 'unrated' : `to ${formatLevel(preview.projected)}`}
                  </span>
                </>
              ),
            };
          }}
          renderDetails={({ businessFunction, capability, cell }) => (
            <p>
              <strong>{businessFunction.name}</strong> · {capability.name}: level {formatLevel(cell?.level)}{' '}
              now. Select to{' '}
              {byKey.has(`${businessFunction.id}:${capability.id}`) ? 'edit its effect' : 'add an effect'}.
            </p>
          )}
        />
        {effects.length === 0 ? (
          <p class="muted">No effect yet: select at least one cell.</p>
        ) : (
          <ul class="effects__list">
            {effects.map((row, index) => {
              const cell = cells.get(keyOf(row));
              const preview = previewEffect(cell?.level ?? null, Number(row.likely) || 0, topLevel);
              return (
                <li
                  key={keyOf(row)}
                  class={`effects__item${selected === keyOf(row) ? ' effects__item--selected' : ''}`}
                  data-effect={keyOf(row)}
                >
                  <div class="effects__cell">
                    <strong>{functionName(row.functionId)}</strong> · {capabilityName(row.capabilityId)}
                    <span class="effects__preview" data-testid="effect-preview">
                      {preview.now === null ? (
                        'Unrated today: the simulation ignores this effect until the cell is rated.'
                      ) : row.likely.trim() === '' ? (
                        `Level ${formatLevel(preview.now)} today: estimate the low, likely and high change.`
                      ) : (
                        <>
                          Level {formatLevel(preview.now)} → {formatLevel(preview.projected)}
                          {preview.clamped &&
                            ` (${formatLevel(preview.unclamped)} clamped to the ${preview.clamped === 'top' ? `top level, ${topLevel}` : 'lowest level, 1'})`}
                        </>
                      )}
                    </span>
                  </div>
                  <div class="effects__values">
                    {(['low', 'likely', 'high'] as const).map((bound) => (
                      <TextField
                        key={bound}
                        name={`effects[${index}].${bound}`}
                        label={bound}
                        type="number"
                        step="any"
                        inputMode="decimal"
                        inline
                        value={row[bound]}
                        onValue={(value) => {
                          update(index, { [bound]: value });
                        }}
                      />
                    ))}
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Remove the effect on ${functionName(row.functionId)}, ${capabilityName(row.capabilityId)}`}
                      onClick={() => {
                        setEffects(effects.filter((_, position) => position !== index));
                      }}
                    >
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </Form>
  );
}

const bounds = ['low', 'likely', 'high'] as const;

/**
 * Refuses a picked cell whose low, likely or high change is left empty, naming the first such field
 * as the api names fields (`effects[0].low`), so the form says "Effect 1: low …" beside it.
 */
function refuseUnestimated(effects: readonly EffectRow[]): void {
  effects.forEach((row, index) => {
    const empty = bounds.find((bound) => row[bound].trim() === '');
    if (empty !== undefined)
      throw new ApiError(
        'BAD_USER_INPUT',
        `effects[${index}].${empty} is empty: estimate the change in levels this investment brings to the cell (0 for none), or remove the effect`,
        `effects[${index}].${empty}`,
      );
  });
}
