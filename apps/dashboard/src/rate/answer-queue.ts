// Saving a rater's answers: each choice is sent at once (a keyboard user stepping through the
// levels with the arrow keys sends only where they stop), one at a time per question so the last
// choice is the one recorded, and with one commandId per answer so a retry records it once.
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
const SETTLE_MS = 350;

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
  /** Sends this answer (after the choice settles); a later one for the same cell replaces a waiting one. */
  save(cell: string, question: Question, level: number, evidence: string | null): void;
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

  const setState = (cell: string, state: SaveState) => {
    setStates((previous) => new Map(previous).set(cell, state));
  };

  const send = (cell: string, queue: CellQueue, answer: Answer) => {
    queue.inFlight = answer;
    queue.failed = null;
    setState(cell, { kind: 'saving' });
    const { functionId, capabilityId } = queue.question;
    const input = { functionId, capabilityId, ...answer };
    client.request(answerQuestionMutation, { input }).then(
      (data) => {
        queue.inFlight = null;
        callbacks.current.onSaved(data.answerQuestion);
        if (queue.next !== null) {
          if (queue.timer === null) sendNext(cell, queue);
        } else setState(cell, { kind: 'saved' });
      },
      (error: unknown) => {
        queue.inFlight = null;
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
    };
  }, []);

  return {
    states,
    save(cell, question, level, evidence) {
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
      }, SETTLE_MS);
    },
    retry(cell) {
      const queue = queues.current.get(cell);
      if (queue?.failed && queue.inFlight === null) send(cell, queue, queue.failed);
    },
  };
}
