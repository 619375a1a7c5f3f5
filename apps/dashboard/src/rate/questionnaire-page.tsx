// The rater's questionnaire: who asks and for which period, whose questions these are, one
// question per function and capability (each level's name and this capability's descriptor for
// it, "not sure", evidence), each answer saved at once, progress with a jump to the next question
// left (no answer, no Not sure); once the assessment closes, a
// read-only thank-you; once it is withdrawn, only a message that the link stopped. Another link pasted into the tab loads that link's questionnaire afresh.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type ApiError, createApiClient } from '../api/client';
import { formatDate } from '../shared/format';
import { useRequest } from '../shared/use-request';
import { cellOf, type Questionnaire, TYPING_SETTLE_MS, useAnswerQueue } from './answer-queue';
import { QuestionCard } from './question-card';
import { questionnaireQuery } from './rate.operations';
import { takeDeviceNotSure } from './not-sure';
import {
  closedWording,
  keptFooter,
  linkRefusal,
  loadFailure,
  subjectLine,
  waitingToBeSent,
} from './rater-wording';
import { readUnsent, type UnsentAnswer } from './unsent-answers';
import { useDraftEvidence } from './draft-evidence';
import { WhoReadsAnswers } from './who-reads-answers';

export function QuestionnairePage({ token }: { token: string | null }) {
  if (token === null) {
    return (
      <Frame>
        <section class="rate-message" data-testid="rate-no-link">
          <h1 class="rate-message__title">Open the link from your invitation</h1>
          <p>
            This page shows your questionnaire when you open it with the personal link you were sent. Copy the
            whole link into the address bar, or ask the assessment office to send it again.
          </p>
        </section>
      </Frame>
    );
  }
  // Keyed by the link: another person's link starts from nothing of the previous one (its
  // answers, its queue of unsent answers, its client).
  return <SignedQuestionnaire key={token} token={token} />;
}

