// One assessment: its ratings (a corrected one says from which level and why), a form to record
// (open) or correct (with a reason, confirmed) a rating, and closing it, which asks first because it
// cannot be undone, saying how many invited raters have not finished. Admins also erase personal text here:
// one rating's evidence, or everything a person gave (both ask first, and cannot be undone).
import { useEffect, useRef, useState } from 'preact/hooks';
import { CampaignPanel } from '../campaigns/campaign-panel';
import { answerCounts } from '../campaigns/answer-counts';
import type { MaturityModel, Organization } from '../api/types';
import { ImportRatings } from './import-ratings';
import { useConfirm } from '../shared/confirm-dialog';
import { ErasedText } from '../shared/erased-text';
import { ErrorNotice } from '../shared/error-notice';
import { ForgetRespondentForm, type PickedRespondent } from '../personal-data/forget-respondent-form';
import { useRedactEvidence } from '../personal-data/use-redact-evidence';
import { useSubmission } from '../shared/forms/submission';
import { formatDate } from '../shared/format';
import { cellNames } from '../shared/cell-names';
import { ScrollRegion } from '../shared/scroll-region';
import { SelectField } from '../shared/forms/fields';
import { useCopy } from '../shared/use-copy';
import { useSession } from '../shell/session';
import { campaignProgressQuery, type CampaignProgress } from '../campaigns/campaigns.operations';
import { closeAssessmentMutation, type AssessmentRecord, type RatingRecord } from './assessments.operations';
import { WithdrawAssessment, WithdrawalNotice } from './withdraw-assessment';
import { WithheldRatingsNote } from './withheld-ratings-note';
import {
  describeRating,
  RatingForm,
  ratingCount,
  sourceLabels,
  type CorrectionDone,
  type RatingDraft,
} from './rating-form';
import { functionsInPlace } from '../shared/functions-in-place';

/** Rows of the ratings table rendered at a time. */
const RATINGS_PAGE = 200;

interface AssessmentDetailProps {
  assessment: AssessmentRecord;
  organization: Organization;
  model: MaturityModel;
  onChanged: (assessment: AssessmentRecord) => void;
  /** Raters' answers arrived (they are ratings): the assessment should be read again. */
  onAnswered?: () => void;
  /** Personal text was erased: the assessment should be read again. */
  onErased?: () => void;
  /** Just opened on this page: keyboard focus moves to its title, not back to the top of the page. */
  focusTitle?: boolean;
}

