import { Inject, Injectable } from '@nestjs/common';
import { v4 as randomUuid, v5 as nameUuid } from 'uuid';
import {
  EVENT_STORE,
  type EventStore,
  type JsonObject,
  DuplicateEventIdError,
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
  /**
   * Global position of the last event of the append that wrote the command's events (commands
   * batched into one append share it, so it is at or after the command's own last event); null
   * when nothing was appended (a repeat, or no change).
   */
  position: number | null;
  repeated: boolean;
}

/** Commands of one stream decided together and written in one append, at most. */
const MAX_COMMANDS_PER_APPEND = 100;

/** A command waiting for its stream's turn, with the promise its caller holds. */
interface QueuedCommand {
  execution: Execution<{ type: string }, DomainEvent, unknown, unknown>;
  resolve: (result: ExecutionResult<unknown>) => void;
  reject: (error: unknown) => void;
}

/** What one command of a batch came to, told to its caller once the batch's append is settled. */
type Decision =
  | { kind: 'events'; events: NewEvent[]; valueIds: string[]; state: unknown }
  | { kind: 'unchanged'; state: unknown; repeated: boolean }
  | { kind: 'refused'; error: unknown };

/**
 * Load, decide, append with the expected revision; on a concurrent write, reload and decide again.
 * This is the whole write path: handlers only say which stream, which decider and which context.
 *
 * Commands on one stream take turns in this process (a lane per stream): they never race each
 * other for the same revision, which on a busy stream (a campaign's 200 raters answering into one
 * assessment) made most appends fail their expectation and retry until they gave up. While a
 * stream's append is being committed the next commands queue; they are then decided one after
 * the other, each on the state the previous one left, and written in one append: one commit for
 * the lot, and each caller still gets its own state, its own refusal or its repeat.
 */
@Injectable()
export class EventSourcedExecutor {
  private readonly lanes = new Map<string, QueuedCommand[]>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamStateLoader,
    private readonly personalData: PersonalData,
  ) {}

  execute<Command extends { type: string }, Event extends DomainEvent, State, Context>(
    execution: Execution<Command, Event, State, Context>,
  ): Promise<ExecutionResult<State>> {
    return new Promise<ExecutionResult<State>>((resolve, reject) => {
      const queued = {
        execution,
        resolve,
        reject,
      } as unknown as QueuedCommand;
      const lane = this.lanes.get(execution.stream);
      if (lane !== undefined) {
        lane.push(queued);
        return;
      }
      this.lanes.set(execution.stream, [queued]);
      void this.drain(execution.stream);
    });
  }

  /** Runs the stream's queued commands, a batch at a time, until none is left. */
  private async drain(stream: string): Promise<void> {
    const lane = this.lanes.get(stream) ?? [];
    while (lane.length > 0) {
      const batch = takeBatch(lane);
      try {
        await this.executeBatch(stream, batch);
      } catch (error) {
        for (const queued of batch) queued.reject(error);
      }
    }
    this.lanes.delete(stream);
  }

  /** Decides each command on the state the previous ones leave, appends all their events at once. */
  private async executeBatch(stream: string, batch: readonly QueuedCommand[]): Promise<void> {
    const decider = (batch[0] as QueuedCommand).execution.decider;
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.streams.load(stream, decider);
      let state = loaded.state;
      const decisions: Decision[] = [];
      for (const { execution } of batch) {
        const decision = await this.decide(execution, state, loaded.commandEventIds);
        if (decision.kind === 'events') state = decision.state;
        decisions.push(decision);
      }
      const events = decisions.flatMap((decision) => (decision.kind === 'events' ? decision.events : []));
      const valueIds = decisions.flatMap((decision) => (decision.kind === 'events' ? decision.valueIds : []));
      if (events.length === 0) {
        settle(batch, decisions, null);
        return;
      }
      let position: number;
      let written: boolean;
      try {
        ({ position, written } = await this.store.append(stream, events, {
          expectedRevision: loaded.revision === null ? 'no_stream' : loaded.revision,
        }));
      } catch (error) {
        // Refused for its expected revision: nothing was stored. Any other failure may have
        // stored the events after all, so their keys stay.
        if (error instanceof WrongExpectedRevisionError) await this.personalData.discard(valueIds);
        // A batch whose ids are partly stored: another process ran one of its commands meanwhile;
        // deciding again finds that one a repeat.
        const partlyRepeated = error instanceof DuplicateEventIdError && batch.length > 1;
        if ((error instanceof WrongExpectedRevisionError || partlyRepeated) && attempt < MAX_ATTEMPTS) {
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
        await this.personalData.discard(valueIds);
        // The same commands (same derived event ids) were appended concurrently: deciding again
        // answers each as a repeat, with what was stored.
        if (attempt < MAX_ATTEMPTS) continue;
      }
      settle(batch, decisions, position);
      return;
    }
  }

  /** One command of a batch, on the state the commands before it leave. */
  private async decide(
    execution: QueuedCommand['execution'],
    state: unknown,
    storedCommandEventIds: ReadonlySet<string>,
  ): Promise<Decision> {
    const { stream, decider, command, context } = execution;
    const eventIdAt = eventIdsOf(stream, execution.organizationId, command.type, context.commandId);
    if (eventIdAt !== null && storedCommandEventIds.has(eventIdAt(0)))
      return { kind: 'unchanged', state, repeated: true };
    try {
      const decided = decider.decide(command, state, await execution.loadContext(state));
      if (decided.length === 0) return { kind: 'unchanged', state, repeated: false };
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
      return {
        kind: 'events',
        events: sealed.events,
        valueIds: sealed.valueIds,
        state: decided.reduce(decider.evolve, state),
      };
    } catch (error) {
      return { kind: 'refused', error };
    }
  }
}

/**
 * The next commands of a lane that can share one append: the same decider (one state to fold),
 * and no commandId twice (a repeat must see the first one stored to answer as a repeat).
 */
function takeBatch(lane: QueuedCommand[]): QueuedCommand[] {
  const first = lane[0] as QueuedCommand;
  const commandIds = new Set<string>();
  let count = 0;
  for (const { execution } of lane) {
    const commandId = execution.context.commandId;
    if (count === MAX_COMMANDS_PER_APPEND || execution.decider !== first.execution.decider) break;
    if (commandId !== null && commandIds.has(commandId)) break;
    if (commandId !== null) commandIds.add(commandId);
    count += 1;
  }
  return lane.splice(0, count);
}

/** Tells each caller its outcome; those that appended get the append's position (that of its last event). */
function settle(
  batch: readonly QueuedCommand[],
  decisions: readonly Decision[],
  position: number | null,
): void {
  batch.forEach((queued, index) => {
    const decision = decisions[index] as Decision;
    switch (decision.kind) {
      case 'events':
        queued.resolve({ state: decision.state, position, repeated: false });
        break;
      case 'unchanged':
        queued.resolve({ state: decision.state, position: null, repeated: decision.repeated });
        break;
      case 'refused':
        queued.reject(decision.error);
        break;
    }
  });
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
