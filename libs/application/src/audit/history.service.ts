import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@app/event-store';
import { invalidInput, requireSlug } from '@app/domain';
import { OrganizationEvents } from './organization-events';

const HISTORY_DEFAULT_PAGE_SIZE = 50;
const HISTORY_MAX_PAGE_SIZE = 500;

export interface HistoryEdge {
  cursor: string;
  event: RecordedEvent;
}

export interface HistoryPage {
  edges: HistoryEdge[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** An organisation's events as recorded, oldest first, in Relay-style pages keyed by global position. */
@Injectable()
export class HistoryService {
  constructor(private readonly organizationEvents: OrganizationEvents) {}

  async page(organizationId: string, after?: string | null, first?: number | null): Promise<HistoryPage> {
    requireSlug('organizationId', organizationId);
    const afterPosition = after === undefined || after === null ? 0 : decodeCursor(after);
    const size = first ?? HISTORY_DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > HISTORY_MAX_PAGE_SIZE)
      throw invalidInput('first', `first must be an integer from 1 to ${HISTORY_MAX_PAGE_SIZE}, got ${size}`);
    await this.organizationEvents.requireRegistered(organizationId);
    const events = (await this.organizationEvents.all(organizationId)).filter(
      (event) => event.position > afterPosition,
    );
    const edges = events.slice(0, size).map((event) => ({ cursor: encodeCursor(event.position), event }));
    return { edges, hasNextPage: events.length > size, endCursor: edges.at(-1)?.cursor ?? null };
  }
}

// Opaque to clients; a global position inside, so a page stays stable while new events arrive.
const CURSOR_PREFIX = 'position:';

function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || position < 0)
    throw invalidInput('after', `after: "${cursor}" is not a cursor of this history`);
  return position;
}
