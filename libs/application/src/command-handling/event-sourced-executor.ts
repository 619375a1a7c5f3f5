import { Inject, Injectable } from '@nestjs/common';
import { v4 as randomUuid, v5 as nameUuid } from 'uuid';
import {
  EVENT_STORE,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { conflict, type Decider, type DomainEvent } from '@app/domain';
import type { CommandContext } from './command-context';

/** Namespace for event ids derived from a commandId (UUID v5). */
const COMMAND_EVENT_NAMESPACE = '5b0c8f7e-2f0f-4f55-9d43-6f1a3c2b7e10';
const MAX_ATTEMPTS = 25;

export interface Execution<Command, Event extends DomainEvent, State, Context> {
  stream: string;
  decider: Decider<Command, Event, State, Context>;
  command: Command;
  /** Loaded afresh on every attempt, from the stream's current state, so a retry decides on current facts. */
  loadContext: (state: State) => Promise<Context>;
  context: CommandContext;
  schemaVersions: Readonly<Record<string, number>>;
}

export interface ExecutionResult<State> {
  state: State;
  /** The events this execution appended; empty for a repeated commandId. */
  appended: RecordedEvent[];
  repeated: boolean;
}

export interface LoadedStream<State> {
  state: State;
  revision: number | null;
  events: RecordedEvent[];
}

/**
 * Load, decide, append with the expected revision; on a concurrent write, reload and decide again.
 * This is the whole write path: handlers only say which stream, which decider and which context.
 */
@Injectable()
export class EventSourcedExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<Event extends DomainEvent, State>(
    stream: string,
    decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  ): Promise<LoadedStream<State>> {
    const events = await this.store.readStream(stream);
    let state = decider.initialState();
    for (const event of events) state = decider.evolve(state, toDomainEvent<Event>(event));
    const last = events.at(-1);
    return { state, revision: last ? last.revision : null, events };
  }

  async execute<Command, Event extends DomainEvent, State, Context>(
    execution: Execution<Command, Event, State, Context>,
  ): Promise<ExecutionResult<State>> {
    const { stream, decider, command, context } = execution;
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(stream, decider);
      if (context.commandId !== null && loaded.events.some((e) => e.metadata.commandId === context.commandId)) {
        return { state: loaded.state, appended: [], repeated: true };
      }
      const decided = decider.decide(command, loaded.state, await execution.loadContext(loaded.state));
      if (decided.length === 0) return { state: loaded.state, appended: [], repeated: false };
      const newEvents = decided.map((event, index) =>
        toNewEvent(event, stream, index, context, execution.schemaVersions),
      );
      try {
        await this.store.append(stream, newEvents, {
          expectedRevision: loaded.revision === null ? 'no_stream' : loaded.revision,
        });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        if (error instanceof WrongExpectedRevisionError) {
          throw conflict(`${stream} kept changing under concurrent writes; try again`, 'CONCURRENCY.RETRIES_EXHAUSTED');
        }
        throw error;
      }
      const reloaded = await this.load(stream, decider);
      const ids = new Set(newEvents.map((event) => event.id));
      return {
        state: reloaded.state,
        appended: reloaded.events.filter((event) => ids.has(event.id)),
        repeated: false,
      };
    }
  }
}

export function toDomainEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  // The store holds what the domain decided; the type tag is the discriminant of the union.
  return { type: event.type, data: event.data } as unknown as Event;
}

function toNewEvent(
  event: DomainEvent,
  stream: string,
  index: number,
  context: CommandContext,
  schemaVersions: Readonly<Record<string, number>>,
): NewEvent {
  return {
    id: context.commandId === null ? randomUuid() : nameUuid(`${stream}|${context.commandId}|${index}`, COMMAND_EVENT_NAMESPACE),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      actor: context.actor,
      role: context.role,
      commandId: context.commandId,
      correlationId: context.correlationId,
      causationId: context.commandId,
      schemaVersion: schemaVersions[event.type] ?? 1,
    },
  };
}

/** Jittered backoff: concurrent writers on one stream spread out instead of colliding again. */
function pause(attempt: number): Promise<void> {
  const milliseconds = Math.random() * Math.min(50, 2 * attempt);
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
