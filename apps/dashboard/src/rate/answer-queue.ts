// Saving a rater's answers: each choice (a level, or "Not sure": setQuestionAside) is sent at
// once (a keyboard user stepping through the levels with the arrow keys sends only where they
// stop), the evidence as it is typed (once the typing pauses), one at a time per question so the
// last choice is the one recorded, and with one commandId per answer so a resend records it once.
// Until the api acknowledges an answer it is kept on this device (unsent-answers.ts); one that
// could not be sent for want of a connection (or a busy server) is sent again by itself: when the
// browser is back online, after the next answer that gets through, and every little while.
// Whatever still waits is sent when the page is hidden or left; nothing is sent once the page
// moved on to another link.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiClient, type ApiError, isTransient } from '../api/client';
import type { ResultOf } from '../api/graphql';
import { toApiError } from '../shared/use-request';
import { answerQuestionMutation, setQuestionAsideMutation } from './rate.operations';
import { forgetUnsent, keepUnsent, readUnsent, type UnsentAnswer } from './unsent-answers';

export type Questionnaire = ResultOf<typeof answerQuestionMutation>['answerQuestion'];
export type Question = Questionnaire['questions'][number];

export const cellOf = (question: Pick<Question, 'functionId' | 'capabilityId'>): string =>
  `${question.functionId}/${question.capabilityId}`;

/** Arrow keys move the choice at once; a choice that stands this long is sent. */
export const CHOICE_SETTLE_MS = 350;
/** Evidence is sent when the typing pauses this long (or the page is hidden or left). */
export const TYPING_SETTLE_MS = 800;
/** A kept answer is sent again after this long, doubling up to RESEND_MAX_MS while it keeps failing. */
const RESEND_FIRST_MS = 5_000;
const RESEND_MAX_MS = 60_000;

export type Answer = UnsentAnswer;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  /** Not acknowledged (no connection, or the server busy): kept on this device, sent again by itself. */
  | { kind: 'kept'; error: ApiError }
  /** Refused by the api: not kept, only sent again when the rater asks. */
  | { kind: 'failed'; error: ApiError };

interface QueueOptions {
  client: ApiClient;
  /** Whose answers these are (null until the questionnaire is loaded): the key of the kept answers. */
  invitationId: string | null;
  /** The questions, to send the answers kept from an earlier visit once they are known. */
  questions: readonly Question[] | null;
  /** Every answer the api took: the questionnaire as it now stands. */
  onSaved: (questionnaire: Questionnaire) => void;
  /** The link stopped working, or the assessment closed: the page shows why. */
  onRefused: (error: ApiError) => void;
}

export interface AnswerQueue {
  states: ReadonlyMap<string, SaveState>;
  /**
   * Sends this answer once it stood `settleMs` (the choice settled, the typing paused); a later
   * one for the same cell replaces a waiting one.
   */
  save(
    cell: string,
    question: Question,
    level: number | null,
    evidence: string | null,
    settleMs?: number,
  ): void;
  /** Sends the kept or failed answer again now, with its commandId. */
  retry(cell: string): void;
}

interface CellQueue {
  question: Question;
  timer: ReturnType<typeof setTimeout> | null;
  /** The latest choice, not yet sent. */
  next: Answer | null;
  /** The answer being sent. */
  inFlight: Answer | null;
  /** The answer whose sending failed, kept for a resend until a newer choice replaces it. */
  held: { answer: Answer; transient: boolean } | null;
}

const newCommandId = (): string => crypto.randomUUID();

