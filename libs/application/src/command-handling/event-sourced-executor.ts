import { Inject, Injectable } from '@nestjs/common';
import { v4 as randomUuid, v5 as nameUuid } from 'uuid';
import {
  EVENT_STORE,
  type EventStore,
  type JsonObject,
  type NewEvent,
  WrongExpectedRevisionError,
} from '@app/event-store';
import { conflict, type Decider, type DomainEvent } from '@app/domain';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { PersonalData } from '../personal-data/personal-data';
import type { CommandContext } from './command-context';
import { CONCURRENCY_ERROR_CODES } from './command-handling.errors';

/** Namespace for event ids derived from a commandId (UUID v5). */
const COMMAND_EVENT_NAMESPACE = '5b0c8f7e-2f0f-4f55-9d43-6f1a3c2b7e10';
const MAX_ATTEMPTS = 25;

export interface Execution<Command extends { type: string }, Event extends DomainEvent, State, Context> {
  stream: string;
  decider: Decider<Command, Event, State, Context>;
  command: Command;
  /**
   * The organisation the command names when it may create a stream (register, open, plan); null
   * when the stream already belongs to one organisation or to none. Part of the command's identity,
   * so another organisation's command with the same commandId is a different command.
   */
  organizationId: string | null;
  /** Loaded afresh on every attempt, from the stream's current state, so a retry decides on current facts. */
  loadContext: (state: State) => Promise<Context>;
  context: CommandContext;
  schemaVersions: Readonly<Record<string, number>>;
}

export interface ExecutionResult<State> {
  state: State;
  /** Global position of the last event appended; null when nothing was (a repeat, or no change). */
  position: number | null;
  repeated: boolean;
}

/**
 * Load, decide, append with the expected revision; on a concurrent write, reload and decide again.
 * This is the whole write path: handlers only say which stream, which decider and which context.
 */
@Injectable()
export class EventSourcedExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamStateLoader,
    private readonly personalData: PersonalData,
  ) {}

  async execute<Command extends { type: string }, Event extends DomainEvent, State, Context>(
    execution: Execution<Command, Event, State, Context>,
  ): Promise<ExecutionResult<State>> {
    const { stream, decider, command, context } = execution;
    const eventIdAt = eventIdsOf(stream, execution.organizationId, command.type, context.commandId);
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.streams.load(stream, decider);
      if (eventIdAt !== null && loaded.commandEventIds.has(eventIdAt(0))) {
        return { state: loaded.state, position: null, repeated: true };
      }
      const decided = decider.decide(command, loaded.state, await execution.loadContext(loaded.state));
      if (decided.length === 0) return { state: loaded.state, position: null, repeated: false };
      const plainEvents = decided.map((event, index) =>
        toNewEvent(
          event,
          eventIdAt === null ? randomUuid() : eventIdAt(index),
          context,
          execution.schemaVersions,
        ),
      );
      // Personal text is sealed before the append, so the hash chain covers the ciphertext.
      const sealed = await this.personalData.seal(plainEvents);
      let position: number;
      let written: boolean;
      try {
        ({ position, written } = await this.store.append(stream, sealed.events, {
          expectedRevision: loaded.revision === null ? 'no_stream' : loaded.revision,
        }));
      } catch (error) {
        // Refused for its expected revision: nothing was stored. Any other failure may have
        // stored the events after all, so their keys stay.
        if (error instanceof WrongExpectedRevisionError) await this.personalData.discard(sealed.valueIds);
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) {
          await pause(attempt);
          continue;
        }
        if (error instanceof WrongExpectedRevisionError) {
          throw conflict(
            `${stream} kept changing under concurrent writes; try again`,
            CONCURRENCY_ERROR_CODES.retriesExhausted,
          );
        }
        throw error;
      }
      if (!written) {
        await this.personalData.discard(sealed.valueIds);
        // The same command (same derived event ids) was appended concurrently: answer with what was stored.
        const reloaded = await this.streams.load(stream, decider);
        return { state: reloaded.state, position: null, repeated: true };
      }
      const state = decided.reduce(decider.evolve, loaded.state);
      return { state, position, repeated: false };
    }
  }
}

/**
 * The ids of a command's events, derived from everything that makes it one command: the stream,
 * the organisation it names, the operation and the commandId. A repeat derives the same ids (and
 * is recognised by its first one); a command of another organisation or operation that reuses the
 * commandId derives others, so it can neither read nor block the first one's result.
 */
function eventIdsOf(
  stream: string,
  organizationId: string | null,
  operation: string,
  commandId: string | null,
): ((index: number) => string) | null {
  if (commandId === null) return null;
  const identity = JSON.stringify([stream, organizationId, operation, commandId]);
  return (index) => nameUuid(`${identity}|${index}`, COMMAND_EVENT_NAMESPACE);
}

function toNewEvent(
  event: DomainEvent,
  id: string,
  context: CommandContext,
  schemaVersions: Readonly<Record<string, number>>,
): NewEvent {
  return {
    id,
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
