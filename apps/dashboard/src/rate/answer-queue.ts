// Saving a rater's answers: each choice is sent at once (a keyboard user stepping through the
// levels with the arrow keys sends only where they stop), the evidence as it is typed (once the
// typing pauses), one at a time per question so the last choice is the one recorded, and with one
// commandId per answer so a retry records it once. Whatever still waits is sent when the page is
// hidden or left; nothing is sent once the page moved on to another link.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, ApiError } from '../api/client';
import type { ResultOf } from '../api/graphql';
import { toApiError } from '../shared/use-request';
import { answerQuestionMutation } from './rate.operations';

export type Questionnaire = ResultOf<typeof answerQuestionMutation>['answerQuestion'];
export type Question = Questionnaire['questions'][number];

export const cellOf = (question: Pick<Question, 'functionId' | 'capabilityId'>): string =>
  `${question.functionId}/${question.capabilityId}`;

/** Arrow keys move the choice at once; a choice that stands this long is sent. */
export const CHOICE_SETTLE_MS = 350;
/** Evidence is sent when the typing pauses this long (or the page is hidden or left). */
export const TYPING_SETTLE_MS = 800;

export interface Answer {
  level: number;
  evidence: string | null;
  /** The same for every attempt at sending this answer. */
  commandId: string;
}

export type SaveState =
  { kind: 'saved' } | { kind: 'waiting' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError };

interface QueueOptions {
  client: ApiClient;
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
  save(cell: string, question: Question, level: number, evidence: string | null, settleMs?: number): void;
  /** Sends the failed answer again, with its commandId. */
  retry(cell: string): void;
}

interface CellQueue {
  question: Question;
  timer: ReturnType<typeof setTimeout> | null;
  /** The latest choice, not yet sent. */
  next: Answer | null;
  /** The answer being sent. */
  inFlight: Answer | null;
  /** The answer whose sending failed, kept for a retry until a newer choice replaces it. */
  failed: Answer | null;
}

const newCommandId = (): string => crypto.randomUUID();

export function useAnswerQueue({ client, onSaved, onRefused }: QueueOptions): AnswerQueue {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const queues = useRef(new Map<string, CellQueue>());
  const callbacks = useRef({ onSaved, onRefused });
  callbacks.current = { onSaved, onRefused };
  // Set when the page leaves this link (another link pasted): nothing more is sent with it.
  const disposed = useRef(false);

  const setState = (cell: string, state: SaveState) => {
    setStates((previous) => new Map(previous).set(cell, state));
  };

  const send = (cell: string, queue: CellQueue, answer: Answer) => {
    if (disposed.current) return;
    queue.inFlight = answer;
    queue.failed = null;
    setState(cell, { kind: 'saving' });
    const { functionId, capabilityId } = queue.question;
    const input = { functionId, capabilityId, ...answer };
    client.request(answerQuestionMutation, { input }).then(
      (data) => {
        queue.inFlight = null;
        if (disposed.current) return;
        callbacks.current.onSaved(data.answerQuestion);
        if (queue.next !== null) {
          if (queue.timer === null) sendNext(cell, queue);
        } else setState(cell, { kind: 'saved' });
      },
      (error: unknown) => {
        queue.inFlight = null;
        if (disposed.current) return;
        const apiError = toApiError(error);
        if (apiError.code === 'UNAUTHENTICATED' || apiError.code === 'CONFLICT') {
          callbacks.current.onRefused(apiError);
        }
        if (queue.next !== null) {
          // A newer choice replaces the one that failed.
          if (queue.timer === null) sendNext(cell, queue);
          return;
        }
        queue.failed = answer;
        setState(cell, { kind: 'failed', error: apiError });
      },
    );
  };

  const sendNext = (cell: string, queue: CellQueue) => {
    const answer = queue.next;
    if (answer === null) return;
    queue.next = null;
    send(cell, queue, answer);
  };

  // Answers still settling are sent at once when the page is left or hidden.
  useEffect(() => {
    const flush = () => {
      for (const [cell, queue] of queues.current) {
        if (queue.timer === null) continue;
        clearTimeout(queue.timer);
        queue.timer = null;
        if (queue.inFlight === null) sendNext(cell, queue);
      }
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      disposed.current = true;
      for (const queue of queues.current.values()) {
        if (queue.timer !== null) clearTimeout(queue.timer);
        queue.timer = null;
        queue.next = null;
      }
    };
  }, []);

  return {
    states,
    save(cell, question, level, evidence, settleMs = CHOICE_SETTLE_MS) {
      const queue = queues.current.get(cell) ?? {
        question,
        timer: null,
        next: null,
        inFlight: null,
        failed: null,
      };
      queues.current.set(cell, queue);
      queue.question = question;
      queue.next = { level, evidence, commandId: newCommandId() };
      queue.failed = null;
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
      if (queue?.failed && queue.inFlight === null) send(cell, queue, queue.failed);
    },
  };
}
