export type IssueApiToken = {
  type: 'IssueApiToken';
  data: {
    tokenId: string;
    role: string;
    organizationIds: readonly string[];
    label?: string | null;
    /** Hashed by the caller: the decider never sees the secret. */
    secretHash: string;
  };
};

export type RevokeApiToken = {
  type: 'RevokeApiToken';
  data?: Record<string, never>;
};

export type ApiTokenCommand = IssueApiToken | RevokeApiToken;

export type ApiTokenContext = {
  now: Date;
};
