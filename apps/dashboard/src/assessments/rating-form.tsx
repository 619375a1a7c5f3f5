// Rates one cell of an assessment: recorded while it is open, or corrected with a reason (the
// only way a closed assessment changes). The chosen level's descriptor is shown as a hint. No level
// is chosen in advance: a default was too easily sent unread. A correction is recorded for good,
// so it asks first, and says when it adds a rating where there was none.
import { useRef, useState } from 'preact/hooks';
import type { BusinessFunction, MaturityModel, RatingSource } from '../api/types';
import { cellNames } from '../shared/cell-names';
import { useConfirm } from '../shared/confirm-dialog';
import { SelectField, TextAreaField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { useSession } from '../shell/session';
import {
  correctRatingMutation,
  recordRatingMutation,
  type AssessmentRecord,
  type RatingCell,
  type RatingRecord,
} from './assessments.operations';

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

/** "1 rating", "3 ratings"; `kind` goes before the noun ("effective"). */
export function ratingCount(count: number, kind = ''): string {
  return `${count} ${kind ? `${kind} ` : ''}${count === 1 ? 'rating' : 'ratings'}`;
}

/** The cell and rater of a rating, as the rest of a sentence: "self rating of Lending on Service recovery". */
export function describeRating(
  rating: Pick<RatingDraft, 'functionId' | 'capabilityId' | 'source' | 'respondentId'>,
  functions: readonly BusinessFunction[],
  model: MaturityModel,
): string {
  const { functionName, capabilityName } = cellNames({ functions }, model);
  return `${sourceLabels[rating.source].toLowerCase()} rating of ${functionName(rating.functionId)} on ${capabilityName(rating.capabilityId)}${rating.respondentId ? ` by ${rating.respondentId}` : ''}`;
}

/** What a correction did, for the notice shown once its form is gone. */
export interface CorrectionDone {
  description: string;
  level: number;
  /** The level it replaced; null when it added the rating. */
  previousLevel: number | null;
}

interface RatingFormProps {
  assessment: AssessmentRecord;
  functions: readonly BusinessFunction[];
  model: MaturityModel;
  mode: 'record' | 'correct';
  /** Pre-filled cell (a rating picked in the table). */
  draft?: RatingDraft;
  /** With the correction made, in correct mode. */
  onSaved: (assessment: AssessmentRecord, correction?: CorrectionDone) => void;
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
  const confirm = useConfirm();
  const [functionId, setFunctionId] = useState(draft?.functionId ?? functions[0]?.id ?? '');
  const [capabilityId, setCapabilityId] = useState(draft?.capabilityId ?? model.capabilities[0]?.id ?? '');
  const [source, setSource] = useState<RatingSource>(draft?.source ?? 'SELF');
  const [raterFunctionId, setRaterFunctionId] = useState(
    draft?.raterFunctionId ?? functions.find((candidate) => candidate.id !== functionId)?.id ?? '',
  );
  const [level, setLevel] = useState('');
  const [text, setText] = useState('');
  // What the correction being sent does, for the notice once it is recorded.
  const sending = useRef<CorrectionDone | undefined>(undefined);
  const submission = useSubmission<AssessmentRecord>((saved) => {
    setText('');
    setLevel('');
    onSaved(saved, sending.current);
  });
  const respondentId = draft?.respondentId ?? null;
  const raterOf = (candidateSource: RatingSource) => (candidateSource === 'PEER' ? raterFunctionId : null);
  // The rating this correction replaces, if there is one: otherwise the correction adds it.
  const existing: RatingRecord | undefined = assessment.ratings.find(
    (rating) =>
      rating.functionId === functionId &&
      rating.capabilityId === capabilityId &&
      rating.source === source &&
      (rating.raterFunctionId ?? null) === raterOf(source) &&
      (rating.respondentId ?? null) === respondentId,
  );
  const description = describeRating({ functionId, capabilityId, source, respondentId }, functions, model);
  const levelName = (value: number) =>
    `${value} · ${model.levels.find((candidate) => candidate.value === value)?.name ?? ''}`;
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
      successMessage={mode === 'record' ? 'Saved.' : undefined}
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
          raterFunctionId: raterOf(source),
          respondentId,
        };
        if (mode === 'record') {
          submission.run((signal) =>
            client
              .request(recordRatingMutation, { input: { ...cell, evidence: text.trim() || null } }, signal)
              .then((data) => data.recordRating),
          );
          return;
        }
        const correct = () => {
          sending.current = { description, level: cell.level, previousLevel: existing?.level ?? null };
          submission.run((signal) =>
            client
              .request(correctRatingMutation, { input: { ...cell, reason: text.trim() } }, signal)
              .then((data) => data.correctRating),
          );
        };
        // The same level again, or a blank reason, is refused by the api next to its field: nothing to ask.
        if (existing?.level === cell.level || text.trim() === '') {
          correct();
          return;
        }
        void confirm({
          title: existing ? 'Correct this rating?' : 'Add a rating by correction?',
          message: (
            <>
              {existing ? (
                <p>
                  The {description} in “{assessment.title}” changes from{' '}
                  <strong>{levelName(existing.level)}</strong> to <strong>{levelName(cell.level)}</strong>.
                </p>
              ) : (
                <p>
                  “{assessment.title}” has no {description} yet: this correction <strong>adds one</strong>, at{' '}
                  <strong>{levelName(cell.level)}</strong>, marked as added after the fact.
                </p>
              )}
              <p>Reason: “{text.trim()}”</p>
              <p>
                A correction is recorded for good: the earlier level and the reason stay on the record, in the
                clear.
              </p>
            </>
          ),
          confirmLabel: existing ? 'Correct the rating' : 'Add the rating',
          tone: 'normal',
        }).then((answer) => {
          if (answer) correct();
        });
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
      {mode === 'correct' && !fixed && (
        <p class="muted correction-target" data-testid="correction-target">
          {existing
            ? `The ${description} is now ${levelName(existing.level)}.`
            : `No ${description} yet in this assessment: this correction adds one.`}
        </p>
      )}
      <SelectField
        name="level"
        label={mode === 'correct' ? 'Correct level' : 'Level'}
        hint={descriptor ?? undefined}
        value={level}
        onValue={setLevel}
        required
        options={[
          { value: '', label: 'Choose a level…' },
          ...model.levels.map((candidate) => ({
            value: String(candidate.value),
            label: `${candidate.value} · ${candidate.name}`,
          })),
        ]}
      />
      {mode === 'record' ? (
        <TextAreaField name="evidence" label="Evidence (optional)" value={text} onValue={setText} rows={2} />
      ) : (
        <TextAreaField
          name="reason"
          label="Reason for the correction"
          hint="Stays in the history in the clear, and erasing personal data does not reach it: write what changed or a reference (e.g. ticket 2026-41), never a person’s name."
          value={text}
          onValue={setText}
          rows={2}
          required
        />
      )}
    </Form>
  );
}
