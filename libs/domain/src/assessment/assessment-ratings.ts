// Which ratings of an assessment count: the one rule, used by the assessment aggregate and by
// every read of ratings (the maturity views fold the organisation index with it).
import type { RatingSource } from '../maturity-model';
import { PersistentMap } from '../shared/persistent-map';
import type { RatingCorrected, RatingRecorded } from './assessment.events';

/** The events that put a rating in force. */
export type RatingEvent = RatingRecorded | RatingCorrected;

/** One level given to one cell by one source (rater function, respondent): what every rating holds. */
export type RatingOfCell = {
  functionId: string;
  capabilityId: string;
  level: number;
  source: RatingSource;
  raterFunctionId: string | null;
  respondentId: string | null;
};

/** The latest correction of a rating in force: what it replaced, why and when. */
export type RatingCorrection = {
  /** The level it replaced, null when the correction added the rating. */
  previousLevel: number | null;
  reason: string;
  /** ISO-8601. */
  correctedAt: string;
};

/** The rating in force for one (function, capability, source, rater, respondent): the latest recorded or corrected. */
export type EffectiveRating = RatingOfCell & {
  /** Evidence of the latest recording; a correction keeps it. */
  evidence: string | null;
  /** The evidence of the latest recording was erased (it reads null). */
  evidenceErased: boolean;
  /** The correction that put this level in force; null when it was recorded (a later recording drops it). */
  correction: RatingCorrection | null;
  /** Position of the superseding event among the assessment's rating events, from 0 (recording order). */
  sequence: number;
};

export type RatingKeyParts = {
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  /** Absent or null: no respondent (the group speaking as one). */
  respondentId?: string | null;
};

/** Identifies what a later rating supersedes. Slugs hold no '/', so the key is unambiguous. */
export const ratingKey = ({
  functionId,
  capabilityId,
  source,
  raterFunctionId,
  respondentId,
}: RatingKeyParts): string =>
  `${functionId}/${capabilityId}/${source}/${raterFunctionId ?? ''}/${respondentId ?? ''}`;

/** An assessment's ratings in force, by ratingKey, and how many rating events put them there. */
export interface RatingsInForce {
  readonly byKey: PersistentMap<string, EffectiveRating>;
  readonly eventCount: number;
}

/**
 * No ratings yet: a map of its own for each assessment. Versions that share a map make reading one
 * of them move the map's entries there (rerooting): assessments folded from one shared empty map
 * would move every rating of one into the other each time a list of them is read.
 */
export const noRatings = (): RatingsInForce => ({ byKey: new PersistentMap(), eventCount: 0 });

/**
 * Puts rating events in force, in recording order: each supersedes the rating of the same
 * (function, capability, source, rater, respondent); a correction keeps the evidence of the rating it
 * supersedes. Pure: returns new ratings and leaves `ratings` as it was. The map is persistent, so
 * an answer costs O(its events), not a copy of every rating in force (a campaign folds thousands).
 */
export function foldAssessmentRatings(
  ratings: RatingsInForce,
  events: Iterable<RatingEvent>,
): RatingsInForce {
  const changes = new Map<string, EffectiveRating>();
  let eventCount = ratings.eventCount;
  for (const event of events) {
    const key = ratingKey(event.data);
    changes.set(key, ratingPutInForce(event, changes.get(key) ?? ratings.byKey.get(key), eventCount));
    eventCount += 1;
  }
  return { byKey: ratings.byKey.withEntries(changes), eventCount };
}

function ratingPutInForce(
  event: RatingEvent,
  superseded: EffectiveRating | undefined,
  sequence: number,
): EffectiveRating {
  const { functionId, capabilityId, level, source, raterFunctionId } = event.data;
  const recorded = event.type === 'RatingRecorded';
  // One object per rating: folds run over every rating an organisation has.
  return {
    functionId,
    capabilityId,
    level,
    source,
    raterFunctionId,
    // Events read raw (schema version 1) have no respondentId at all.
    respondentId: event.data.respondentId ?? null,
    evidence: recorded ? event.data.evidence : (superseded?.evidence ?? null),
    evidenceErased: recorded ? event.data.evidenceErased === true : (superseded?.evidenceErased ?? false),
    correction: recorded
      ? null
      : {
          previousLevel: event.data.previousLevel,
          reason: event.data.reason,
          correctedAt: event.data.correctedAt,
        },
    sequence,
  };
}
