// The CPU-heavy computations, as plain functions over plain data, so they can run in a worker
// thread (the data is copied there and back) as well as in the calling thread.
import {
  DomainError,
  type DomainErrorCode,
  type DomainErrorKind,
  optimizePortfolio,
  simulateScenario,
} from '@app/domain';

export const HEAVY_TASKS = {
  optimizePortfolio,
  simulateScenario,
} as const;

export type HeavyTaskName = keyof typeof HEAVY_TASKS;
export type HeavyTaskInput<Name extends HeavyTaskName> = Parameters<(typeof HEAVY_TASKS)[Name]>[0];
export type HeavyTaskOutput<Name extends HeavyTaskName> = ReturnType<(typeof HEAVY_TASKS)[Name]>;

export interface HeavyTaskRequest<Name extends HeavyTaskName = HeavyTaskName> {
  name: Name;
  input: HeavyTaskInput<Name>;
}

export function runHeavyTask<Name extends HeavyTaskName>({
  name,
  input,
}: HeavyTaskRequest<Name>): HeavyTaskOutput<Name> {
  const task = HEAVY_TASKS[name] as (input: HeavyTaskInput<Name>) => HeavyTaskOutput<Name>;
  return task(input);
}

/** What a worker answers: the task's value, or the domain refusal it threw, as plain data. */
export type HeavyTaskOutcome =
  | { value: unknown; refusal?: undefined }
  | {
      value?: undefined;
      refusal: { kind: DomainErrorKind; code: DomainErrorCode; message: string; field?: string };
    };

/** The task's value, or its refusal thrown again as the DomainError it was. */
export function valueOf<Name extends HeavyTaskName>(outcome: HeavyTaskOutcome): HeavyTaskOutput<Name> {
  if (outcome.refusal === undefined) return outcome.value as HeavyTaskOutput<Name>;
  const { kind, code, message, field } = outcome.refusal;
  throw new DomainError(kind, code, message, field);
}
