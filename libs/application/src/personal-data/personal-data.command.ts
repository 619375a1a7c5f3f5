// forgetRespondent and redactEvidence (docs/reference/personal-data.md): record that it happened
// (the event holds no personal text), then destroy the keys that sealed the text. Destroying runs
// after the event is stored and again on a repeat of the command, so a crash between the two is
// mended by sending the same command again.
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assessmentStream,
  EVENT_SCHEMA_VERSIONS,
  isSlug,
  organizationStream,
  type PersonalDataCommand,
  type PersonalDataContext,
  personalDataDecider,
  type RedactEvidence,
  requireSlug,
} from '@app/domain';
import { EVENT_STORE, type EventStore, type JsonObject, type JsonValue } from '@app/event-store';
import { isSealedValue, KEY_STORE, type KeyStore, type ValueReference } from '@app/key-store';
import { EventSourcedExecutor } from '../command-handling/event-sourced-executor';
import type { CommandContext } from '../command-handling/command-context';
import { CLOCK, type Clock } from '../command-handling/clock';
import { InvitationIndex } from '../campaigns/invitation-index';
import { ReadModels } from '../projections/read-models';
import { StreamStateLoader } from '../streams/stream-state-loader';
import { referenceOf } from './personal-data';
import { PERSONAL_FIELDS, respondentKeyId } from './personal-fields';

export class ExecutePersonalDataCommand extends Command<boolean> {
  constructor(
    readonly organizationId: string,
    readonly command: PersonalDataCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The recordings a command erases, as stored: sealed ones by their keys, and how many are plain. */
interface ErasedEvidence {
  sealed: ValueReference[];
  plain: number;
  /** Whether anything of the subject was recorded at all (for a respondent: invited or rated). */
  subjectRecorded: boolean;
  assessmentOrganizationId: string | null;
  /** Of the sealed ones, those whose key is destroyed already, and when the last one was. */
  alreadyErased: number;
  lastErasedAt: string | null;
}

const nothingErased = (): ErasedEvidence => ({
  sealed: [],
  plain: 0,
  subjectRecorded: false,
  assessmentOrganizationId: null,
  alreadyErased: 0,
  lastErasedAt: null,
});

@CommandHandler(ExecutePersonalDataCommand)
export class PersonalDataCommandHandler implements ICommandHandler<ExecutePersonalDataCommand> {
  constructor(
    private readonly executor: EventSourcedExecutor,
    private readonly streams: StreamStateLoader,
    private readonly readModels: ReadModels,
    private readonly invitations: InvitationIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ organizationId, command, context }: ExecutePersonalDataCommand): Promise<boolean> {
    const organization = requireSlug('organizationId', organizationId);
    let erased = nothingErased();
    let at = this.clock().toISOString();
    await this.executor.execute({
      stream: organizationStream(organization),
      decider: personalDataDecider,
      command,
      organizationId: organization,
      loadContext: async (): Promise<PersonalDataContext> => {
        const now = this.clock();
        at = now.toISOString();
        erased =
          command.type === 'ForgetRespondent'
            ? await this.respondentEvidence(organization, command.data.respondentId)
            : await this.ratingEvidence(command);
        return {
          now,
          evidence: { sealed: erased.sealed.length, plain: erased.plain },
          respondentRecorded: erased.subjectRecorded,
          assessmentOrganizationId: erased.assessmentOrganizationId,
          ...(command.type === 'RedactEvidence' && {
            erased: { recordings: erased.alreadyErased, lastErasedAt: erased.lastErasedAt },
          }),
        };
      },
      context,
      schemaVersions: EVENT_SCHEMA_VERSIONS,
    });
    if (command.type === 'ForgetRespondent') {
      // Their links stop at the next request, without waiting for the subscription to bring the event.
      this.invitations.rememberForgotten(organization, command.data.respondentId, at);
      await this.keys.destroyDataKey(
        { keyId: respondentKeyId(organization, command.data.respondentId), organizationId: organization },
        at,
      );
    } else await this.keys.destroyValueSecrets(erased.sealed, at);
    // States kept in memory were folded with the opened text: none may show it again.
    this.streams.forgetKeptStates();
    return true;
  }

  /**
   * Every personal text of the respondent (evidence, invitation labels), from the organisation
   * index (which keeps it as stored).
   */
  private async respondentEvidence(organizationId: string, respondentId: string): Promise<ErasedEvidence> {
    await this.readModels.ready();
    const erased = nothingErased();
    for (const event of this.readModels.index.eventsOf(organizationId))
      if (event.data.respondentId === respondentId) {
        erased.subjectRecorded = true;
        for (const { field } of PERSONAL_FIELDS[event.type] ?? []) count(erased, event.data[field]);
      }
    return erased;
  }

  /** Every recording of one rating of an assessment, from its stream as stored. */
  private async ratingEvidence({ data }: RedactEvidence): Promise<ErasedEvidence> {
    const erased = nothingErased();
    if (!isSlug(data.assessmentId)) return erased;
    for (const event of await this.store.readStream(assessmentStream(data.assessmentId))) {
      if (event.type === 'AssessmentOpened' && typeof event.data.organizationId === 'string')
        erased.assessmentOrganizationId = event.data.organizationId;
      if (event.type === 'RatingRecorded' && sameRating(event.data, data)) count(erased, event.data.evidence);
    }
    // Erased by an earlier redaction (the value secret) or by forgetting the respondent (the data key).
    for (const lookup of await this.keys.find(erased.sealed))
      if (lookup.state === 'destroyed') {
        erased.alreadyErased += 1;
        if (erased.lastErasedAt === null || lookup.destroyedAt > erased.lastErasedAt)
          erased.lastErasedAt = lookup.destroyedAt;
      }
    return erased;
  }
}

function count(erased: ErasedEvidence, text: JsonValue | undefined): void {
  if (isSealedValue(text)) erased.sealed.push(referenceOf(text));
  else if (typeof text === 'string') erased.plain += 1;
}

function sameRating(data: JsonObject, rating: RedactEvidence['data']): boolean {
  return (
    data.functionId === rating.functionId &&
    data.capabilityId === rating.capabilityId &&
    data.source === rating.source &&
    (data.raterFunctionId ?? null) === (rating.raterFunctionId ?? null) &&
    (data.respondentId ?? null) === (rating.respondentId ?? null)
  );
}
