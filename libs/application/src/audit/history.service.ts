import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@app/event-store';
import { DOMAIN_EVENT_TYPES, invalidInput, isDomainEventType, requireSlug } from '@app/domain';
import type { HistoryCriteria } from '@app/projections';
import { ReadModels } from '../projections/read-models';
import { OrganizationEvents } from './organization-events';

const HISTORY_DEFAULT_PAGE_SIZE = 50;
const HISTORY_MAX_PAGE_SIZE = 500;

export interface HistoryEdge {
  cursor: string;
  event: RecordedEvent;
}

/** What an auditor narrows the history to; every criterion given must hold. */
export interface HistoryFilter {
  /** Event types, exactly (e.g. `RatingCorrected`); a name that is no event type is refused. */
  types?: readonly string[] | null;
  /** Part of the stream name, e.g. `assessment-` or an investment id. */
  stream?: string | null;
  /** Part of the actor (a token's label and id), case-insensitive. */
  actor?: string | null;
  /** Recorded at or after this instant (ISO-8601). */
  recordedFrom?: string | null;
  /** Recorded at or before this instant (ISO-8601). */
  recordedTo?: string | null;
}

export interface HistoryPage {
  /** Events matching the filter, over every page. */
  totalCount: number;
  edges: HistoryEdge[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * An organisation's events as recorded, oldest first (or newest first), in Relay-style pages keyed by global
 * position. The history read model finds the page and counts the matches; only the page's events
 * are read from the store, so a page costs the same at a hundred events or a hundred thousand.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly organizationEvents: OrganizationEvents,
    private readonly readModels: ReadModels,
  ) {}

  async page(
    organizationId: string,
    after?: string | null,
    first?: number | null,
    filter: HistoryFilter = {},
    /** Newest first: each page holds the events recorded before the previous page's. */
    newestFirst = false,
  ): Promise<HistoryPage> {
    requireSlug('organizationId', organizationId);
    const afterPosition = after === undefined || after === null ? 0 : decodeCursor(after);
    const size = first ?? HISTORY_DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > HISTORY_MAX_PAGE_SIZE)
      throw invalidInput('first', `first must be an integer from 1 to ${HISTORY_MAX_PAGE_SIZE}, got ${size}`);
    await this.organizationEvents.requireRegistered(organizationId);
    const criteria = criteriaOf(filter);
    await this.readModels.ready();
    const history = this.readModels.history;
    // One more than the page: whether a next page exists without counting what follows.
    const entries = history.page(organizationId, criteria, { afterPosition, limit: size + 1, newestFirst });
    const events = await this.organizationEvents.at(entries.slice(0, size));
    // Filtered as stored; only the page shown has its personal text opened.
    const shown = await this.organizationEvents.toShow(events);
    const edges = shown.map((event) => ({ cursor: encodeCursor(event.position), event }));
    return {
      totalCount: history.count(organizationId, criteria),
      edges,
      hasNextPage: entries.length > size,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
  }
}

/** The filter as the history read model keeps its rows (epoch milliseconds, lower-cased actor). */
export function criteriaOf(filter: HistoryFilter): HistoryCriteria {
  const instant = (field: string, value: string | null | undefined): number | null => {
    if (!value) return null;
    const milliseconds = Date.parse(value);
    if (Number.isNaN(milliseconds)) throw invalidInput(field, `${field}: "${value}" is not an instant`);
    return milliseconds;
  };
  // A misspelt type would match nothing and read as "no such event": say so instead.
  const unknownType = filter.types?.find((type) => !isDomainEventType(type));
  if (unknownType !== undefined)
    throw invalidInput(
      'filter.types',
      `filter.types: "${unknownType}" is not an event type; the event types are ${[...DOMAIN_EVENT_TYPES].sort().join(', ')}`,
    );
  const from = instant('filter.recordedFrom', filter.recordedFrom);
  const to = instant('filter.recordedTo', filter.recordedTo);
  if (from !== null && to !== null && from > to)
    throw invalidInput('filter.recordedFrom', 'filter.recordedFrom must not be after filter.recordedTo');
  return {
    types: filter.types && filter.types.length > 0 ? filter.types : null,
    stream: filter.stream?.trim() || null,
    actorLowerCase: filter.actor?.trim().toLowerCase() || null,
    recordedFrom: from,
    recordedTo: to,
  };
}

// Opaque to clients; a global position inside, so a page stays stable while new events arrive.
const CURSOR_PREFIX = 'position:';

function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

/** A cursor is a base64url of `position:<n>`, never longer than this. */
const MAX_CURSOR_LENGTH = 64;

function decodeCursor(cursor: string): number {
  if (cursor.length > MAX_CURSOR_LENGTH)
    throw invalidInput(
      'after',
      `after must be an endCursor of this history (at most ${MAX_CURSOR_LENGTH} characters)`,
    );
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || position < 0)
    throw invalidInput('after', `after: "${cursor}" is not a cursor of this history`);
  return position;
}