export function useAnswerQueue({
  client,
  invitationId,
  questions,
  onSaved,
  onRefused,
}: QueueOptions): AnswerQueue {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const queues = useRef(new Map<string, CellQueue>());
  const callbacks = useRef({ onSaved, onRefused });
  callbacks.current = { onSaved, onRefused };
  const invitation = useRef(invitationId);
  invitation.current = invitationId;
  // Set when the page leaves this link (another link pasted): nothing more is sent with it.
  const disposed = useRef(false);
  const resend = useRef<{ timer: ReturnType<typeof setTimeout> | null; delay: number }>({
    timer: null,
    delay: RESEND_FIRST_MS,
  });

  const setState = (cell: string, state: SaveState) => {
    setStates((previous) => new Map(previous).set(cell, state));
  };

  const forget = (cell: string, answer: Answer) => {
    if (invitation.current !== null) forgetUnsent(invitation.current, cell, answer.commandId);
  };

  const newQueue = (question: Question): CellQueue => ({
    question,
    timer: null,
    next: null,
    inFlight: null,
    held: null,
  });

  // Every kept answer that is not being sent or replaced goes again.
  const resendKept = () => {
    if (resend.current.timer !== null) clearTimeout(resend.current.timer);
    resend.current.timer = null;
    for (const [cell, queue] of queues.current) {
      if (queue.held?.transient && queue.inFlight === null && queue.next === null)
        send(cell, queue, queue.held.answer);
    }
  };

  const resendLater = () => {
    if (resend.current.timer !== null || disposed.current) return;
    const { delay } = resend.current;
    resend.current.delay = Math.min(delay * 2, RESEND_MAX_MS);
    resend.current.timer = setTimeout(resendKept, delay);
  };

  const send = (cell: string, queue: CellQueue, answer: Answer) => {
    if (disposed.current) return;
    queue.inFlight = answer;
    queue.held = null;
    setState(cell, { kind: 'saving' });
    const { functionId, capabilityId } = queue.question;
    const { level, evidence, commandId } = answer;
    const saved: Promise<Questionnaire> =
      level === null
        ? client
            .request(setQuestionAsideMutation, { input: { functionId, capabilityId, commandId } })
            .then((data) => data.setQuestionAside)
        : client
            .request(answerQuestionMutation, {
              input: { functionId, capabilityId, level, evidence, commandId },
            })
            .then((data) => data.answerQuestion);
    saved.then(
      (questionnaire) => {
        queue.inFlight = null;
        forget(cell, answer);
        if (disposed.current) return;
        resend.current.delay = RESEND_FIRST_MS;
        callbacks.current.onSaved(questionnaire);
        if (queue.next !== null) {
          if (queue.timer === null) sendNext(cell, queue);
        } else setState(cell, { kind: 'saved' });
        // The connection is back: what was kept goes too.
        resendKept();
      },
      (error: unknown) => {
        queue.inFlight = null;
        const apiError = toApiError(error);
        const transient = isTransient(apiError);
        if (!transient) forget(cell, answer);
        if (disposed.current) return;
        if (apiError.code === 'UNAUTHENTICATED' || apiError.code === 'CONFLICT') {
          callbacks.current.onRefused(apiError);
        }
        if (queue.next !== null) {
          // A newer choice replaces the one that failed.
          if (queue.timer === null) sendNext(cell, queue);
          return;
        }
        queue.held = { answer, transient };
        setState(cell, transient ? { kind: 'kept', error: apiError } : { kind: 'failed', error: apiError });
        if (transient) resendLater();
      },
    );
  };

  const sendNext = (cell: string, queue: CellQueue) => {
    const answer = queue.next;
    if (answer === null) return;
    queue.next = null;
    send(cell, queue, answer);
  };

  // Answers kept from an earlier visit to this link are sent as soon as the questions are known.
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (invitationId === null || questions === null || restoredFor.current === invitationId) return;
    restoredFor.current = invitationId;
    const kept = readUnsent(invitationId);
    for (const question of questions) {
      const cell = cellOf(question);
      const answer = kept.get(cell);
      if (answer === undefined || queues.current.has(cell)) continue;
      const queue = newQueue(question);
      queues.current.set(cell, queue);
      send(cell, queue, answer);
    }
  }, [invitationId, questions]);

  // Answers still settling are sent at once when the page is left or hidden; kept ones go again
  // when the browser is back online.
  useEffect(() => {
    const flush = () => {
      for (const [cell, queue] of queues.current) {
        if (queue.timer === null) continue;
        clearTimeout(queue.timer);
        queue.timer = null;
        if (queue.inFlight === null) sendNext(cell, queue);
      }
    };
    const online = () => {
      resend.current.delay = RESEND_FIRST_MS;
      resendKept();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('online', online);
      disposed.current = true;
      if (resend.current.timer !== null) clearTimeout(resend.current.timer);
      resend.current.timer = null;
      for (const queue of queues.current.values()) {
        if (queue.timer !== null) clearTimeout(queue.timer);
        queue.timer = null;
        queue.next = null;
      }
    };
  }, []);

  // Leaving the page while an answer is kept (not yet sent) asks first.
  const keptCount = [...states.values()].filter((state) => state.kind === 'kept').length;
  useEffect(() => {
    if (keptCount === 0) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [keptCount > 0]);

  return {
    states,
    save(cell, question, level, evidence, settleMs = CHOICE_SETTLE_MS) {
      const queue = queues.current.get(cell) ?? newQueue(question);
      queues.current.set(cell, queue);
      queue.question = question;
      queue.next = { level, evidence, commandId: newCommandId() };
      queue.held = null;
      if (invitation.current !== null) keepUnsent(invitation.current, cell, queue.next);
      setState(cell, { kind: 'waiting' });
      if (queue.timer !== null) clearTimeout(queue.timer);
      queue.timer = setTimeout(() => {
        queue.timer = null;
        // One at a time per question: the answer in flight finishes first, then the latest goes.
        if (queue.inFlight === null) sendNext(cell, queue);
      }, settleMs);
    },
    retry(cell) {
      const queue = queues.current.get(cell);
      if (queue?.held && queue.inFlight === null) send(cell, queue, queue.held.answer);
    },
  };
}
