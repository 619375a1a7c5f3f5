import type { Decider } from './decider';

/** The state after folding events into the decider's initial state (how a handler loads a stream). */
export const foldEvents = <Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
