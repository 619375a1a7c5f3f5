// "Not sure" records nothing (no rating is better than a guess). The page remembers it on this
// device, per invitation, so the choice still shows after a reload.
import { useState } from 'preact/hooks';
import { readKept, writeKept } from './device-store';

const keyOf = (invitationId: string) => `questionnaire-not-sure:${invitationId}`;

function read(invitationId: string | null): Set<string> {
  if (invitationId === null) return new Set();
  const stored = readKept(keyOf(invitationId));
  return new Set(
    Array.isArray(stored) ? stored.filter((cell): cell is string => typeof cell === 'string') : [],
  );
}

export interface NotSure {
  has(cell: string): boolean;
  set(cell: string, notSure: boolean): void;
}

export function useNotSure(invitationId: string | null): NotSure {
  const [cells, setCells] = useState<{ invitationId: string | null; cells: Set<string> }>(() => ({
    invitationId,
    cells: read(invitationId),
  }));
  const current = cells.invitationId === invitationId ? cells.cells : read(invitationId);
  return {
    has: (cell) => current.has(cell),
    set(cell, notSure) {
      if (current.has(cell) === notSure || invitationId === null) return;
      const next = new Set(current);
      if (notSure) next.add(cell);
      else next.delete(cell);
      writeKept(keyOf(invitationId), [...next]);
      setCells({ invitationId, cells: next });
    },
  };
}
