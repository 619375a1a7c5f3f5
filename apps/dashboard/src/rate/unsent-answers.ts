// Answers the api has not acknowledged yet, kept on this device per invitation: a rater on a
// flaky connection who closes the tab finds them again when the link is reopened, and they are
// sent then (with the commandId they were first sent with, so an answer the api did record is not
// recorded twice). An answer leaves the store once the api took it or refused it.

/** One answer, as it will be sent. */
export interface UnsentAnswer {
  /** The level picked; null: "Not sure" (sent as setQuestionAside). */
  level: number | null;
  evidence: string | null;
  /** The same for every attempt at sending this answer. */
  commandId: string;
}

const keyOf = (invitationId: string) => `questionnaire-unsent:${invitationId}`;

function isUnsentAnswer(value: unknown): value is UnsentAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  return (
    (typeof answer.level === 'number' || answer.level === null) &&
    (answer.evidence === null || typeof answer.evidence === 'string') &&
    typeof answer.commandId === 'string'
  );
}

/** The unsent answers of an invitation, by cell (`function/capability`). */
export function readUnsent(invitationId: string): Map<string, UnsentAnswer> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(keyOf(invitationId)) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return new Map();
    return new Map(
      Object.entries(stored).filter((entry): entry is [string, UnsentAnswer] => isUnsentAnswer(entry[1])),
    );
  } catch {
    return new Map();
  }
}

function write(invitationId: string, answers: Map<string, UnsentAnswer>): void {
  try {
    if (answers.size === 0) window.localStorage.removeItem(keyOf(invitationId));
    else window.localStorage.setItem(keyOf(invitationId), JSON.stringify(Object.fromEntries(answers)));
  } catch {
    // Storage may be off (private browsing): the answer then lasts until the page is left.
  }
}

/** Keeps the latest answer of a cell until the api acknowledges it. */
export function keepUnsent(invitationId: string, cell: string, answer: UnsentAnswer): void {
  write(invitationId, readUnsent(invitationId).set(cell, answer));
}

/** The api took (or refused) this answer: it is no longer kept, unless a newer one replaced it. */
export function forgetUnsent(invitationId: string, cell: string, commandId: string): void {
  const answers = readUnsent(invitationId);
  if (answers.get(cell)?.commandId !== commandId) return;
  answers.delete(cell);
  write(invitationId, answers);
}
