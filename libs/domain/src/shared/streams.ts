// Stream names: one stream per aggregate instance, `<category>-<id>`. Ids are slugs, so the
// category prefix is unambiguous when parsing back.
import { isSlug } from './validation';

export const STREAM_CATEGORIES = [
  'maturity-model',
  'organization',
  'assessment',
  'investment',
  'api-token',
  'scenarios',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export const streamName = (category: StreamCategory, id: string): string => `${category}-${id}`;

export const maturityModelStream = (modelId: string): string => streamName('maturity-model', modelId);
export const organizationStream = (organizationId: string): string =>
  streamName('organization', organizationId);
export const assessmentStream = (assessmentId: string): string => streamName('assessment', assessmentId);
export const investmentStream = (investmentId: string): string => streamName('investment', investmentId);
export const apiTokenStream = (tokenId: string): string => streamName('api-token', tokenId);
/** One stream per organisation holds all its saved scenarios: listing them is reading one stream. */
export const scenarioBookStream = (organizationId: string): string => streamName('scenarios', organizationId);

export interface ParsedStreamName {
  category: StreamCategory;
  id: string;
}

/** The category and id of a stream name, or null when it is not one of the domain's streams. */
export function parseStreamName(stream: string): ParsedStreamName | null {
  for (const category of STREAM_CATEGORIES) {
    const prefix = `${category}-`;
    if (stream.startsWith(prefix)) {
      const id = stream.slice(prefix.length);
      return isSlug(id) ? { category, id } : null;
    }
  }
  return null;
}
