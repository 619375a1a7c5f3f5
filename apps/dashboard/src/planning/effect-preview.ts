// What an effect would do to one cell at the horizon, as the simulation computes it: the level
// plus the likely change, clamped to the model's levels 1..L. Shown while picking effects.

export interface EffectPreview {
  /** The cell's effective level now; null when unrated (the simulation then ignores the effect). */
  now: number | null;
  /** now + likely, before clamping. */
  unclamped: number | null;
  /** clamp(now + likely, 1, L). */
  projected: number | null;
  clamped: 'top' | 'bottom' | null;
}

export function previewEffect(now: number | null, likely: number, topLevel: number): EffectPreview {
  if (now === null) return { now, unclamped: null, projected: null, clamped: null };
  const unclamped = now + likely;
  const projected = Math.min(topLevel, Math.max(1, unclamped));
  const clamped = unclamped > topLevel ? 'top' : unclamped < 1 ? 'bottom' : null;
  return { now, unclamped, projected, clamped };
}
