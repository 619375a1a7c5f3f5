import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '@app/application';
import { Public } from './public.decorator';

/** What the sign-in page needs to offer "Sign in with SSO"; `sso` is null when it is not configured. */
export interface SignInOptions {
  sso: { issuer: string; clientId: string; scope: string } | null;
}

/**
 * The origin the page talks to for SSO (discovery, token endpoint): what a Content-Security-Policy
 * `connect-src` must allow. Null when the page offers no SSO.
 */
export function identityProviderOrigin(oidc: OidcConfig | null): string | null {
  return oidc?.clientId ? new URL(oidc.issuer).origin : null;
}

@Public()
@Controller('auth')
export class SignInOptionsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Public: the page asks before anyone is signed in. Nothing secret (a public client, PKCE). */
  @Get('sign-in-options')
  @Header('Cache-Control', 'no-cache')
  signInOptions(): SignInOptions {
    const oidc = this.config.oidc;
    return {
      sso:
        oidc?.clientId == null ? null : { issuer: oidc.issuer, clientId: oidc.clientId, scope: oidc.scope },
    };
  }
}
