// A link that carries a token in the address's fragment (`#token=...`, which the browser never
// sends to a server): the dashboard's sign-in link and a rater's questionnaire link.

/** The token of an address's fragment (`#token=...`), or null when there is none. */
export function tokenInFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token === undefined || token === '' ? null : token;
}
