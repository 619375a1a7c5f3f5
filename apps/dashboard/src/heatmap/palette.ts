// Cell colours come from ColorBrewer's 8-class PuOr, a diverging scheme that stays distinct for
// the common colour-vision deficiencies: orange shades for cells below target (darker = further
// below), purple shades for cells at or above it. A glyph and text repeat the meaning, so colour
// is never the only channel. The darkest purple is a shade deeper than PuOr's, so white text on it
// keeps a 4.5:1 contrast.
import type { MaturityCell } from '../api/types';
import { shownDifference } from '../shared/format';

export interface CellTone {
  /** Stable name, used as a CSS modifier and in the legend. */
  name: string;
  background: string;
  foreground: string;
  label: string;
}

const dark = '#1f1d1a';
const light = '#ffffff';

export const tones = {
  farBelow: { name: 'far-below', background: '#b35806', foreground: light, label: '2+ below' },
  below: { name: 'below', background: '#e08214', foreground: dark, label: '1–2 below' },
  slightlyBelow: { name: 'slightly-below', background: '#fdb863', foreground: dark, label: '0.5–1 below' },
  nearlyThere: { name: 'nearly-there', background: '#fee0b6', foreground: dark, label: 'under 0.5 below' },
  onTarget: { name: 'on-target', background: '#d8daeb', foreground: dark, label: 'on target' },
  above: { name: 'above', background: '#b2abd2', foreground: dark, label: '0.5–1.5 above' },
  farAbove: { name: 'far-above', background: '#766aa6', foreground: light, label: '1.5+ above' },
  noTarget: { name: 'no-target', background: '#f3f2ef', foreground: dark, label: 'no target set' },
  unrated: { name: 'unrated', background: 'transparent', foreground: '#6b665e', label: 'unrated' },
} satisfies Record<string, CellTone>;

export const legendOrder: CellTone[] = [
  tones.farBelow,
  tones.below,
  tones.slightlyBelow,
  tones.nearlyThere,
  tones.onTarget,
  tones.above,
  tones.farAbove,
  tones.noTarget,
  tones.unrated,
];

export function toneOf(cell: MaturityCell | undefined): CellTone {
  if (!cell || cell.level == null) return tones.unrated;
  if (cell.target == null) return tones.noTarget;
  const difference = cell.level - cell.target;
  if (difference <= -2) return tones.farBelow;
  if (difference <= -1) return tones.below;
  if (difference <= -0.5) return tones.slightlyBelow;
  if (difference < 0) return tones.nearlyThere;
  if (difference < 0.5) return tones.onTarget;
  if (difference < 1.5) return tones.above;
  return tones.farAbove;
}

/** The text cue next to the level: how far below target, or a check mark when it is met. */
export function targetCue(cell: MaturityCell | undefined): { glyph: string; text: string } {
  if (!cell || cell.level == null) return { glyph: '', text: 'unrated' };
  if (cell.target == null) return { glyph: '', text: 'no target' };
  const difference = cell.level - cell.target;
  if (difference < 0) return { glyph: '▼', text: belowTarget(cell.level, cell.target) };
  return { glyph: '✓', text: `target ${cell.target}` };
}

/**
 * How far a level under its target reads below it, from the level as shown ("0.7 below 3" for
 * 2.25, shown 2.3); "just below 3" when the shown level already reads 3.0.
 */
export function belowTarget(level: number, target: number, targetWord = ''): string {
  const gap = shownDifference(level, target);
  return gap > 0 ? `${gap.toFixed(1)} below ${targetWord}${target}` : `just below ${targetWord}${target}`;
}
