// Nothing stops two organisations sharing a name (a rename, a test copy, a merger), and a picker
// listing "BigCo" twice leaves the user guessing. A name used once reads as itself; a repeated
// name carries the organisation's id, the one thing that tells them apart.

interface NamedOrganization {
  readonly id: string;
  readonly name: string;
}

/** The label of each organisation by id: its name, followed by its id where another shares the name. */
export function organizationLabels(organizations: readonly NamedOrganization[]): ReadonlyMap<string, string> {
  const uses = new Map<string, number>();
  for (const { name } of organizations) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map(
    organizations.map(({ id, name }) => [id, (uses.get(name) ?? 0) > 1 ? `${name} (${id})` : name]),
  );
}
