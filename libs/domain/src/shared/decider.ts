/** An event as the domain sees it: a type and its data, before the store adds metadata. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/**
 * A pure decider (emmett style): `decide` turns a command into events or throws a DomainError;
 * `evolve` folds an event into state. Time, ids and whatever else the decision needs from outside
 * the stream arrive in `context`.
 */
export interface Decider<Command, Event, State, Context> {
  initialState: () => State;
  decide: (command: Command, state: State, context: Context) => Event[];
  evolve: (state: State, event: Event) => State;
}
