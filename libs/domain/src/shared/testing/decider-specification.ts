// Given/when/then for deciders (after emmett's DeciderSpecification), for unit tests only; it
// uses jest's `expect` and is deliberately not exported from the domain's index.
import type { Decider } from '../decider';
import { DomainError, type DomainErrorCode, type DomainErrorKind } from '../domain-error';

export interface DeciderThen<Event> {
  /** The command produces exactly these events, which must be plain JSON and fold without error. */
  then: (expected: Event[]) => void;
  /** The command is refused with a DomainError of this kind and code, naming the field in its message. */
  thenThrows: (kind: DomainErrorKind, code: DomainErrorCode, field?: string) => DomainError;
}

export interface DeciderWhen<Command, Event, Context> {
  when: (command: Command, context?: Context) => DeciderThen<Event>;
}

export interface DeciderSpecification<Command, Event, Context> {
  given: (events: Event[]) => DeciderWhen<Command, Event, Context>;
}

export function deciderSpecification<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  defaultContext: NoInfer<Context>,
): DeciderSpecification<Command, Event, Context> {
  return {
    given: (givenEvents) => ({
      when: (command, context = defaultContext) => {
        const decide = () =>
          decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()), context);
        return {
          then: (expected) => {
            const events = decide();
            expect(events).toEqual(expected);
            // Events are stored as JSON: no undefined, no Date, nothing lost on a round trip.
            expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
            [...givenEvents, ...events].reduce(decider.evolve, decider.initialState());
          },
          thenThrows: (kind, code, field) => {
            let thrown: unknown;
            try {
              decide();
            } catch (error: unknown) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(DomainError);
            const error = thrown as DomainError;
            expect({ kind: error.kind, code: error.code, field: error.field }).toEqual({ kind, code, field });
            if (field !== undefined) expect(error.message).toContain(field);
            return error;
          },
        };
      },
    }),
  };
}
