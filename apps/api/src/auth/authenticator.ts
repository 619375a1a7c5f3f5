import { Injectable } from '@nestjs/common';
import { ApiTokenIndex, AUTH_ERROR_CODES, isInvitationToken, type Principal } from '@app/application';
import { unauthenticated } from './access-errors';
import { IdentityProviderVerifier } from './identity-provider/identity-provider-verifier';
import { RaterAuthenticator } from './rater-authenticator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** A compact JWS: three base64url parts; API tokens (`<id>.<secret>`) have two. */
const COMPACT_JWS = /^[\w-]+\.[\w-]*\.[\w-]*$/;

/**
 * Who a bearer credential stands for, for every transport (GraphQL over HTTP, graphql-ws, the
 * downloads): a rater's invitation link, an API token of this platform, or else an access token
 * of the organisation's identity provider.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: ApiTokenIndex,
    private readonly identityProvider: IdentityProviderVerifier,
    private readonly raters: RaterAuthenticator,
  ) {}

  /** The caller of an `Authorization` header value; UNAUTHENTICATED (or FORBIDDEN, unavailable) otherwise. */
  async principalOf(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') {
      throw unauthenticated(
        this.identityProvider.enabled
          ? 'Sign in: send "Authorization: Bearer <token>" with an API token or an access token of your identity provider'
          : 'An API token is required: send the header "Authorization: Bearer <token>"',
        AUTH_ERROR_CODES.missingToken,
      );
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token !== undefined) {
      // A rater's link says so by its id's prefix: it is looked up among invitations only.
      const rater = isInvitationToken(token) ? await this.raters.authenticate(token) : null;
      if (rater !== null) return rater;
      // API tokens next: a lookup in memory, and an operator's ADMIN_TOKEN may have any shape.
      const principal = await this.tokens.authenticate(token);
      if (principal !== null) return principal;
      if (COMPACT_JWS.test(token)) return this.identityProvider.verify(token);
    }
    throw unauthenticated('The API token is unknown, malformed or revoked', AUTH_ERROR_CODES.invalidToken);
  }
}
