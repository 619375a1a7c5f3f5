// The cycle being looked at, with its ratings, read when it is chosen (the list holds only how many
// ratings each has). A mutation's answer is shown at once until the next read; `reload` reads again.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { useSession } from '../shell/session';
import { useRequest } from '../shared/use-request';
import { assessmentQuery, type AssessmentRecord } from './assessments.operations';

export interface ChosenAssessment {
  /** null while the chosen one is read (or when none is chosen). */
  record: AssessmentRecord | null;
  error: ApiError | null;
  reload: () => void;
  /** Shows the assessment as a mutation answered it. */
  put: (record: AssessmentRecord) => void;
}

export function useChosenAssessment(assessmentId: string | null): ChosenAssessment {
  const session = useSession();
  const [attempt, setAttempt] = useState(0);
  const reading = useRequest(assessmentId === null ? null : `${assessmentId}/${attempt}`, (signal) =>
    session.client
      .request(assessmentQuery, { id: assessmentId ?? '' }, signal)
      .then((data) => data.assessment),
  );
  const [answered, setAnswered] = useState<AssessmentRecord | null>(null);
  // A new read knows every change so far: the answer kept gives way to it.
  useEffect(() => {
    setAnswered(null);
  }, [reading.data]);
  // The previous choice stays in `reading` while the next one loads: never shown for this one.
  const record =
    answered?.id === assessmentId ? answered : reading.data?.id === assessmentId ? reading.data : null;
  return {
    record,
    error: reading.error,
    reload: () => {
      setAttempt((value) => value + 1);
    },
    put: setAnswered,
  };
}
