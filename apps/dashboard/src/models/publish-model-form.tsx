// Publishes a maturity model (or a new version of one): edited here, or uploaded as a JSON file
// that fills the form. The domain's rules check it before anything is sent, and each problem shows
// next to its field.
import { useState } from 'preact/hooks';
import type { MaturityModel } from '../api/types';
import { FieldError, FieldFrame, TextAreaField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { checkModel, parseModelFile } from './model-check';
import { asPublishInput, publishMaturityModelMutation, type ModelDraft } from './models.operations';
import { type PropertyField, PropertyFields } from './property-fields';

type LevelDraft = ModelDraft['levels'][number];
type CapabilityDraft = ModelDraft['capabilities'][number];

const MODEL_FIELDS: readonly PropertyField<ModelDraft>[] = [
  {
    property: 'id',
    label: 'Model id',
    hint: 'Publishing an existing id adds a version.',
    attributes: { required: true, spellcheck: false },
    text: (model) => model.id,
    change: (id) => ({ id }),
  },
  {
    property: 'name',
    label: 'Name',
    attributes: { required: true },
    text: (model) => model.name,
    change: (name) => ({ name }),
  },
];

const LEVEL_FIELDS: readonly PropertyField<LevelDraft>[] = [
  {
    property: 'value',
    label: 'value',
    attributes: { type: 'number', step: 1 },
    text: (level) => String(level.value),
    change: (value) => ({ value: Number(value) }),
  },
  { property: 'name', label: 'Name', text: (level) => level.name, change: (name) => ({ name }) },
  {
    property: 'description',
    label: 'Description',
    text: (level) => level.description ?? '',
    change: (description) => ({ description: description || null }),
  },
];

const CAPABILITY_FIELDS: readonly PropertyField<CapabilityDraft>[] = [
  {
    property: 'id',
    label: 'Id',
    attributes: { spellcheck: false },
    text: (capability) => capability.id,
    change: (id) => ({ id }),
  },
  { property: 'name', label: 'Name', text: (capability) => capability.name, change: (name) => ({ name }) },
  {
    property: 'dimension',
    label: 'Dimension',
    text: (capability) => capability.dimension,
    change: (dimension) => ({ dimension }),
  },
  {
    property: 'weight',
    label: 'Weight',
    attributes: { type: 'number', step: 'any' },
    text: (capability) => (capability.weight === null ? '' : String(capability.weight)),
    change: (weight) => ({ weight: weight === '' ? null : Number(weight) }),
  },
];

/** The list with one item changed. */
const changedAt = <Item,>(items: readonly Item[], index: number, change: Partial<Item>): Item[] =>
  items.map((item, at) => (at === index ? { ...item, ...change } : item));

const emptyDraft = (): ModelDraft => ({
  id: '',
  name: '',
  levels: ['Initial', 'Developing', 'Defined', 'Managed', 'Leading'].map((name, index) => ({
    value: index + 1,
    name,
    description: null,
  })),
  capabilities: [{ id: '', name: '', dimension: '', weight: 1, descriptors: null }],
});

export function draftOf(model: MaturityModel): ModelDraft {
  return {
    id: model.id,
    name: model.name,
    levels: model.levels.map(({ value, name, description }) => ({ value, name, description })),
    capabilities: model.capabilities.map(({ id, name, dimension, weight, descriptors }) => ({
      id,
      name,
      dimension,
      weight,
      descriptors: descriptors.length > 0 ? descriptors : null,
    })),
  };
}

export function PublishModelForm({
  startFrom,
  onPublished,
}: {
  startFrom: MaturityModel | null;
  onPublished: (model: MaturityModel) => void;
}) {
  const { client } = useSession();
  const [draft, setDraft] = useState<ModelDraft>(() => (startFrom ? draftOf(startFrom) : emptyDraft()));
  // One submission for both the upload's check and the publication, so the problems of either show
  // next to the same fields.
  const submission = useSubmission<MaturityModel | { checkedFile: string }>((result) => {
    if (!('checkedFile' in result)) onPublished(result);
  });
  const result = submission.result;
  const [fileName, setFileName] = useState<string | null>(null);
  const levelCount = draft.levels.length;

  const setLevel = (index: number, change: Partial<LevelDraft>) => {
    setDraft({ ...draft, levels: changedAt(draft.levels, index, change) });
  };
  const setCapability = (index: number, change: Partial<CapabilityDraft>) => {
    setDraft({ ...draft, capabilities: changedAt(draft.capabilities, index, change) });
  };

  return (
    <Form
      class="form--wide publish-model"
      label="Publish a maturity model"
      labels={{ levels: (index) => `Level ${index + 1}`, capabilities: (index) => `Capability ${index + 1}` }}
      action="Could not publish the model"
      submission={submission}
      submitLabel="Check and publish"
      busyLabel="Publishing…"
      successMessage={
        result && 'checkedFile' in result
          ? `${result.checkedFile} passes every check: review it below, then publish.`
          : 'Published.'
      }
      onSubmit={() => {
        submission.run((signal) => {
          checkModel(draft);
          return client
            .request(publishMaturityModelMutation, { input: asPublishInput(draft) }, signal)
            .then((data) => data.publishMaturityModel);
        });
      }}
    >
      <FieldFrame
        name="file"
        label="Upload a JSON file (optional)"
        hint={
          fileName
            ? `Loaded ${fileName} into the form below: check it, then publish.`
            : 'The shape of publishMaturityModel’s input: id, name, levels and capabilities. It fills the form; nothing is sent until you publish.'
        }
      >
        {(control) => (
          <input
            class="input"
            type="file"
            accept="application/json,.json"
            id={control.id}
            name={control.name}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
            disabled={control.disabled}
            ref={control.ref}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              setFileName(file.name);
              // Reading, parsing and checking the file is a submission of its own: its problems
              // show next to the fields like the api's would, and nothing is sent.
              submission.run(async () => {
                const uploaded = parseModelFile(await file.text());
                setDraft(uploaded);
                checkModel(uploaded);
                return { checkedFile: file.name };
              });
            }}
          />
        )}
      </FieldFrame>

      <div class="form__row">
        <PropertyFields
          item={draft}
          fields={MODEL_FIELDS}
          onChange={(change) => {
            setDraft({ ...draft, ...change });
          }}
        />
      </div>

      <fieldset class="publish-model__group">
        <legend class="effects__legend">Levels (1 to {levelCount})</legend>
        <FieldError name="levels" />
        {draft.levels.map((level, index) => (
          <div class="form__row publish-model__level" key={index}>
            <PropertyFields
              path={`levels[${index}].`}
              itemLabel={`Level ${index + 1}`}
              item={level}
              fields={LEVEL_FIELDS}
              onChange={(change) => {
                setLevel(index, change);
              }}
            />
          </div>
        ))}
        <div class="form__actions">
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              setDraft({
                ...draft,
                levels: [...draft.levels, { value: levelCount + 1, name: '', description: null }],
              });
            }}
          >
            Add a level
          </button>
          {levelCount > 2 && (
            <button
              type="button"
              class="button button--small"
              onClick={() => {
                setDraft({ ...draft, levels: draft.levels.slice(0, -1) });
              }}
            >
              Remove the last level
            </button>
          )}
        </div>
      </fieldset>

      <fieldset class="publish-model__group">
        <legend class="effects__legend">Capabilities</legend>
        <FieldError name="capabilities" />
        {draft.capabilities.map((capability, index) => (
          <div class="publish-model__capability" key={index} data-capability-draft={index}>
            <div class="form__row">
              <PropertyFields
                path={`capabilities[${index}].`}
                item={capability}
                fields={CAPABILITY_FIELDS}
                onChange={(change) => {
                  setCapability(index, change);
                }}
              />
            </div>
            <FieldError name={`capabilities[${index}].descriptors`} />
            <details class="publish-model__descriptors" open={capability.descriptors !== null && index < 1}>
              <summary>Descriptors, one per level {capability.descriptors ? '' : '(none yet)'}</summary>
              {Array.from({ length: levelCount }, (_, level) => (
                <TextAreaField
                  key={level}
                  name={`capabilities[${index}].descriptors[${level}]`}
                  label={`Level ${level + 1}`}
                  rows={2}
                  value={capability.descriptors?.[level] ?? ''}
                  onValue={(text) => {
                    const descriptors = Array.from({ length: levelCount }, (_unused, at) =>
                      at === level ? text : (capability.descriptors?.[at] ?? ''),
                    );
                    setCapability(index, {
                      descriptors: descriptors.every((entry) => entry === '') ? null : descriptors,
                    });
                  }}
                />
              ))}
            </details>
          </div>
        ))}
        <button
          type="button"
          class="button button--small"
          onClick={() => {
            setDraft({
              ...draft,
              capabilities: [
                ...draft.capabilities,
                { id: '', name: '', dimension: '', weight: 1, descriptors: null },
              ],
            });
          }}
        >
          Add a capability
        </button>
      </fieldset>
    </Form>
  );
}
