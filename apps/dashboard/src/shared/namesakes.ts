// Two entries a person cannot tell apart by name ("Winter 2027 review" opened twice) are most often
// a slip: the forms warn before adding another, and the lists show what tells them apart.

/** A name as a person reads it: case, accents and spacing aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ids of the entries whose key another entry shares: the ones a list must tell apart. */
export function namesakeIds<T extends { id: string }>(
  items: readonly T[],
  keyOf: (item: T) => string,
): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return new Set(items.filter((item) => (counts.get(keyOf(item)) ?? 0) > 1).map((item) => item.id));
}
