// The worker thread's entry point (piscina calls the default export with each task). A domain
// refusal is answered as data: an Error's class and fields do not survive the copy between threads.
import { DomainError } from '@app/domain';
import { type HeavyTaskOutcome, type HeavyTaskRequest, runHeavyTask } from './heavy-tasks';

export default function heavyWork(request: HeavyTaskRequest): HeavyTaskOutcome {
  try {
    return { value: runHeavyTask(request) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { kind, code, message, field } = error;
    return { refusal: { kind, code, message, field } };
  }
}
