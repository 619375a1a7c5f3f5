// Importing a ratings file on the page: what its preview says (how many ratings, on which cells,
// what is wrong on which line) before anything is recorded. The file's columns are read by the
// shared rule (ratings-file); the ratings' own rules are the api's (checkRatings), except what
// cannot even be sent: a level that is not a whole number, a source the api does not know.
import { ratingFileLineOf, type RatingOfFile } from '@app/domain/assessment/ratings-file';

export const RATING_SOURCE_NAMES = ['SELF', 'PEER', 'CUSTOMER', 'AUDIT'] as const;

/** How many ratings the page asks the api to check at once, so a large file shows progress. */
export const CHECK_CHUNK_SIZE = 500;

export interface LineProblem {
  /** `line 4, column level`. */
  where: string;
  message: string;
}

export interface FunctionOfPreview {
  functionId: string;
  name: string;
  capabilities: number;
  ratings: number;
}

export interface RatingsPreview {
  ratings: number;
  /** Distinct (function, capability) cells the file rates. */
  cells: number;
  byFunction: FunctionOfPreview[];
}

export function previewOf(
  ratings: readonly RatingOfFile[],
  functionNames: ReadonlyMap<string, string>,
): RatingsPreview {
  const byFunction = new Map<string, { capabilities: Set<string>; ratings: number }>();
  for (const { rating } of ratings) {
    const entry = byFunction.get(rating.functionId) ?? { capabilities: new Set<string>(), ratings: 0 };
    entry.capabilities.add(rating.capabilityId);
    entry.ratings += 1;
    byFunction.set(rating.functionId, entry);
  }
  const functions = [...byFunction].map(([functionId, entry]) => ({
    functionId,
    name: functionNames.get(functionId) ?? functionId,
    capabilities: entry.capabilities.size,
    ratings: entry.ratings,
  }));
  return {
    ratings: ratings.length,
    cells: functions.reduce((sum, entry) => sum + entry.capabilities, 0),
    byFunction: functions,
  };
}

/** What the page finds wrong before asking the api: values GraphQL itself could not carry. */
export function unsendableProblemsOf(ratings: readonly RatingOfFile[]): (LineProblem & { index: number })[] {
  return ratings.flatMap(({ line, rating }, index) => {
    if (!Number.isInteger(rating.level))
      return [{ index, where: `line ${line}, column level`, message: 'level must be a whole number' }];
    if (!(RATING_SOURCE_NAMES as readonly string[]).includes(rating.source))
      return [
        {
          index,
          where: `line ${line}, column source`,
          message: `source must be one of ${RATING_SOURCE_NAMES.join(', ')} (got "${rating.source}")`,
        },
      ];
    return [];
  });
}

/** The api's refusal of the rating at `index` of the file, said as a line and column of the file. */
export function lineProblemOf(
  ratings: readonly RatingOfFile[],
  index: number,
  field: string | null,
  message: string,
): LineProblem {
  return { where: ratingFileLineOf(field, ratings, index) ?? `line ${ratings[index]?.line ?? '?'}`, message };
}

export function chunksOf<Item>(items: readonly Item[], size: number): Item[][] {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
