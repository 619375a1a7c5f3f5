// What the rater's page says where the api's own words would not do: whose questions these are,
// why a link does not open, what became of an answer not sent yet, and the thank-you once the
// assessment closed.
import { type ApiError, isTransient } from '../api/client';

/** The api's reasons for refusing a link that it recognised: its message already says what to do. */
const RECOGNISED_LINK_REFUSALS: readonly string[] = ['AUTH.INVITATION_REVOKED', 'AUTH.INVITATION_EXPIRED'];

export interface LinkRefusal {
  title: string;
  message: string;
  /** A link that worked once: what its rater answered before stays. */
  answersKept: boolean;
}

/**
 * A refused link, in words a rater can act on. A revoked or expired link keeps the api's message
 * (it names the next step), as does the link of a person forgotten at their request; any other refusal (a mistyped, cut-off or unknown link) reads the same
 * whatever the cause, as the api's does, so the page tells no more than the api whether it exists.
 */
export function linkRefusal(error: { message: string; reason: string | null }): LinkRefusal {
  if (error.reason !== null && RECOGNISED_LINK_REFUSALS.includes(error.reason))
    return { title: 'This link no longer works', message: error.message, answersKept: true };
  // Forgotten at their request: the api's message says so, and nothing of theirs is shown any more.
  if (error.reason === 'AUTH.RESPONDENT_FORGOTTEN')
    return { title: 'This link no longer works', message: error.message, answersKept: false };
  return {
    title: 'This link is incomplete or not recognised',
    message:
      'Open it again from your invitation, copying the whole address (an email program may have cut it in two), or ask the assessment office for a new one.',
    answersKept: false,
  };
}

const sourceWording = {
  SELF: 'about your own function',
  PEER: 'as a colleague from another function',
  CUSTOMER: 'as a customer',
  AUDIT: 'as an auditor',
} as const;

export interface Subject {
  source: keyof typeof sourceWording;
  raterFunctionName: string | null;
  questions: readonly { functionName: string }[];
}

/** "A", "A and B", "A, B and C". */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * Whose questionnaire this is, as far as the rater's link tells: the functions it asks about and
 * as whom (the api gives the rater no name or label of the person invited).
 */
export function subjectLine({ source, raterFunctionName, questions }: Subject): string {
  const functions = listed([...new Set(questions.map((question) => question.functionName))]);
  const as = `${sourceWording[source]}${raterFunctionName ? ` (${raterFunctionName})` : ''}`;
  // No question left: what it asked about was retired since (the page says so below).
  if (functions === '') return `You were invited to answer ${as}.`;
  return `This link’s questions are about ${functions}; you answer ${as}.`;
}

/** The thank-you of a closed assessment, by how many answers the rater gave. */
export function closedWording(answered: number): { title: string; text: string } {
  if (answered === 0)
    return {
      title: 'This assessment is closed',
      text: 'It closed before you answered, so nothing was recorded from this link. The questions are shown below.',
    };
  return {
    title: 'Thank you',
    text:
      answered === 1
        ? 'This assessment is closed. Your answer is on record; it is shown below and can no longer be changed.'
        : `This assessment is closed. Your ${answered} answers are on record; they are shown below and can no longer be changed.`,
  };
}

// The client's message for a request that got no answer is for whoever runs the api; a rater is
// told instead what happened to their answer and that nothing is for them to do.

/** Why an answer is kept on this device rather than recorded, by what stopped it. */
export function keptWording(error: Pick<ApiError, 'code'>): string {
  return error.code === 'NETWORK'
    ? 'No connection: your answer is kept on this phone and sent when you are back online.'
    : 'Not sent yet: the server is busy. Your answer is kept on this phone and sent again shortly.';
}

/** "1 answer waiting to be sent", "2 answers waiting to be sent". */
export function waitingToBeSent(count: number): string {
  return `${count} ${count === 1 ? 'answer' : 'answers'} waiting to be sent`;
}

/** The footer's word on answers kept on this device. */
export function keptFooter(count: number): string {
  const them = count === 1 ? 'it' : 'them';
  return `${waitingToBeSent(count)}: kept on this phone and sent as soon as the connection allows. If you close this page before, open the same link again on this phone to send ${them}.`;
}

/** Why the questionnaire did not open, for a failure that may pass (no connection, a busy server). */
export function loadFailure(error: Pick<ApiError, 'code' | 'message'>): { title: string; message: string } {
  if (error.code === 'NETWORK')
    return {
      title: 'No connection',
      message:
        'Your questionnaire opens by itself when this phone is back online; you can also tap Try again. Answers you already gave are safe.',
    };
  if (isTransient(error))
    return {
      title: 'Your questionnaire could not be loaded',
      message: 'The server is busy or had a problem. Try again in a moment.',
    };
  return { title: 'Your questionnaire could not be loaded', message: error.message };
}

/**
 * What became of evidence typed with no level picked: the api records evidence with a rating, so
 * it is kept on this device until a level is picked, then sent with it.
 */
export function draftWording(notSure: boolean): string {
  return notSure
    ? 'Not sure is saved, with no level. What you wrote is kept on this phone, not sent: pick a level to send it with your answer.'
    : 'What you wrote is kept on this phone, not sent: pick a level to send it with your answer.';
}
