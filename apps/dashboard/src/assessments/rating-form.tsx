// Rates one cell of an assessment: recorded while it is open, or corrected with a reason (the
// only way a closed assessment changes). The chosen level's descriptor is shown as a hint.
import { useState } from 'preact/hooks';
import type { Assessment, BusinessFunction, MaturityModel, RatingSource } from '../api/types';
import { SelectField, TextAreaField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import { correctRatingMutation, recordRatingMutation, type RatingCell } from './assessments.operations';

export const sourceLabels: Record<RatingSource, string> = {
  SELF: 'Self',
  PEER: 'Peer',
  CUSTOMER: 'Customer',
  AUDIT: 'Audit',
};

export interface RatingDraft {
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  /** The person whose rating a correction replaces; null or absent: the group as one. */
  respondentId?: string | null;
  level: number;
}

interface RatingFormProps {
  assessment: Assessment;
  functions: readonly BusinessFunction[];
  model: MaturityModel;
  mode: 'record' | 'correct';
  /** Pre-filled cell (a rating picked in the table). */
  draft?: RatingDraft;
  onSaved: (assessment: Assessment) => void;
  onCancel?: () => void;
}

export function RatingForm({
  assessment,
  functions,
  model,
  mode,
  draft,
  onSaved,
  onCancel,
}: RatingFormProps) {
  const { client } = useSession();
  const [functionId, setFunctionId] = useState(draft?.functionId ?? functions[0]?.id ?? '');
  const [capabilityId, setCapabilityId] = useState(draft?.capabilityId ?? model.capabilities[0]?.id ?? '');
  const [source, setSource] = useState<RatingSource>(draft?.source ?? 'SELF');
  const [raterFunctionId, setRaterFunctionId] = useState(
    draft?.raterFunctionId ?? functions.find((candidate) => candidate.id !== functionId)?.id ?? '',
  );
  const [level, setLevel] = useState(String(draft?.level ?? model.levels[0]?.value ?? 1));
  const [text, setText] = useState('');
  const submission = useSubmission<Assessment>((saved) => {
    setText('');
    onSaved(saved);
  });
  const capability = model.capabilities.find((candidate) => candidate.id === capabilityId);
  const levelIndex = model.levels.findIndex((candidate) => String(candidate.value) === level);
  const descriptor = capability?.descriptors[levelIndex] ?? model.levels[levelIndex]?.description ?? null;
  const functionOptions = functions.map((candidate) => ({ value: candidate.id, label: candidate.name }));
  const fixed = draft !== undefined;

  return (
    <Form
      label={mode === 'record' ? 'Record a rating' : 'Correct a rating'}
      action={mode === 'record' ? 'Could not record the rating' : 'Could not correct the rating'}
      submission={submission}
      submitLabel={mode === 'record' ? 'Record the rating' : 'Correct the rating'}
      busyLabel="Saving…"
      successMessage="Saved."
      actions={
        onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
        )
      }
      onSubmit={() => {
        const cell: RatingCell = {
          assessmentId: assessment.id,
          functionId,
          capabilityId,
          level: Number(level),
          source,
          raterFunctionId: source === 'PEER' ? raterFunctionId : null,
          respondentId: draft?.respondentId ?? null,
        };
        submission.run((signal) =>
          mode === 'record'
            ? client
                .request(recordRatingMutation, { input: { ...cell, evidence: text.trim() || null } }, signal)
                .then((data) => data.recordRating)
            : client
                .request(correctRatingMutation, { input: { ...cell, reason: text.trim() } }, signal)
                .then((data) => data.correctRating),
        );
      }}
    >
      {!fixed && (
        <div class="form__row">
          <SelectField
            name="functionId"
            label="Function rated"
            value={functionId}
            onValue={setFunctionId}
            options={functionOptions}
          />
          <SelectField
            name="capabilityId"
            label="Capability"
            value={capabilityId}
            onValue={setCapabilityId}
            options={model.capabilities.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          />
        </div>
      )}
      {!fixed && (
        <div class="form__row">
          <SelectField
            name="source"
            label="Source"
            value={source}
            onValue={(value) => {
              setSource(value as RatingSource);
            }}
            options={(Object.keys(sourceLabels) as RatingSource[]).map((value) => ({
              value,
              label: sourceLabels[value],
            }))}
          />
          {source === 'PEER' && (
            <SelectField
              name="raterFunctionId"
              label="Rated by (function)"
              value={raterFunctionId}
              onValue={setRaterFunctionId}
              options={functionOptions}
            />
          )}
        </div>
      )}
      <SelectField
        name="level"
        label="Level"
        hint={descriptor ?? undefined}
        value={level}
        onValue={setLevel}
        options={model.levels.map((candidate) => ({
          value: String(candidate.value),
          label: `${candidate.value} · ${candidate.name}`,
        }))}
      />
      {mode === 'record' ? (
        <TextAreaField name="evidence" label="Evidence (optional)" value={text} onValue={setText} rows={2} />
      ) : (
        <TextAreaField
          name="reason"
          label="Reason for the correction"
          hint="Stays on the record with the correction."
          value={text}
          onValue={setText}
          rows={2}
          required
        />
      )}
    </Form>
  );
}
