// Assessments (assessors): open a cycle, see its ratings, record or correct them, close it.
import { useMemo, useState } from 'preact/hooks';
import { ErrorNotice } from '../shared/error-notice';
import { formatDate } from '../shared/format';
import { useRecords } from '../shared/use-records';
import { useSession } from '../shell/session';
import type { OrganizationWorkspace } from '../shell/workspace';
import { AssessmentDetail } from './assessment-detail';
import { assessmentTwinIds } from './assessment-twins';
import { assessmentsQuery, type AssessmentRecord, type AssessmentSummary } from './assessments.operations';
import { OpenAssessmentForm } from './open-assessment-form';
import { ratingCount } from './rating-form';
import { useChosenAssessment } from './use-chosen-assessment';
import './assessments.css';

export function AssessmentsScreen({ organization, model }: OrganizationWorkspace) {
  const session = useSession();
  const records = useRecords(organization.id, (signal) =>
    session.client
      .request(assessmentsQuery, { organizationId: organization.id }, signal)
      .then((data) => data.assessments),
  );
  const assessments = useMemo(
    () => [...(records.items ?? [])].sort((a, b) => Date.parse(b.periodEnd) - Date.parse(a.periodEnd)),
    [records.items],
  );
  const twins = useMemo(() => assessmentTwinIds(assessments), [assessments]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Without a choice, the latest cycle that still counts: a withdrawn one is never the current cycle.
  // Someone who cannot rate (an auditor, a planner) has nothing to read in a cycle with no rating
  // yet: they start on the latest one with ratings.
  const counting = assessments.filter((assessment) => assessment.status !== 'WITHDRAWN');
  const readsOnly = !session.can('recordRating');
  const selected =
    assessments.find((assessment) => assessment.id === selectedId) ??
    (readsOnly ? counting.find((assessment) => assessment.ratingCount > 0) : undefined) ??
    counting[0] ??
    assessments[0] ??
    null;
  const chosen = useChosenAssessment(selected?.id ?? null);
  const onChanged = (assessment: AssessmentRecord) => {
    records.put(summaryOf(assessment));
    chosen.put(assessment);
    setSelectedId(assessment.id);
  };
  // Raters' answers or an erasure changed it: the list's count and the chosen one's ratings.
  const readAgain = () => {
    records.reload();
    chosen.reload();
  };
  // After opening one, the keyboard goes on from its title (its raters, its import), not from the top.
  const [openedId, setOpenedId] = useState<string | null>(null);
  const onOpened = (assessment: AssessmentRecord) => {
    onChanged(assessment);
    setOpenedId(assessment.id);
  };

  return (
    <div class="screen" data-testid="assessments-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">Assessments of {organization.name}</h1>
          <p class="page__purpose">
            Each cycle rates every function on every capability for a period. Closed cycles change only
            through a correction with a reason; a cycle opened by mistake is withdrawn.
          </p>
        </div>
      </header>
      {records.error && (
        <ErrorNotice error={records.error} action="Could not load the assessments" onRetry={records.reload} />
      )}
      <div class="assessments">
        <div class="assessments__side">
          <section class="card" aria-labelledby="assessment-list-title">
            <h2 id="assessment-list-title" class="card__title">
              Cycles
            </h2>
            {records.items === null && !records.error && (
              <div class="skeleton skeleton--list" aria-busy="true" />
            )}
            {records.items && assessments.length === 0 && <p class="muted">No assessment yet.</p>}
            <ul class="assessment-list">
              {assessments.map((assessment) => (
                <li key={assessment.id}>
                  <button
                    type="button"
                    class={`assessment-list__item assessment-list__item--${assessment.status.toLowerCase()}`}
                    aria-pressed={assessment === selected}
                    data-assessment={assessment.id}
                    onClick={() => {
                      setSelectedId(assessment.id);
                      setOpenedId(null);
                    }}
                  >
                    <span class="assessment-list__title">{assessment.title}</span>
                    <span class="assessment-list__meta">
                      <span class={`badge badge--${assessment.status.toLowerCase()}`}>
                        {assessment.status}
                      </span>{' '}
                      period ending {formatDate(assessment.periodEnd)} ·{' '}
                      {assessment.status === 'WITHDRAWN'
                        ? `withdrawn${assessment.withdrawnAt ? ` ${formatDate(assessment.withdrawnAt)}` : ''}, counts nowhere`
                        : ratingCount(assessment.ratingCount)}
                      {twins.has(assessment.id) && ` · id ${assessment.id}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {session.can('openAssessment') && (
            <section class="card" aria-labelledby="open-assessment-title">
              <h2 id="open-assessment-title" class="card__title">
                Open an assessment
              </h2>
              <OpenAssessmentForm
                organizationId={organization.id}
                assessments={assessments}
                onOpened={onOpened}
              />
            </section>
          )}
        </div>
        {selected && chosen.record && (
          <AssessmentDetail
            key={selected.id}
            assessment={chosen.record}
            organization={organization}
            model={model}
            onChanged={onChanged}
            onAnswered={readAgain}
            onErased={readAgain}
            focusTitle={selected.id === openedId}
          />
        )}
        {selected && !chosen.record && (
          <section
            class="card assessment-detail"
            aria-labelledby="assessment-title"
            aria-busy={chosen.error === null}
            data-assessment-loading={selected.id}
          >
            <h2 id="assessment-title" class="card__title">
              {selected.title}
            </h2>
            {chosen.error ? (
              <ErrorNotice error={chosen.error} action="Could not load its ratings" onRetry={chosen.reload} />
            ) : (
              <>
                <p class="card__subtitle">Loading its {ratingCount(selected.ratingCount)}…</p>
                <div class="skeleton skeleton--list" />
              </>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

/** What the list keeps of an assessment a mutation answered (not its ratings). */
function summaryOf({ ratings: _ratings, ...summary }: AssessmentRecord): AssessmentSummary {
  return summary;
}
