// Who may read a rater's own answer (its level and evidence, under the respondent's id), and who
// reads only the group's figures. The one rule every view of ratings applies (the assessment's
// ratings, a cell's ratings), as 360-degree feedback does: a planner never reads individual
// answers, and a customer or peer answer is shown individually only in a group of three or more,
// so no one can tell who said what. The recorded events are not touched: the audit history keeps
// them as recorded (docs/reference/personal-data.md).
import {
  MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS,
  SOURCES_SHOWN_FROM_MINIMUM_GROUP,
  type RatingSource,
} from '@app/domain';
import type { RoleName } from '../auth/principal';

/** The roles that may read individual answers (within the minimum group size). Planners read group figures. */
export const ROLES_READING_INDIVIDUAL_ANSWERS: readonly RoleName[] = ['ADMIN', 'ASSESSOR', 'AUDITOR'];

/** Why a rater group's individual ratings are not shown to the caller. */
export type WithheldReason =
  /** The caller's roles read group figures only (a planner). */
  | 'ROLE'
  /** A customer or peer group of respondents, fewer than the minimum. */
  | 'SMALL_GROUP';

/** The fields of a rating that place it in its cell and rater group. */
export interface GroupedRating {
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  respondentId: string | null;
  level: number;
}

/** One rater group of one cell whose ratings are withheld: its figures, and why. */
export interface WithheldRatingGroup {
  functionId: string;
  capabilityId: string;
  source: RatingSource;
  raterFunctionId: string | null;
  /** Ratings without a respondent count as one, as in the group's figures. */
  respondents: number;
  /** The plain mean of its respondents' levels: the group's level. */
  level: number;
  reason: WithheldReason;
}

export interface RatingsForCaller<Rating> {
  /** The ratings the caller may read, in the order given. */
  shown: Rating[];
  /** The groups left out, by cell, source and rater, in the order first met. */
  withheld: WithheldRatingGroup[];
}

const groupKey = (rating: GroupedRating): string =>
  JSON.stringify([rating.functionId, rating.capabilityId, rating.source, rating.raterFunctionId]);

/**
 * Why a group's ratings are withheld from a caller with these roles; null when they are shown. A
 * group's ratings: the latest per respondent, a rating without one counting as one respondent. A
 * group with no respondent at all is one rating the office recorded for the group as a whole (a
 * workshop's consensus): a group figure already, which names no one.
 */
export function withheldReasonOf(
  roles: readonly RoleName[],
  group: readonly Pick<GroupedRating, 'source' | 'respondentId'>[],
): WithheldReason | null {
  if (!roles.some((role) => ROLES_READING_INDIVIDUAL_ANSWERS.includes(role))) return 'ROLE';
  const [first] = group;
  if (
    first !== undefined &&
    SOURCES_SHOWN_FROM_MINIMUM_GROUP.includes(first.source) &&
    group.some((rating) => rating.respondentId !== null) &&
    group.length < MINIMUM_GROUP_FOR_INDIVIDUAL_ANSWERS
  ) {
    return 'SMALL_GROUP';
  }
  return null;
}

/**
 * The ratings (the effective ones of one assessment, or of one cell) a caller with these roles may
 * read, and the rater groups withheld from it with their figures.
 */
export function ratingsForCaller<Rating extends GroupedRating>(
  roles: readonly RoleName[],
  ratings: readonly Rating[],
): RatingsForCaller<Rating> {
  const groups = new Map<string, Rating[]>();
  for (const rating of ratings) {
    const key = groupKey(rating);
    const group = groups.get(key);
    if (group) group.push(rating);
    else groups.set(key, [rating]);
  }
  const withheldKeys = new Set<string>();
  const withheld: WithheldRatingGroup[] = [];
  for (const [key, members] of groups) {
    const [first] = members as [Rating, ...Rating[]];
    const reason = withheldReasonOf(roles, members);
    if (reason === null) continue;
    withheldKeys.add(key);
    withheld.push({
      functionId: first.functionId,
      capabilityId: first.capabilityId,
      source: first.source,
      raterFunctionId: first.raterFunctionId,
      respondents: members.length,
      level: members.reduce((sum, member) => sum + member.level, 0) / members.length,
      reason,
    });
  }
  return { shown: ratings.filter((rating) => !withheldKeys.has(groupKey(rating))), withheld };
}