function SignedQuestionnaire({ token }: { token: string }) {
  // keepalive: an answer sent as the page is closed or reloaded still arrives.
  const client = useMemo(() => createApiClient(token, '/graphql', { keepalive: true }), [token]);
  const [attempt, setAttempt] = useState(0);
  const loaded = useRequest(`questionnaire/${attempt}`, (signal) =>
    client.request(questionnaireQuery, {}, signal).then((data) => data.questionnaire),
  );
  // The questionnaire as the latest answer left it, until the next load.
  const [answered, setAnswered] = useState<Questionnaire | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const questionnaire = answered ?? loaded.data;
  const invitationId = questionnaire?.invitationId ?? null;
  const drafts = useDraftEvidence(invitationId);
  // Answers kept on this device from an earlier visit: shown as picked until the api has them.
  const unsent = useMemo(
    () => (invitationId === null ? new Map<string, UnsentAnswer>() : readUnsent(invitationId)),
    [invitationId],
  );
  // A questionnaire that did not load for want of a connection loads again once there is one.
  const offline = questionnaire === null && loaded.error?.code === 'NETWORK';
  useEffect(() => {
    if (!offline) return undefined;
    const reload = () => {
      setAttempt((value) => value + 1);
    };
    window.addEventListener('online', reload);
    return () => {
      window.removeEventListener('online', reload);
    };
  }, [offline]);
  const queue = useAnswerQueue({
    client,
    invitationId,
    questions: questionnaire?.questions ?? null,
    onSaved: setAnswered,
    onRefused: (error) => {
      if (error.code === 'UNAUTHENTICATED') setRefusal(error);
      else {
        // The assessment closed (or was withdrawn) meanwhile: load it again to say so.
        setAnswered(null);
        setAttempt((value) => value + 1);
      }
    },
  });

  // Not sure kept on this device only by an earlier version of this page: sent once, as chosen.
  const deviceNotSureSent = useRef<string | null>(null);
  useEffect(() => {
    if (questionnaire === null || !questionnaire.open || deviceNotSureSent.current === invitationId) return;
    deviceNotSureSent.current = invitationId;
    const cells = new Set(invitationId === null ? [] : takeDeviceNotSure(invitationId));
    for (const question of questionnaire.questions) {
      const cell = cellOf(question);
      if (cells.has(cell) && question.answer === null && !question.notSure && !unsent.has(cell))
        queue.save(cell, question, null, null, 0);
    }
  }, [questionnaire]);
  // Where Next unanswered looks from: the question last focused (or moved to), else the top.
  const lastQuestion = useRef(-1);

  const stopped = refusal ?? (loaded.error?.code === 'UNAUTHENTICATED' ? loaded.error : null);
  if (stopped) {
    const refusal = linkRefusal(stopped);
    return (
      <Frame>
        <section class="rate-message" role="alert" data-testid="rate-link-stopped">
          <h1 class="rate-message__title">{refusal.title}</h1>
          <p>{refusal.message}</p>
          {refusal.answersKept && <p class="muted">Your answers given before stay on record.</p>}
        </section>
      </Frame>
    );
  }
  if (questionnaire === null) {
    return (
      <Frame>
        {loaded.error ? (
          <section class="rate-message" role="alert">
            <h1 class="rate-message__title">{loadFailure(loaded.error).title}</h1>
            <p>{loadFailure(loaded.error).message}</p>
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                setAttempt((value) => value + 1);
              }}
            >
              Try again
            </button>
          </section>
        ) : (
          <div class="page-skeleton" aria-busy="true" aria-label="Loading your questionnaire">
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--block" />
          </div>
        )}
      </Frame>
    );
  }

  if (questionnaire.status === 'WITHDRAWN') {
    return (
      <Frame>
        <QuestionnaireHeader questionnaire={questionnaire} />
        <section class="rate-message" role="alert" data-testid="rate-withdrawn">
          <h2 class="rate-message__title">This assessment was withdrawn</h2>
          <p>
            The assessment office withdrew it, so this link takes no more answers and the answers given
            through it count nowhere. There is nothing more to do: you can close this page. If you are asked
            again, it will be with a new link.
          </p>
        </section>
      </Frame>
    );
  }
  const { questions } = questionnaire;
  // An invitation always asks something when issued: none left means the functions it rates (or
  // the one it rates from) were retired since, and any answer would be refused.
  if (questions.length === 0) {
    return (
      <Frame>
        <QuestionnaireHeader questionnaire={questionnaire} />
        <section class="rate-message" role="status" data-testid="rate-nothing-asked">
          <h2 class="rate-message__title">Nothing left to answer</h2>
          <p>
            The functions this link asked about
            {questionnaire.raterFunctionName ? ', or the one you rate from,' : ''} were retired from the
            organisation since you were invited, so it asks nothing any more. Any answers you gave before stay
            on record. There is nothing more to do: you can close this page.
          </p>
        </section>
      </Frame>
    );
  }
  const saving = [...queue.states.values()].some(
    (state) => state.kind === 'waiting' || state.kind === 'saving',
  );
  const kept = [...queue.states.values()].filter((state) => state.kind === 'kept');
  // A question is left while it has no answer, no Not sure and no choice on its way to the api.
  const left = questions.map(
    (question) =>
      question.answer === null &&
      !question.notSure &&
      !unsent.has(cellOf(question)) &&
      !queue.states.has(cellOf(question)),
  );
  const progress = {
    answered: questionnaire.answered,
    notSure: questionnaire.notSure,
    expected: questionnaire.expected,
    saving,
    waiting: kept.length,
    offline: kept.some((state) => state.error.code === 'NETWORK'),
  };
  return (
    <Frame>
      <QuestionnaireHeader questionnaire={questionnaire} />
      {questionnaire.open ? (
        <p class="rate-intro">
          Pick the level that describes things as they are, not as they should be. Each answer is saved as
          soon as you pick it, what you write as you type, and you can change both until the assessment
          closes. Choose “Not sure” rather than guess.
        </p>
      ) : (
        <section class="rate-message rate-message--thanks" data-testid="rate-thank-you">
          <h2 class="rate-message__title">{closedWording(questionnaire.answered).title}</h2>
          <p>{closedWording(questionnaire.answered).text}</p>
        </section>
      )}
      <WhoReadsAnswers source={questionnaire.source} />
      <Progress
        {...progress}
        live
        next={
          questionnaire.open
            ? () => {
                const count = questions.length;
                for (let step = 1; step <= count; step += 1) {
                  const index = (lastQuestion.current + step) % count;
                  if (!left[index]) continue;
                  lastQuestion.current = index;
                  return index;
                }
                return null;
              }
            : undefined
        }
      />
      <ol
        class="rate-questions"
        data-testid="rate-questions"
        onFocusIn={(event) => {
          const item = (event.target as Element).closest('.rate-questions > li');
          const index = item?.parentElement ? [...item.parentElement.children].indexOf(item) : -1;
          if (index >= 0) lastQuestion.current = index;
        }}
      >
        {questions.map((question, index) => {
          const cell = cellOf(question);
          return (
            <li key={cell}>
              <QuestionCard
                question={question}
                number={index + 1}
                total={questions.length}
                open={questionnaire.open}
                unsent={unsent.get(cell) ?? null}
                draft={drafts.get(cell)}
                state={queue.states.get(cell) ?? null}
                onChoose={(choice, evidence) => {
                  // Not sure is saved with no level; what was written stays kept on this device.
                  if (choice === 'not-sure') {
                    queue.save(cell, question, null, null);
                    return;
                  }
                  // The evidence kept with no level goes with the level now picked.
                  drafts.set(cell, null);
                  queue.save(cell, question, choice, evidence);
                }}
                onDraft={(evidence) => {
                  drafts.set(cell, evidence);
                }}
                onType={(level, evidence) => {
                  queue.save(cell, question, level, evidence, TYPING_SETTLE_MS);
                }}
                onRetry={() => {
                  queue.retry(cell);
                }}
              />
            </li>
          );
        })}
      </ol>
      {questionnaire.open && (
        <footer class="rate-footer">
          <Progress {...progress} />
          <p class="muted" data-testid="rate-footer-note">
            {kept.length > 0
              ? keptFooter(kept.length)
              : saving
                ? 'Saving your latest answers: wait until each question says “Saved” before you close this page.'
                : 'Nothing more to send: your answers are already saved. You can close this page and come back with the same link.'}
          </p>
        </footer>
      )}
    </Frame>
  );
}

