import { ConfigurationError, describeDataLocation, loadAppConfig, storeSettingOf } from './app-config';

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

describe('where the events are, as messages to an operator name it', () => {
  it('should name DATA_DIR for the embedded store, and DATABASE_URL or EVENTSTORE_CONNECTION_STRING when set', () => {
    const embedded = loadAppConfig({ DATA_DIR: '/srv/maturity' });
    expect(storeSettingOf(embedded)).toBe('DATA_DIR');
    expect(describeDataLocation(embedded)).toBe('data in /srv/maturity');
    const postgres = loadAppConfig({ DATA_DIR: '/srv/maturity', DATABASE_URL: 'postgres://db/maturity' });
    expect(storeSettingOf(postgres)).toBe('DATABASE_URL');
    expect(describeDataLocation(postgres)).toBe(
      'events in PostgreSQL (DATABASE_URL), read models in /srv/maturity',
    );
    expect(storeSettingOf(loadAppConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113' }))).toBe(
      'EVENTSTORE_CONNECTION_STRING',
    );
  });
});
