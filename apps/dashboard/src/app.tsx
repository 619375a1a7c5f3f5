// Signs in, then hands the chosen organisation to the dashboard.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, createApiClient, type ApiClient } from './api/client';
import { organizationsQuery } from './api/queries';
import type { MaturityModel, Organization } from './api/types';
import { OrganizationDashboard } from './organization-dashboard';
import { EmptyState } from './organizations/empty-state';
import { OrganizationPicker } from './organizations/organization-picker';
import { ErrorNotice } from './shared/error-notice';
import { useRequest } from './shared/use-request';
import { SignInForm } from './sign-in/sign-in-form';
import { forgetToken, loadToken, saveToken } from './sign-in/token-store';

const refusedMessage =
  'The api did not accept this token: it may be mistyped, revoked, or from another data folder. Paste a valid token.';

export function App() {
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [reason, setReason] = useState<string | null>(null);

  const client = useMemo(() => {
    if (token === null) return null;
    const inner = createApiClient(token);
    const guarded: ApiClient = {
      request: (operation, variables, signal) =>
        inner.request(operation, variables, signal).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
            forgetToken();
            setReason(refusedMessage);
            setToken(null);
          }
          throw error;
        }),
    };
    return guarded;
  }, [token]);

  if (client === null) {
    return (
      <SignInForm
        reason={reason}
        onSubmit={(value) => {
          saveToken(value);
          setReason(null);
          setToken(value);
        }}
      />
    );
  }
  return (
    <Dashboard
      client={client}
      onSignOut={() => {
        forgetToken();
        setReason(null);
        setToken(null);
      }}
    />
  );
}

function Dashboard({ client, onSignOut }: { client: ApiClient; onSignOut: () => void }) {
  const [attempt, setAttempt] = useState(0);
  const overview = useRequest(`organizations/${attempt}`, (signal) =>
    client.request(organizationsQuery, {}, signal),
  );
  const [chosenId, setChosenId] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('org'),
  );

  const organizations = overview.data?.organizations ?? [];
  const organization = pickOrganization(organizations, chosenId);
  const model = organization ? latestModel(overview.data?.maturityModels ?? [], organization.modelId) : null;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <header class="topbar">
        <div class="topbar__inner">
          <p class="topbar__brand">
            <span class="topbar__mark" aria-hidden="true" />
            Customer-centricity maturity
          </p>
          <div class="topbar__actions">
            {organizations.length > 1 && organization && (
              <OrganizationPicker
                organizations={organizations}
                selectedId={organization.id}
                onSelect={(id) => {
                  setChosenId(id);
                  const search = new URLSearchParams(window.location.search);
                  search.set('org', id);
                  window.history.replaceState(
                    window.history.state,
                    '',
                    `?${search.toString()}${window.location.hash}`,
                  );
                }}
              />
            )}
            <button type="button" class="button button--ghost button--small" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" class="page">
        {overview.error && (
          <ErrorNotice
            error={overview.error}
            action="Could not load the organisations"
            onRetry={() => {
              setAttempt((value) => value + 1);
            }}
          />
        )}
        {overview.data === null && !overview.error && <PageSkeleton />}
        {overview.data && organizations.length === 0 && <EmptyState />}
        {organization && !model && (
          <p class="notice notice--error" role="alert">
            The maturity model “{organization.modelId}” of {organization.name} is not published on this api.
          </p>
        )}
        {organization && model && (
          <OrganizationDashboard
            key={organization.id}
            client={client}
            organization={organization}
            model={model}
          />
        )}
      </main>
    </>
  );
}

function pickOrganization(
  organizations: readonly Organization[],
  chosenId: string | null,
): Organization | null {
  return (
    organizations.find((organization) => organization.id === chosenId) ??
    organizations.find((organization) => organization.id === 'interlodge') ??
    organizations[0] ??
    null
  );
}

function latestModel(models: readonly MaturityModel[], modelId: string): MaturityModel | null {
  let latest: MaturityModel | null = null;
  for (const model of models) {
    if (model.id === modelId && (latest === null || model.version > latest.version)) latest = model;
  }
  return latest;
}

function PageSkeleton() {
  return (
    <div class="page-skeleton" aria-busy="true" aria-label="Loading the organisations">
      <div class="skeleton skeleton--title" />
      <div class="skeleton skeleton--band" />
      <div class="skeleton skeleton--block" />
    </div>
  );
}
