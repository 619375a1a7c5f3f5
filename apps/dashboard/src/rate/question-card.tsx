// One question: the levels as choices (name and this capability's descriptor), "Not sure" (saved
// like a level, with none), an evidence box saved as it is typed, and whether the answer (with that text) is saved. Native radio buttons in a fieldset: Tab reaches
// the group, the arrow keys pick a level, and a screen reader reads the legend with each choice.
import { useEffect, useId, useState } from 'preact/hooks';
import { ErasedText } from '../shared/erased-text';
import type { Question, SaveState } from './answer-queue';
import { draftWording, keptWording } from './rater-wording';

type Choice = number | 'not-sure';

interface QuestionCardProps {
  question: Question;
  number: number;
  total: number;
  /** False once the assessment is closed: the answer is shown, not asked. */
  open: boolean;
  /** An answer (level null: Not sure) kept on this device from an earlier visit, not acknowledged yet: shown as picked. */
  unsent: { level: number | null; evidence: string | null } | null;
  /** Evidence typed here with no level picked, kept on this device (draft-evidence.ts). */
  draft: string | null;
  state: SaveState | null;
  onChoose: (choice: Choice, evidence: string | null) => void;
  /** The evidence typed for the level chosen: sent once the typing pauses. */
  onType: (level: number, evidence: string | null) => void;
  /** Evidence typed with no level picked: it cannot be sent yet, so it is kept. */
  onDraft: (evidence: string | null) => void;
  onRetry: () => void;
}

