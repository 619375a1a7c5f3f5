import { ConfigurationError, loadAppConfig } from './app-config';

describe('loadAppConfig: OpenID Connect', () => {
  it('should leave sign-in with an identity provider off without OIDC_ISSUER', () => {
    expect(loadAppConfig({}).oidc).toBeNull();
  });

  it('should read the issuer, audience and claim names, with the documented defaults', () => {
    expect(
      loadAppConfig({ OIDC_ISSUER: 'https://login.example.com/realms/hotel', OIDC_AUDIENCE: 'maturity-api' })
        .oidc,
    ).toEqual({
      issuer: 'https://login.example.com/realms/hotel',
      audience: 'maturity-api',
      rolesClaim: 'roles',
      organizationsClaim: 'organizations',
      clientId: null,
      scope: 'openid profile offline_access',
    });
    expect(
      loadAppConfig({
        OIDC_ISSUER: 'http://127.0.0.1:8080',
        OIDC_AUDIENCE: 'api',
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_ORGANIZATIONS_CLAIM: 'orgs',
        OIDC_CLIENT_ID: 'dashboard',
        OIDC_SCOPE: 'openid api://maturity/access',
      }).oidc,
    ).toMatchObject({ rolesClaim: 'realm_access.roles', organizationsClaim: 'orgs', clientId: 'dashboard' });
  });

  it.each([
    [{ OIDC_ISSUER: 'https://login.example.com' }, /OIDC_AUDIENCE is required/],
    [{ OIDC_AUDIENCE: 'api' }, /OIDC_AUDIENCE is set but OIDC_ISSUER is not/],
    [{ OIDC_CLIENT_ID: 'dashboard' }, /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/],
    [{ OIDC_ISSUER: 'http://login.example.com', OIDC_AUDIENCE: 'api' }, /must use https/],
    [{ OIDC_ISSUER: 'login.example.com', OIDC_AUDIENCE: 'api' }, /must be a URL/],
  ])('should refuse %j naming the setting', (environment, message) => {
    expect(() => loadAppConfig(environment)).toThrow(ConfigurationError);
    expect(() => loadAppConfig(environment)).toThrow(message);
  });
});
