export const API_TOKEN_ERROR_CODES = {
  notFound: 'API_TOKEN.NOT_FOUND',
  alreadyIssued: 'API_TOKEN.ALREADY_ISSUED',
  noOrganizations: 'API_TOKEN.NO_ORGANIZATIONS',
  malformedSecretHash: 'API_TOKEN.MALFORMED_SECRET_HASH',
} as const;
