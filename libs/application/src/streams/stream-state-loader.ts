// A stream's current state, folded by its decider's evolve. Readers and the command executor both
// load through here, so both share one cache of recently used streams.
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import type { Decider, DomainEvent } from '@app/domain';
import { PersonalData } from '../personal-data/personal-data';

/** Streams whose latest state is kept in memory (least recently used first out). */
const MAX_CACHED_STREAMS = 2000;

export type StateFolder<Event extends DomainEvent, State> = Pick<
  Decider<unknown, Event, State, unknown>,
  'initialState' | 'evolve'
>;

interface CachedState<State> {
  state: State;
  revision: number;
  commandEventIds: Set<string>;
  evolve: (state: never, event: never) => unknown;
}

export interface LoadedStream<State> {
  state: State;
  /** The revision of the stream's last event; null when the stream does not exist. */
  revision: number | null;
  /** The events read by this load: the whole stream, or only those after the cached state. */
  events: RecordedEvent[];
  /** The ids of every event the stream holds that a command with a commandId appended. */
  commandEventIds: ReadonlySet<string>;
}

@Injectable()
export class StreamStateLoader {
  private readonly states = new Map<string, CachedState<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: PersonalData,
  ) {}

  /**
   * The stream's state. States are immutable (evolve returns new objects), so the last state of
   * recently used streams is kept and only newer events are read and folded.
   */
  async load<Event extends DomainEvent, State>(
    stream: string,
    folder: StateFolder<Event, State>,
  ): Promise<LoadedStream<State>> {
    const cached = this.states.get(stream);
    const usable =
      cached !== undefined && cached.evolve === folder.evolve ? (cached as CachedState<State>) : undefined;
    // Personal text opened: states hold the plain text (or null once erased), never a sealed value.
    const events = await this.personalData.open(
      await this.store.readStream(stream, usable ? { fromRevision: usable.revision + 1 } : undefined),
    );
    let state = usable ? usable.state : folder.initialState();
    // Ids only ever join the set: a command whose first event id is there has been applied.
    const commandEventIds = usable ? usable.commandEventIds : new Set<string>();
    for (const event of events) {
      state = folder.evolve(state, toDomainEvent<Event>(event));
      if (event.metadata.commandId !== null) commandEventIds.add(event.id);
    }
    const revision = events.at(-1)?.revision ?? usable?.revision ?? null;
    if (revision !== null) {
      this.remember(stream, { state, revision, commandEventIds, evolve: folder.evolve });
    }
    return { state, revision, events, commandEventIds };
  }

  /** Drops every kept state: after an erasure, no state may still hold the erased text. */
  forgetKeptStates(): void {
    this.states.clear();
  }

  private remember(stream: string, entry: CachedState<unknown>): void {
    const current = this.states.get(stream);
    if (current && current.revision > entry.revision) return;
    this.states.delete(stream);
    this.states.set(stream, entry);
    if (this.states.size > MAX_CACHED_STREAMS) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }
}

/** The store holds what the domain decided; the type tag is the discriminant of the union. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the union it folds
export function toDomainEvent<Event extends DomainEvent>(event: Pick<RecordedEvent, 'type' | 'data'>): Event {
  return { type: event.type, data: event.data } as unknown as Event;
}
