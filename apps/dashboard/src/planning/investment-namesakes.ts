// An investment planned twice under one name (a form sent again after a reload) cannot be told
// apart in the list: the form warns while the name is typed, and the cards of namesakes show ids.
import { nameKey, namesakeIds } from '../shared/namesakes';

type Named = { id: string; name: string; status: string };

/** The investment still planned or approved under this name, which a new one would repeat, or null. */
export function liveNamesakeOf<T extends Named>(investments: readonly T[], name: string): T | null {
  const key = nameKey(name);
  if (key === '') return null;
  return (
    investments.find(
      (investment) =>
        (investment.status === 'PLANNED' || investment.status === 'APPROVED') &&
        nameKey(investment.name) === key,
    ) ?? null
  );
}

/** The ids of investments that share their name with another, cancelled ones included. */
export function investmentNamesakeIds(investments: readonly Named[]): ReadonlySet<string> {
  return namesakeIds(investments, (investment) => nameKey(investment.name));
}