function QuestionnaireHeader({ questionnaire }: { questionnaire: Questionnaire }) {
  return (
    <header class="rate-header">
      <p class="rate-header__organization">{questionnaire.organizationName}</p>
      <h1 class="rate-header__title">{questionnaire.title}</h1>
      <p class="rate-header__period">About the period ending {formatDate(questionnaire.periodEnd)}.</p>
      <p class="rate-header__subject" data-testid="rate-subject">
        {subjectLine(questionnaire)}
      </p>
    </header>
  );
}

interface ProgressProps {
  answered: number;
  notSure: number;
  expected: number;
  saving: boolean;
  /** Answers kept on this device, not sent yet. */
  waiting: number;
  /** Some of them for want of a connection. */
  offline: boolean;
  /** The one progress line announced to screen readers as it changes. */
  live?: boolean;
  /**
   * Offers Next unanswered: the index of the next question left after the one last at (wrapping
   * round), now the one last at, or null when none is left.
   */
  next?: () => number | null;
}

function Progress({
  answered,
  notSure,
  expected,
  saving,
  waiting,
  offline,
  live = false,
  next,
}: ProgressProps) {
  const [noneLeft, setNoneLeft] = useState(false);
  const moveToNext = () => {
    const index = next?.() ?? null;
    setNoneLeft(index === null);
    if (index === null) return;
    const question = document.querySelectorAll<HTMLElement>('.rate-questions > li > .question')[index];
    if (!question) return;
    question.focus({ preventScroll: true });
    question.scrollIntoView({ block: 'start' });
  };
  return (
    <div class="rate-progress">
      <progress
        class="rate-progress__bar"
        max={Math.max(expected, 1)}
        value={answered + notSure}
        aria-hidden="true"
      />
      <div class="rate-progress__line">
        <p
          class="rate-progress__text"
          role={live ? 'status' : undefined}
          data-testid={live ? 'rate-progress' : undefined}
        >
          {answered} of {expected} answered
          {notSure > 0 && ` · ${notSure} not sure`}
          {waiting > 0 && (
            <span class="rate-progress__waiting" data-testid="rate-waiting">
              {' · '}
              {offline ? 'no connection: ' : ''}
              {waitingToBeSent(waiting)}
            </span>
          )}
          {saving ? ' · saving…' : ''}
        </p>
        {next && (
          <button
            type="button"
            class="button button--small rate-progress__next"
            data-testid="rate-next-unanswered"
            onClick={moveToNext}
          >
            Next unanswered
          </button>
        )}
      </div>
      {next && (
        <p class="rate-progress__none-left" role="status" data-testid="rate-none-left">
          {noneLeft ? 'Every question has an answer or Not sure: nothing is left to answer.' : ''}
        </p>
      )}
    </div>
  );
}

function Frame({ children }: { children: ComponentChildren }) {
  return (
    <main id="main" class="rate-page">
      {children}
    </main>
  );
}
