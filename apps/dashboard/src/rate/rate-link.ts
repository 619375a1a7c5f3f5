// The rater's link carries its token in the address's fragment (`/rate#token=...`), which the
// browser never sends to a server; the page reads it from there on every load.

export function tokenFromLocation(hash: string = window.location.hash): string | null {
  const parameters = new URLSearchParams(hash.replace(/^#/, ''));
  const token = parameters.get('token')?.trim();
  return token === undefined || token === '' ? null : token;
}