export function QuestionCard({
  question,
  number,
  total,
  open,
  unsent,
  draft,
  state,
  onChoose,
  onType,
  onDraft,
  onRetry,
}: QuestionCardProps) {
  const id = useId();
  const [choice, setChoice] = useState<Choice | null>(
    unsent ? (unsent.level ?? 'not-sure') : (question.answer ?? (question.notSure ? 'not-sure' : null)),
  );
  const [evidence, setEvidence] = useState(
    (unsent ? unsent.evidence : question.answer === null ? draft : question.evidence) ?? '',
  );
  // An answer (or Not sure) loaded later (a reload after a slow start) shows when nothing was
  // picked here yet.
  useEffect(() => {
    if (choice !== null) return;
    if (question.answer !== null) setChoice(question.answer);
    else if (question.notSure) setChoice('not-sure');
  }, [question.answer, question.notSure]);
  const evidenceOrNull = (text = evidence) => (text.trim() === '' ? null : text.trim());
  // What the api holds differs from the box: typed since the last answer the api took.
  const unsavedEvidence = evidenceOrNull() !== (question.evidence ?? null);
  const heading = (
    <>
      <span class="question__number">
        Question {number} of {total}
      </span>
      <span class="question__function">{question.functionName}</span>
      <span class="question__capability">{question.capabilityName}</span>
    </>
  );

  if (!open) {
    const level = question.levels.find((candidate) => candidate.value === question.answer);
    return (
      <section
        class="question question--closed"
        aria-labelledby={`${id}-heading`}
        data-question={`${question.functionId}/${question.capabilityId}`}
      >
        <h2 id={`${id}-heading`} class="question__heading">
          {heading}
        </h2>
        {level ? (
          <p class="question__answer" data-answer={level.value}>
            <strong>
              {level.value} · {level.name}
            </strong>
            {level.description && <span class="choice__description">{level.description}</span>}
          </p>
        ) : (
          <p class="question__answer muted" data-answer="">
            {question.notSure ? 'Not sure (no answer)' : 'Not answered'}
          </p>
        )}
        {question.evidenceErased ? (
          <p class="question__evidence">
            <ErasedText what="evidence" />
          </p>
        ) : (
          question.evidence && <p class="question__evidence">“{question.evidence}”</p>
        )}
      </section>
    );
  }

  const answered = question.answer !== null;
  return (
    <fieldset
      class="question"
      // Next unanswered brings focus here (then Tab reaches its levels).
      tabIndex={-1}
      aria-describedby={`${id}-status`}
      data-question={`${question.functionId}/${question.capabilityId}`}
    >
      <legend class="question__heading">{heading}</legend>
      <div class="choices">
        {question.levels.map((level) => (
          <label key={level.value} class="choice">
            <input
              type="radio"
              name={`${id}-level`}
              value={level.value}
              checked={choice === level.value}
              onChange={() => {
                setChoice(level.value);
                onChoose(level.value, evidenceOrNull());
              }}
            />
            <span class="choice__text">
              <span class="choice__name">
                {level.value} · {level.name}
              </span>
              {level.description && <span class="choice__description">{level.description}</span>}
            </span>
          </label>
        ))}
        <label class={`choice choice--unsure${answered ? ' choice--disabled' : ''}`}>
          <input
            type="radio"
            name={`${id}-level`}
            value="not-sure"
            checked={choice === 'not-sure'}
            disabled={answered}
            aria-describedby={answered ? `${id}-unsure-hint` : undefined}
            onChange={() => {
              setChoice('not-sure');
              onChoose('not-sure', null);
            }}
          />
          <span class="choice__text">
            <span class="choice__name">Not sure</span>
            <span class="choice__description" id={`${id}-unsure-hint`}>
              {answered
                ? 'You have answered: you can change the level, not withdraw it.'
                : 'No level is recorded: the office sees you were not sure.'}
            </span>
          </span>
        </label>
      </div>
      <label class="field question__evidence-field">
        <span class="field__label">What makes you say so? (optional)</span>
        <textarea
          class="input input--area"
          rows={2}
          maxLength={10_000}
          value={evidence}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setEvidence(text);
            const pending = state?.kind === 'waiting' || state?.kind === 'saving' || state?.kind === 'kept';
            if (typeof choice !== 'number') onDraft(evidenceOrNull(text));
            else if (pending || evidenceOrNull(text) !== (question.evidence ?? null))
              onType(choice, evidenceOrNull(text));
          }}
        />
        {question.evidenceErased && evidence === '' && (
          <span class="field__hint">
            <ErasedText what="evidence" /> What you wrote before was erased; you may write it again.
          </span>
        )}
      </label>
      <p
        class="question__status"
        id={`${id}-status`}
        data-save-state={
          state?.kind === 'saved' || (state === null && (answered || question.notSure))
            ? unsavedEvidence
              ? 'unsaved'
              : 'saved'
            : (state?.kind ?? 'none')
        }
      >
        <StatusText
          state={state}
          answered={answered}
          notSure={choice === 'not-sure'}
          unsavedEvidence={unsavedEvidence}
          onRetry={onRetry}
        />
      </p>
    </fieldset>
  );
}

function StatusText({
  state,
  answered,
  notSure,
  unsavedEvidence,
  onRetry,
}: {
  state: SaveState | null;
  answered: boolean;
  notSure: boolean;
  /** Text in the evidence box that the api does not hold yet. */
  unsavedEvidence: boolean;
  onRetry: () => void;
}) {
  if (state?.kind === 'waiting') return <>Not saved yet…</>;
  if (state?.kind === 'saving') return <>Saving…</>;
  if (state?.kind === 'kept') {
    return (
      <span class="question__kept" role="status">
        {keptWording(state.error)}{' '}
        <button type="button" class="button button--small" onClick={onRetry}>
          Send now
        </button>
      </span>
    );
  }
  if (state?.kind === 'failed') {
    return (
      <span class="question__failed" role="alert">
        Not saved: {state.error.message}{' '}
        <button type="button" class="button button--small" onClick={onRetry}>
          Try again
        </button>
      </span>
    );
  }
  if (answered) return unsavedEvidence ? <>Not saved yet: what you wrote is not saved</> : <>Saved</>;
  if (unsavedEvidence) return <span class="question__draft">{draftWording(notSure)}</span>;
  if (notSure) return <>Saved: Not sure (no level recorded)</>;
  return <span class="muted">Not answered yet</span>;
}
