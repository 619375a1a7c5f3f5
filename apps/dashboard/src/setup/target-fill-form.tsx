// Many targets at once: one level for every cell, a capability's column or a function's row, in one
// setTargets call (all or nothing). The confirmation says how many cells change and what happens
// to the functions' own targets there.
import { useState } from 'preact/hooks';
import type { MaturityModel, Organization } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { CheckboxField, SelectField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { setTargetsMutation } from './setup.operations';
import { type FillScope, planTargetFill, type TargetFill } from './target-fill';

interface TargetFillFormProps {
  organization: Organization;
  model: MaturityModel;
  onChanged: (organization: Organization) => void;
}

type ScopeKind = FillScope['kind'];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function TargetFillForm({ organization, model, onChanged }: TargetFillFormProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  const submission = useSubmission<Organization>(onChanged);
  const [kind, setKind] = useState<ScopeKind>('every');
  const [capabilityId, setCapabilityId] = useState(model.capabilities[0]?.id ?? '');
  const [functionId, setFunctionId] = useState(organization.functions[0]?.id ?? '');
  const [level, setLevel] = useState(String(model.levels.at(-2)?.value ?? 1));
  const [replaceOverrides, setReplaceOverrides] = useState(false);

  const scope: FillScope =
    kind === 'capability'
      ? { kind, capabilityId }
      : kind === 'function'
        ? { kind, functionId }
        : { kind: 'every' };
  const grid = {
    functionIds: organization.functions.map((candidate) => candidate.id),
    capabilityIds: model.capabilities.map((capability) => capability.id),
    targets: organization.targets,
  };
  const fill = planTargetFill(grid, scope, Number(level), replaceOverrides);
  const where =
    kind === 'capability'
      ? `${model.capabilities.find((capability) => capability.id === capabilityId)?.name ?? capabilityId} for every function`
      : kind === 'function'
        ? `every capability of ${organization.functions.find((candidate) => candidate.id === functionId)?.name ?? functionId}`
        : 'every cell';

  return (
    <div class="target-fill" role="region" aria-label="Fill many targets">
      <h3 class="panel-form__title">Fill many targets</h3>
      <Form
        label="Fill many targets"
        action="Could not set the targets"
        submission={submission}
        submitLabel="Fill…"
        successMessage="Saved."
        onSubmit={() => {
          void confirm({
            title: `Set target ${level} on ${where}?`,
            message: <FillSummary fill={fill} level={level} />,
            confirmLabel: `Set ${plural(fill.cells, 'cell', 'cells')} to ${level}`,
          }).then((answer) => {
            if (!answer) return;
            submission.run((signal) =>
              client
                .request(
                  setTargetsMutation,
                  {
                    input: {
                      organizationId: organization.id,
                      targets: fill.targets,
                      replaceOverrides: fill.replaceOverrides,
                    },
                  },
                  signal,
                )
                .then((data) => data.setTargets),
            );
          });
        }}
      >
        <SelectField
          name="scope"
          label="Fill"
          value={kind}
          onValue={(value) => {
            setKind(value as ScopeKind);
          }}
          options={[
            { value: 'every', label: 'Every cell' },
            { value: 'capability', label: 'A column (capability)' },
            { value: 'function', label: 'A row (function)' },
          ]}
        />
        {kind === 'capability' && (
          <SelectField
            name="capabilityId"
            label="Capability"
            value={capabilityId}
            onValue={setCapabilityId}
            options={model.capabilities.map((capability) => ({
              value: capability.id,
              label: capability.name,
            }))}
          />
        )}
        {kind === 'function' && (
          <SelectField
            name="functionId"
            label="Function"
            value={functionId}
            onValue={setFunctionId}
            options={organization.functions.map((candidate) => ({
              value: candidate.id,
              label: candidate.name,
            }))}
          />
        )}
        <SelectField
          name="level"
          label="Target"
          value={level}
          onValue={setLevel}
          options={model.levels.map((candidate) => ({
            value: String(candidate.value),
            label: `${candidate.value} · ${candidate.name}`,
          }))}
        />
        {kind !== 'function' && (
          <CheckboxField
            name="replaceOverrides"
            label="Replace the functions' own targets too"
            hint={`${plural(fill.overrides, 'cell has', 'cells have')} one here.`}
            checked={replaceOverrides}
            onChecked={setReplaceOverrides}
          />
        )}
      </Form>
    </div>
  );
}

function FillSummary({ fill, level }: { fill: TargetFill; level: string }) {
  return (
    <>
      <p>
        This changes {plural(fill.changedCells, 'cell', 'cells')} of {fill.cells}
        {fill.changedCells === 0 ? ': they show this target already' : ''}.
      </p>
      <p>
        {fill.overrides === 0
          ? 'No function has its own target here.'
          : `${plural(fill.overrides, "cell has its function's own target", "cells have their function's own target")}: ${
              fill.overridesReplaced
                ? `replaced by ${level}.`
                : "kept (tick “Replace the functions' own targets too” to replace them)."
            }`}
      </p>
      <p>The history keeps the earlier targets.</p>
    </>
  );
}
