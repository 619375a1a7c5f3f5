import { invalidInput } from '../shared';
import type { ScoringOrganization } from './scoring-input';

/** An undirected link between two functions, by their positions in the organisation. */
export interface GridEdge {
  from: number;
  to: number;
  weight: number;
}

/**
 * Declared interactions, or every pair with weight 1 when none are declared. A pair declared
 * twice keeps its latest weight; links to unknown functions and self-links carry no alignment.
 */
export const compileEdges = (
  organization: ScoringOrganization,
  functionIndex: ReadonlyMap<string, number>,
): GridEdge[] => {
  const functionCount = organization.functions.length;
  if (organization.interactions.length === 0) {
    const edges: GridEdge[] = [];
    for (let from = 0; from < functionCount; from += 1) {
      for (let to = from + 1; to < functionCount; to += 1) edges.push({ from, to, weight: 1 });
    }
    return edges;
  }
  const byPair = new Map<number, GridEdge>();
  organization.interactions.forEach((interaction, position) => {
    if (!Number.isFinite(interaction.weight) || interaction.weight <= 0) {
      throw invalidInput(`interactions[${position}].weight`, 'an interaction needs a weight above 0');
    }
    const from = functionIndex.get(interaction.from);
    const to = functionIndex.get(interaction.to);
    if (from === undefined || to === undefined || from === to) return;
    const key = Math.min(from, to) * functionCount + Math.max(from, to);
    const existing = byPair.get(key);
    if (existing === undefined) byPair.set(key, { from, to, weight: interaction.weight });
    else existing.weight = interaction.weight;
  });
  return [...byPair.values()];
};
