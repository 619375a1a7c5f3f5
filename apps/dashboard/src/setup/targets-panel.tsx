// Targets on the heatmap grid: every cell shows the level the function should reach on that
// capability (its own override, or the capability's target for every function). Selecting a cell
// opens the editor for both. On a phone the grid gives way to one card per capability (its target
// for every function, then each function's override), whose editor picks the function.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BusinessFunction, Capability, MaturityModel, Organization, Target } from '../api/types';
import { Heatmap, type CellContext } from '../heatmap/heatmap';
import type { CellTone } from '../heatmap/palette';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { SelectField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { clearTargetMutation, setTargetMutation } from './setup.operations';
import { TargetFillForm } from './target-fill-form';
import { functionsInPlace } from '../shared/functions-in-place';

const targetTones = {
  override: { name: 'target-override', background: '#d6e4f5', foreground: '#1f1d1a', label: 'override' },
  capability: {
    name: 'target-capability',
    background: '#f3f2ef',
    foreground: '#1f1d1a',
    label: 'capability',
  },
  none: { name: 'target-none', background: 'transparent', foreground: '#656058', label: 'no target' },
} satisfies Record<string, CellTone>;

interface TargetsPanelProps {
  organization: Organization;
  model: MaturityModel;
  onChanged: (organization: Organization) => void;
  canSet: boolean;
  /** May fill many cells at once (setTargets). */
  canFill: boolean;
  canClear: boolean;
}

function targetOf(targets: readonly Target[], capabilityId: string, functionId: string | null) {
  return targets.find((target) => target.capabilityId === capabilityId && target.functionId === functionId);
}

/** A cell of the grid, or (functionId null) a capability's card, whose editor then picks the function. */
interface Selection {
  functionId: string | null;
  capabilityId: string;
}

export function TargetsPanel({
  organization: recorded,
  model,
  onChanged,
  canSet,
  canFill,
  canClear,
}: TargetsPanelProps) {
  // Targets are set for the present: a retired function has no row (its targets stay recorded).
  const organization = { ...recorded, functions: functionsInPlace(recorded.functions) };
  const [selected, setSelected] = useState<Selection | null>(null);
  const selectedFunction = organization.functions.find((candidate) => candidate.id === selected?.functionId);
  const selectedCapability = model.capabilities.find((candidate) => candidate.id === selected?.capabilityId);
  const editor = (capability: Capability, businessFunction: BusinessFunction | undefined) => (
    <TargetEditor
      key={`${businessFunction?.id ?? ''}:${capability.id}`}
      organization={organization}
      model={model}
      fixedFunction={businessFunction}
      capability={capability}
      onChanged={onChanged}
      canClear={canClear}
      onClose={() => {
        setSelected(null);
      }}
    />
  );

  return (
    <section class="card" aria-labelledby="targets-title" data-testid="targets-panel">
      <header class="card__header">
        <h2 id="targets-title" class="card__title">
          Targets
        </h2>
        <p class="card__subtitle">
          The level each function should reach: a target per capability for every function, overridden per
          function where one should go further (or need not). {canSet && 'Select a cell to change it.'}
        </p>
      </header>
      {organization.functions.length === 0 ? (
        <p class="muted">Add functions first: targets are set on the grid of functions and capabilities.</p>
      ) : (
        <div class="targets-panel">
          {canFill && <TargetFillForm organization={organization} model={model} onChanged={onChanged} />}
          <Heatmap
            id="targets"
            caption={`Targets of ${organization.name}, functions by capabilities`}
            functions={organization.functions}
            capabilities={model.capabilities}
            cells={[]}
            selectedKey={selected ? `${selected.functionId}:${selected.capabilityId}` : null}
            onSelectCell={
              canSet
                ? ({ businessFunction, capability }) => {
                    setSelected({ functionId: businessFunction.id, capabilityId: capability.id });
                  }
                : undefined
            }
            renderCell={({ businessFunction, capability }) => {
              const override = targetOf(organization.targets, capability.id, businessFunction.id);
              const shared = targetOf(organization.targets, capability.id, null);
              const target = override ?? shared;
              const note = override ? 'override' : shared ? 'all functions' : 'no target';
              return {
                tone: override ? targetTones.override : shared ? targetTones.capability : targetTones.none,
                // The visible text (level, then note) is part of the name, as assistive technology expects.
                label: target ? `target ${target.level}, ${note}` : 'no target',
                content: (
                  <>
                    <span class="heatmap__level" aria-hidden="true">
                      {target ? target.level : '–'}
                    </span>{' '}
                    <span class="heatmap__cue" aria-hidden="true">
                      {note}
                    </span>
                  </>
                ),
              };
            }}
            renderDetails={({ businessFunction, capability }: CellContext) => {
              const override = targetOf(organization.targets, capability.id, businessFunction.id);
              const shared = targetOf(organization.targets, capability.id, null);
              return (
                <p>
                  <strong>{businessFunction.name}</strong> · {capability.name}: capability target{' '}
                  {shared ? shared.level : 'none'}
                  {override ? `, override ${override.level}` : ''}.
                </p>
              );
            }}
          />
          {selectedFunction && selectedCapability && editor(selectedCapability, selectedFunction)}
          <ul class="target-cards" aria-label="Targets by capability">
            {model.capabilities.map((capability) => (
              <TargetCard
                key={capability.id}
                organization={organization}
                capability={capability}
                editing={selected?.functionId === null && selected.capabilityId === capability.id}
                onChange={
                  canSet
                    ? () => {
                        setSelected({ functionId: null, capabilityId: capability.id });
                      }
                    : undefined
                }
              >
                {editor(capability, undefined)}
              </TargetCard>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface TargetCardProps {
  organization: Organization;
  capability: Capability;
  /** Opens the editor inside the card; absent for roles that may not set targets. */
  onChange: (() => void) | undefined;
  editing: boolean;
  /** The editor, shown while editing. */
  children: ComponentChildren;
}

/** One capability on a phone: its target for every function, then each function's override. */
function TargetCard({ organization, capability, onChange, editing, children }: TargetCardProps) {
  const shared = targetOf(organization.targets, capability.id, null);
  return (
    <li class="target-cards__card" data-target-capability={capability.id}>
      <div class="target-cards__header">
        <h3 class="target-cards__title">{capability.name}</h3>
        {onChange && (
          <button
            type="button"
            class="button button--small"
            aria-label={`Change the targets on ${capability.name}`}
            aria-expanded={editing}
            onClick={onChange}
          >
            Change
          </button>
        )}
      </div>
      <dl class="target-cards__levels">
        <div>
          <dt>Every function</dt>
          <dd>{shared ? shared.level : 'no target'}</dd>
        </div>
        {organization.functions.map((businessFunction) => {
          const override = targetOf(organization.targets, capability.id, businessFunction.id);
          return override ? (
            <div key={businessFunction.id} data-target-function={businessFunction.id}>
              <dt>{businessFunction.name}</dt>
              <dd>
                {override.level} <span class="muted">override</span>
              </dd>
            </div>
          ) : null;
        })}
      </dl>
      {editing && children}
    </li>
  );
}

interface TargetEditorProps {
  organization: Organization;
  model: MaturityModel;
  /** The function of the grid's selected cell; without it (a capability's card) the editor offers every function. */
  fixedFunction: BusinessFunction | undefined;
  capability: Capability;
  onChanged: (organization: Organization) => void;
  canClear: boolean;
  onClose: () => void;
}

function TargetEditor(props: TargetEditorProps) {
  const { organization, model, fixedFunction, capability, onChanged } = props;
  const { client } = useSession();
  const confirm = useConfirm();
  const [functionId, setFunctionId] = useState(fixedFunction?.id ?? organization.functions[0]?.id ?? '');
  const functionName =
    organization.functions.find((candidate) => candidate.id === functionId)?.name ?? functionId;
  const shared = targetOf(organization.targets, capability.id, null);
  const override = targetOf(organization.targets, capability.id, functionId);
  const levels = model.levels.map((level) => ({
    value: String(level.value),
    label: `${level.value} · ${level.name}`,
  }));
  const [sharedLevel, setSharedLevel] = useState(String(shared?.level ?? model.levels.at(-2)?.value ?? 1));
  const overrideLevelOf = (id: string) =>
    String(targetOf(organization.targets, capability.id, id)?.level ?? shared?.level ?? 1);
  const [overrideLevel, setOverrideLevel] = useState(overrideLevelOf(functionId));
  const sharedSubmission = useSubmission<Organization>(onChanged);
  const overrideSubmission = useSubmission<Organization>(onChanged);
  const clearing = useSubmission<Organization>(onChanged);

  const setTarget = (forFunction: string | null, level: string) => (signal: AbortSignal) =>
    client
      .request(
        setTargetMutation,
        {
          input: {
            organizationId: organization.id,
            capabilityId: capability.id,
            functionId: forFunction,
            level: Number(level),
          },
        },
        signal,
      )
      .then((data) => data.setTarget);

  return (
    <div
      class="target-editor"
      role="region"
      aria-label={
        fixedFunction
          ? `Targets for ${fixedFunction.name} on ${capability.name}`
          : `Targets on ${capability.name}`
      }
    >
      <div class="target-editor__header">
        <h3 class="panel-form__title">
          {fixedFunction ? `${fixedFunction.name} · ${capability.name}` : capability.name}
        </h3>
        <button type="button" class="button button--small button--ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
      <Form
        label={`Target on ${capability.name} for every function`}
        action="Could not set the target"
        submission={sharedSubmission}
        submitLabel="Set for every function"
        successMessage="Saved."
        onSubmit={() => {
          sharedSubmission.run(setTarget(null, sharedLevel));
        }}
      >
        <SelectField
          name="level"
          label={`${capability.name}: target for every function`}
          value={sharedLevel}
          onValue={setSharedLevel}
          options={levels}
        />
      </Form>
      <Form
        label={`Override for ${functionName}`}
        action="Could not set the override"
        submission={overrideSubmission}
        submitLabel={`Override for ${functionName}`}
        successMessage="Saved."
        actions={
          override &&
          props.canClear && (
            <button
              type="button"
              class="button"
              disabled={clearing.running}
              onClick={() => {
                void confirm({
                  title: 'Remove this override?',
                  message: (
                    <p>
                      {functionName} will follow the target of every function on {capability.name} (
                      {shared ? shared.level : 'none'}). The history keeps the override.
                    </p>
                  ),
                  confirmLabel: 'Remove the override',
                }).then((answer) => {
                  if (answer)
                    clearing.run((signal) =>
                      client
                        .request(
                          clearTargetMutation,
                          {
                            input: {
                              organizationId: organization.id,
                              capabilityId: capability.id,
                              functionId,
                            },
                          },
                          signal,
                        )
                        .then((data) => data.clearTarget),
                    );
                });
              }}
            >
              Remove the override
            </button>
          )
        }
        onSubmit={() => {
          overrideSubmission.run(setTarget(functionId, overrideLevel));
        }}
      >
        {!fixedFunction && (
          <SelectField
            name="functionId"
            label="Override for the function"
            value={functionId}
            onValue={(id) => {
              setFunctionId(id);
              setOverrideLevel(overrideLevelOf(id));
            }}
            options={organization.functions.map((candidate) => ({
              value: candidate.id,
              label: candidate.name,
            }))}
          />
        )}
        <SelectField
          name="level"
          label={`${functionName} only`}
          value={overrideLevel}
          onValue={setOverrideLevel}
          options={levels}
        />
      </Form>
      {clearing.error && <ErrorNotice error={clearing.error} action="Could not remove the override" />}
    </div>
  );
}
