// A rater's link: the page at /rate with the token in the address's fragment, which browsers never
// send to a server (so it stays out of access logs and referrers).

/** `<origin>/rate#token=<token>`, the one shape the api, the dashboard's files and the cli hand out. */
export const raterLink = (origin: string, token: string): string =>
  `${origin.replace(/\/+$/, '')}/rate#token=${encodeURIComponent(token)}`;
