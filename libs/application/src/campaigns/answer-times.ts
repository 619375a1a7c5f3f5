// When each respondent last answered in an assessment: the transaction time (recordedAt) of their
// latest rating event, which the aggregate's state does not hold (events carry it as metadata).
// Only their own answers count: a correction is an admin's act on the rating, not an answer.
// Kept per stream and read on from the last revision seen, like the stream-state cache.
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { assessmentStream, type RatingRecordedData, type RatingSource } from '@app/domain';

/** Assessments whose answer times are kept in memory (least recently used first out). */
const MAX_CACHED_ASSESSMENTS = 500;
const ANSWER_EVENT_TYPE = 'RatingRecorded';

export interface RespondentKeyParts {
  source: RatingSource;
  raterFunctionId: string | null;
  respondentId: string | null;
}

const respondentKey = ({ source, raterFunctionId, respondentId }: RespondentKeyParts): string =>
  `${source}/${raterFunctionId ?? ''}/${respondentId ?? ''}`;

interface Cached {
  revision: number;
  latest: Map<string, string>;
}

export interface AnswerTimesOfAssessment {
  /** ISO-8601 of the respondent's latest answer (rating recorded) in the assessment, or null when none. */
  lastAnsweredAt(respondent: RespondentKeyParts): string | null;
}

@Injectable()
export class AnswerTimes {
  private readonly cache = new Map<string, Cached>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(assessmentId: string): Promise<AnswerTimesOfAssessment> {
    const stream = assessmentStream(assessmentId);
    const cached = this.cache.get(stream);
    const events = await this.store.readStream(
      stream,
      cached ? { fromRevision: cached.revision + 1 } : undefined,
    );
    const latest = new Map(cached?.latest);
    for (const event of events) {
      if (event.type !== ANSWER_EVENT_TYPE) continue;
      latest.set(respondentKey(event.data as unknown as RatingRecordedData), event.metadata.recordedAt);
    }
    const revision = events.at(-1)?.revision ?? cached?.revision;
    if (revision !== undefined) this.remember(stream, { revision, latest });
    return { lastAnsweredAt: (respondent) => latest.get(respondentKey(respondent)) ?? null };
  }

  private remember(stream: string, entry: Cached): void {
    const current = this.cache.get(stream);
    if (current && current.revision > entry.revision) return;
    this.cache.delete(stream);
    this.cache.set(stream, entry);
    if (this.cache.size > MAX_CACHED_ASSESSMENTS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
