// Evidence typed before a level is picked (or with "Not sure") cannot be recorded: the api keeps
// evidence with a rating. A rater expects what they wrote to stay, so it is kept on this device,
// per invitation, shown again in its box when the link is reopened here, and sent with the level
// once one is picked.
import { useState } from 'preact/hooks';
import { readKept, writeKept } from './device-store';

const keyOf = (invitationId: string) => `questionnaire-draft-evidence:${invitationId}`;

function read(invitationId: string | null): Map<string, string> {
  if (invitationId === null) return new Map();
  const stored = readKept(keyOf(invitationId));
  if (typeof stored !== 'object' || stored === null) return new Map();
  return new Map(
    Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export interface DraftEvidence {
  /** The text kept for a cell with no level picked, or null. */
  get(cell: string): string | null;
  /** Keeps the text of a cell (null or blank: keeps none). */
  set(cell: string, text: string | null): void;
}

export function useDraftEvidence(invitationId: string | null): DraftEvidence {
  const [drafts, setDrafts] = useState<{ invitationId: string | null; drafts: Map<string, string> }>(() => ({
    invitationId,
    drafts: read(invitationId),
  }));
  const current = drafts.invitationId === invitationId ? drafts.drafts : read(invitationId);
  return {
    get: (cell) => current.get(cell) ?? null,
    set(cell, text) {
      const kept = text === null || text.trim() === '' ? null : text;
      if ((current.get(cell) ?? null) === kept || invitationId === null) return;
      const next = new Map(current);
      if (kept === null) next.delete(cell);
      else next.set(cell, kept);
      writeKept(keyOf(invitationId), next.size === 0 ? null : Object.fromEntries(next));
      setDrafts({ invitationId, drafts: next });
    },
  };
}
