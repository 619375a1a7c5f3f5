// The attack found `/` without Content-Security-Policy, X-Content-Type-Options or frame-ancestors,
// X-Powered-By on every answer, and a GraphiQL page that loads React from a CDN (blank offline,
// and a script of another origin on the api's own page).
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const ROUTES = ['/', '/health', '/graphql', '/auth/sign-in-options'];

function directivesOf(policy: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('Missing security headers (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it.each(ROUTES)(
    'should answer %s with a strict policy, no MIME sniffing and no X-Powered-By',
    async (route) => {
      const response = await fetch(`${api.baseUrl}${route}`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const policy = directivesOf(response.headers.get('content-security-policy'));
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
    },
  );

  it('should serve GraphiQL from the api itself: every script and style of the page is local and answered', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('id="graphiql"');
    expect(page).not.toMatch(/https?:\/\//);
    // No inline script: the policy would block it.
    expect(page).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    const assets = [...page.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const served = await fetch(`${api.baseUrl}${asset}`);
      expect([asset, served.status]).toEqual([asset, 200]);
      expect(served.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(20);
    }
    const unknown = await fetch(`${api.baseUrl}/graphiql/constructor`);
    expect(unknown.status).toBe(404);
  });

  it("should let the page reach the identity provider's origin, and only it, when SSO is offered", async () => {
    const withSso = await startTestApi({
      config: {
        oidc: {
          issuer: 'https://login.example.com/realms/hotel',
          audience: 'maturity-api',
          rolesClaim: 'roles',
          organizationsClaim: 'organizations',
          clientId: 'maturity-dashboard',
          scope: 'openid',
        },
      },
    });
    try {
      const response = await fetch(`${withSso.baseUrl}/`);
      const policy = directivesOf(response.headers.get('content-security-policy'));
      expect(policy.get('connect-src')).toEqual(["'self'", 'https://login.example.com']);
    } finally {
      await withSso.close();
    }
  });

  it('should not serve GraphiQL or its files in production', async () => {
    const production = await startTestApi({ config: { production: true } });
    try {
      const page = await fetch(`${production.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('id="graphiql"');
      expect((await fetch(`${production.baseUrl}/graphiql/graphiql.min.js`)).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
