import { Injectable } from '@nestjs/common';

/** A retry comes within seconds; the links are held no longer than this. */
const KEEP_MS = 15 * 60_000;
const MAX_COMMANDS = 1000;

interface Kept<Issued> {
  until: number;
  issued: readonly Issued[];
}

/**
 * The answers of recent inviteRaters commands, in this process's memory only, so that a retry
 * with the same commandId (after an answer lost on the way) gets the same links. Secrets are never
 * written anywhere: after a restart, or after a quarter of an hour, a repeat is refused instead.
 */
@Injectable()
export class RecentlyIssuedLinks<Issued = { invitation: { id: string }; token: string }> {
  private readonly kept = new Map<string, Kept<Issued>>();

  keep(assessmentId: string, commandId: string, issued: readonly Issued[]): void {
    const now = Date.now();
    for (const [key, entry] of this.kept) if (entry.until <= now) this.kept.delete(key);
    if (this.kept.size >= MAX_COMMANDS) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(keyOf(assessmentId, commandId), { until: now + KEEP_MS, issued });
  }

  find(assessmentId: string, commandId: string): readonly Issued[] | undefined {
    const entry = this.kept.get(keyOf(assessmentId, commandId));
    return entry !== undefined && entry.until > Date.now() ? entry.issued : undefined;
  }
}

const keyOf = (assessmentId: string, commandId: string): string => JSON.stringify([assessmentId, commandId]);