export function AssessmentDetail({
  assessment,
  organization,
  model,
  onChanged,
  onAnswered,
  onErased,
  focusTitle = false,
}: AssessmentDetailProps) {
  const session = useSession();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) title.current?.focus();
  }, [focusTitle]);
  const confirm = useConfirm();
  const closing = useSubmission<AssessmentRecord>(onChanged);
  const [correcting, setCorrecting] = useState<RatingDraft | null>(null);
  // The correction form opens below the whole table, thousands of pixels from a row far up: it is
  // brought into view with focus on its first field, and focus goes back to the row's Correct when
  // it is saved or cancelled.
  const correctionForm = useRef<HTMLDivElement>(null);
  const rowsTable = useRef<HTMLTableSectionElement>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const correctingKey = correcting && ratingKey(correcting);
  useEffect(() => {
    const region = correctionForm.current;
    if (!correctingKey || !region) return;
    region.scrollIntoView({ block: 'start' });
    region.querySelector<HTMLElement>('select, input, textarea')?.focus({ preventScroll: true });
  }, [correctingKey]);
  useEffect(() => {
    if (correctingKey || returnTo === null) return;
    const button = [...(rowsTable.current?.querySelectorAll<HTMLElement>('[data-correct]') ?? [])].find(
      (candidate) => candidate.dataset.correct === returnTo,
    );
    button?.scrollIntoView({ block: 'center' });
    button?.focus({ preventScroll: true });
    setReturnTo(null);
  }, [correctingKey, returnTo]);
  const [functionShown, setFunctionShown] = useState('');
  const [rowsShown, setRowsShown] = useState(RATINGS_PAGE);
  // Said once a correction is recorded: its form is gone by then.
  const [corrected, setCorrected] = useState<CorrectionDone | null>(null);
  const afterCorrection = (saved: AssessmentRecord, correction?: CorrectionDone) => {
    setCorrecting(null);
    setCorrected(correction ?? null);
    onChanged(saved);
  };
  const open = assessment.status === 'OPEN';
  const { functionName, capabilityName } = cellNames(organization, model);
  const canRecord = open && session.can('recordRating');
  const canImport = open && session.can('recordRatings');
  // A withdrawn assessment takes nothing more: no rating, correction or invitation.
  const withdrawn = assessment.status === 'WITHDRAWN';
  const canCorrect = !withdrawn && session.can('correctRating');
  const canRedact = session.can('redactEvidence');
  // Counts people forgotten, so the raters panel reads the invitations' labels again after each
  // (erasing one rating's evidence leaves every label as it was).
  const [forgottenCount, setForgottenCount] = useState(0);
  const afterForgetting = () => {
    setForgottenCount((count) => count + 1);
    onErased?.();
  };
  const [redacting, askToRedact] = useRedactEvidence(() => onErased?.());
  const canForget = session.can('forgetRespondent');
  const [picked, setPicked] = useState<PickedRespondent | null>(null);
  const hasActions = canCorrect || canRedact;

  // The Raters panel's last progress read: closing names the unfinished raters from it.
  const [heldProgress, setHeldProgress] = useState<{
    assessmentId: string;
    progress: CampaignProgress;
  } | null>(null);
  const close = async () => {
    // Who has not answered yet, as the Raters panel counts them; read here only when the panel holds
    // nothing yet (still loading, or it failed), and without it the dialog still asks.
    const progress =
      heldProgress?.assessmentId === assessment.id
        ? heldProgress.progress
        : await session.client
            .request(campaignProgressQuery, { assessmentId: assessment.id })
            .then((data) => data.campaignProgress)
            .catch(() => null);
    const count = assessment.ratingCount;
    const answer = await confirm({
      title: `Close “${assessment.title}”?`,
      message: (
        <>
          {progress && <UnansweredWarning progress={progress} />}
          <p>
            {count === 0
              ? 'It has no ratings: it will be the record for the period ending'
              : `Its ${ratingCount(count)} ${count === 1 ? 'becomes' : 'become'} the record for the period ending`}{' '}
            {formatDate(assessment.periodEnd)}.
          </p>
          <p>
            Closing cannot be undone: afterwards a rating changes only through a correction with a reason, and
            raters’ links show their answers read-only.
          </p>
        </>
      ),
      confirmLabel: 'Close the assessment',
    });
    if (answer)
      closing.run((signal) =>
        session.client
          .request(closeAssessmentMutation, { assessmentId: assessment.id }, signal)
          .then((data) => data.closeAssessment),
      );
  };

  const describe = (rating: RatingRecord) => describeRating(rating, organization.functions, model);

  const ratings = [...assessment.ratings].sort(
    (a, b) =>
      functionName(a.functionId).localeCompare(functionName(b.functionId)) ||
      capabilityName(a.capabilityId).localeCompare(capabilityName(b.capabilityId)),
  );
  // A survey cycle holds thousands of ratings: the table shows one function's, or a page at a time.
  const large = ratings.length > RATINGS_PAGE;
  const listed =
    functionShown === '' ? ratings : ratings.filter((rating) => rating.functionId === functionShown);
  const shownRatings = listed.slice(0, rowsShown);
  const ratedFunctions = [...new Set(ratings.map((rating) => rating.functionId))];

  return (
    <section
      class="card assessment-detail"
      aria-labelledby="assessment-title"
      data-assessment-detail={assessment.id}
    >
      <header class="assessment-detail__header">
        <div>
          <h2 id="assessment-title" class="card__title" tabIndex={-1} ref={title}>
            {assessment.title}
          </h2>
          <p class="card__subtitle">
            <span class={`badge badge--${assessment.status.toLowerCase()}`} data-testid="assessment-status">
              {assessment.status}
            </span>{' '}
            period ending {formatDate(assessment.periodEnd)} ·{' '}
            {ratingCount(assessment.ratingCount, 'effective')}
          </p>
          <AssessmentId key={assessment.id} id={assessment.id} />
        </div>
        {open && session.can('closeAssessment') && (
          <button type="button" class="button" disabled={closing.running} onClick={() => void close()}>
            {closing.running ? 'Closing…' : 'Close the assessment'}
          </button>
        )}
        <WithdrawAssessment assessment={assessment} onWithdrawn={onChanged} />
      </header>
      <WithdrawalNotice assessment={assessment} />
      {closing.error && <ErrorNotice error={closing.error} action="Could not close the assessment" />}
      <CampaignPanel
        assessment={assessment}
        organization={organization}
        model={model}
        onAnswered={onAnswered}
        refresh={forgottenCount}
        onProgress={(progress) => {
          setHeldProgress({ assessmentId: assessment.id, progress });
        }}
        onForget={
          canForget
            ? (invitation) => {
                setPicked((previous) => ({
                  respondentId: invitation.respondentId,
                  person: {
                    label: invitation.label,
                    source: invitation.source,
                    answered: invitation.answered,
                    assessmentTitle: assessment.title,
                  },
                  count: (previous?.count ?? 0) + 1,
                }));
              }
            : undefined
        }
      />
      {redacting.error && (
        <ErrorNotice
          error={redacting.error}
          action="Could not erase the evidence"
          labels={{ reason: 'Reason' }}
        />
      )}
      {corrected && (
        <p class="notice" role="status" data-testid="correction-notice">
          Corrected: the {corrected.description} is now {corrected.level}
          {corrected.previousLevel === null
            ? ' (added: there was none).'
            : ` (was ${corrected.previousLevel}).`}{' '}
          The correction and its reason are on the record.
        </p>
      )}

      {ratings.length === 0 ? (
        assessment.ratingsWithheld.length === 0 && <p class="muted">No ratings yet.</p>
      ) : (
        <>
          {large && (
            <div class="ratings-filter">
              <SelectField
                name="ratingsOfFunction"
                label="Ratings of"
                inline
                value={functionShown}
                onValue={(value) => {
                  setFunctionShown(value);
                  setRowsShown(RATINGS_PAGE);
                }}
                options={[
                  { value: '', label: `Every function (${ratings.length} ratings)` },
                  ...ratedFunctions.map((functionId) => ({
                    value: functionId,
                    label: `${functionName(functionId)} (${ratings.filter((rating) => rating.functionId === functionId).length})`,
                  })),
                ]}
              />
            </div>
          )}
          <ScrollRegion label={`Ratings of ${assessment.title}`}>
            <table class="table table--cards">
              <thead>
                <tr>
                  <th scope="col">Function</th>
                  <th scope="col">Capability</th>
                  <th scope="col">Source</th>
                  <th scope="col" class="table__number">
                    Level
                  </th>
                  <th scope="col">Evidence</th>
                  {hasActions && (
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody ref={rowsTable}>
                {shownRatings.map((rating) => (
                  <tr
                    key={ratingKey(rating)}
                    data-rating={`${rating.functionId}:${rating.capabilityId}:${rating.source}`}
                  >
                    <td>{functionName(rating.functionId)}</td>
                    <td data-label="Capability">{capabilityName(rating.capabilityId)}</td>
                    <td data-label="Source">
                      {sourceLabels[rating.source]}
                      {rating.raterFunctionId && (
                        <span class="muted"> by {functionName(rating.raterFunctionId)}</span>
                      )}
                      {rating.respondentId && <span class="muted"> · {rating.respondentId}</span>}
                    </td>
                    <td class="table__number" data-label="Level">
                      {rating.level}
                      {rating.correction && (
                        <span class="rating-corrected__mark">
                          {rating.correction.previousLevel === null
                            ? ' added'
                            : ` was ${rating.correction.previousLevel}`}
                        </span>
                      )}
                    </td>
                    <td data-label="Evidence">
                      {rating.evidenceErased ? (
                        <ErasedText what="evidence" />
                      ) : (
                        (rating.evidence ?? <span class="muted">—</span>)
                      )}
                      {rating.correction && (
                        <p class="rating-corrected" data-testid="rating-correction">
                          {rating.correction.previousLevel === null
                            ? 'Added by a correction'
                            : `Corrected from ${rating.correction.previousLevel} to ${rating.level}`}{' '}
                          on {formatDate(rating.correction.correctedAt)}: “{rating.correction.reason}”
                        </p>
                      )}
                    </td>
                    {hasActions && (
                      <td class="table__action">
                        <div class="rating-actions">
                          {canCorrect && (
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Correct the ${describe(rating)}`}
                              data-correct={ratingKey(rating)}
                              onClick={() => {
                                setCorrected(null);
                                setReturnTo(ratingKey(rating));
                                setCorrecting({ ...rating });
                              }}
                            >
                              Correct
                            </button>
                          )}
                          {canRedact && rating.evidence !== null && !rating.evidenceErased && (
                            <button
                              type="button"
                              class="button button--small button--danger"
                              disabled={redacting.running}
                              aria-label={`Erase evidence of the ${describe(rating)}`}
                              onClick={() => {
                                askToRedact(
                                  {
                                    assessmentId: assessment.id,
                                    functionId: rating.functionId,
                                    capabilityId: rating.capabilityId,
                                    source: rating.source,
                                    raterFunctionId: rating.raterFunctionId,
                                    respondentId: rating.respondentId,
                                  },
                                  `the ${describe(rating)}`,
                                );
                              }}
                            >
                              Erase evidence
                            </button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {listed.length > shownRatings.length && (
            <p class="ratings-more" data-testid="ratings-more">
              <span class="muted">
                {shownRatings.length} of {listed.length} ratings shown.
              </span>{' '}
              <button
                type="button"
                class="button button--small"
                onClick={() => {
                  setRowsShown((shown) => shown + RATINGS_PAGE);
                }}
              >
                Show {Math.min(RATINGS_PAGE, listed.length - shownRatings.length)} more
              </button>
            </p>
          )}
        </>
      )}
      <WithheldRatingsNote withheld={assessment.ratingsWithheld} />
      {ratings.some((rating) => rating.evidenceErased) && (
        <p class="muted" data-testid="erased-footnote">
          <span class="erased">Erased</span>: the evidence was erased to protect personal data (its author was
          forgotten, or a wrong paste was redacted); the level stays and still counts.
        </p>
      )}

      {correcting && (
        <div class="panel-form" role="region" aria-label="Correct a rating" ref={correctionForm}>
          <h3 class="panel-form__title">
            Correct: {functionName(correcting.functionId)} · {capabilityName(correcting.capabilityId)} ·{' '}
            {sourceLabels[correcting.source]}
            {correcting.raterFunctionId && ` by ${functionName(correcting.raterFunctionId)}`}
            {correcting.respondentId && ` · ${correcting.respondentId}`}
          </h3>
          <p class="card__subtitle">Now {correcting.level}. Choose the level it should be, and say why.</p>
          <RatingForm
            key={ratingKey(correcting)}
            assessment={assessment}
            functions={organization.functions}
            model={model}
            mode="correct"
            draft={correcting}
            onSaved={afterCorrection}
            onCancel={() => {
              setCorrecting(null);
            }}
          />
        </div>
      )}
      {!correcting && (canRecord || (!open && canCorrect)) && organization.functions.length > 0 && (
        <div class="panel-form">
          <h3 class="panel-form__title">
            {canRecord ? 'Record a rating' : 'Correct a rating (with a reason)'}
          </h3>
          <RatingForm
            assessment={assessment}
            functions={
              canRecord
                ? functionsInPlace(organization.functions, assessment.periodEnd)
                : organization.functions
            }
            model={model}
            mode={canRecord ? 'record' : 'correct'}
            onSaved={afterCorrection}
          />
        </div>
      )}
      {!correcting && canImport && organization.functions.length > 0 && (
        <ImportRatings assessment={assessment} functions={organization.functions} onImported={onChanged} />
      )}
      {canForget && (
        <section class="panel-form" aria-labelledby="personal-data-title" data-testid="personal-data">
          <h3 id="personal-data-title" class="panel-form__title">
            Personal data: forget a person
          </h3>
          <p class="card__subtitle">
            When someone asks to be forgotten, their evidence and invitation labels are erased in every
            assessment of {organization.name}; their levels stay. To erase one wrong paste only, use Erase
            evidence on its rating.
          </p>
          <ForgetRespondentForm
            organizationId={organization.id}
            organizationName={organization.name}
            picked={picked}
            onForgotten={afterForgetting}
          />
        </section>
      )}
    </section>
  );
}

/** One rating's place in the table: its cell, source, rater function and person. */
function ratingKey(rating: RatingDraft): string {
  return `${rating.functionId}:${rating.capabilityId}:${rating.source}:${rating.raterFunctionId ?? ''}:${rating.respondentId ?? ''}`;
}

/**
 * Invited raters who have not finished (answered or Not sure on every question): what they leave
 * will be missing, and their links stop taking answers. Not sure is no answer, but nothing to chase.
 */
function UnansweredWarning({ progress }: { progress: CampaignProgress }) {
  const unfinished = progress.invited - progress.finished;
  if (progress.invited === 0 || unfinished === 0) return null;
  // started counts raters with an answer: exact as "not started" only while nobody chose Not sure.
  const notStarted = progress.notSure === 0 ? progress.invited - progress.started : 0;
  return (
    <p class="notice notice--warning" data-testid="close-unanswered">
      <strong>
        {unfinished} of {progress.invited} invited {progress.invited === 1 ? 'rater has' : 'raters have'} not
        finished
      </strong>
      {notStarted > 0 && ` (${notStarted} not started)`}: {answerCounts(progress)} of {progress.expected}{' '}
      {progress.expected === 1 ? 'question' : 'questions'}. Their links stop taking answers once the
      assessment is closed.
    </p>
  );
}

/** The id the cli and the api ask for (`campaign --assessment`, `import --assessment`), with a copy button. */
function AssessmentId({ id }: { id: string }) {
  const { copied, copy } = useCopy<'id'>();
  return (
    <p class="assessment-detail__id">
      <span class="muted">Id for the cli and the api:</span> <code data-testid="assessment-id">{id}</code>{' '}
      <button
        type="button"
        class="button button--small button--ghost"
        onClick={() => {
          copy('id', id);
        }}
      >
        {copied === 'id' ? 'Id copied' : 'Copy id'}
      </button>
    </p>
  );
}
