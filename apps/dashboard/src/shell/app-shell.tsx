// The frame of every screen: the top bar (organisation, who is signed in, sign out), the
// navigation by role, and the chosen screen with its workspace.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Organization } from '../api/types';
import { organizationsQuery } from '../api/queries';
import { EmptyState } from '../organizations/empty-state';
import { OrganizationPicker } from '../organizations/organization-picker';
import { ErrorNotice } from '../shared/error-notice';
import { useRequest } from '../shared/use-request';
import { followInPage, hrefOf, navigate, type Place, usePlace } from './navigation';
import { correctPlace } from './place-correction';
import { SCREENS, type ScreenDefinition, visibleScreens } from './screens';
import { useSession } from './session';
import { modelOf, pickOrganization, type Workspace } from './workspace';
import './shell.css';

const roleNames = {
  ADMIN: 'Admin',
  ASSESSOR: 'Assessor',
  PLANNER: 'Planner',
  AUDITOR: 'Auditor',
  RATER: 'Rater',
} as const;

export function AppShell({ notice }: { notice?: ComponentChildren }) {
  const session = useSession();
  const place = usePlace();
  const [attempt, setAttempt] = useState(0);
  const overview = useRequest(`organizations/${attempt}`, (signal) =>
    session.client.request(organizationsQuery, {}, signal),
  );

  // Organisations as the last set-up mutations answered them, until the next load brings them.
  const [updated, setUpdated] = useState<ReadonlyMap<string, Organization>>(new Map());
  useEffect(() => {
    setUpdated(new Map());
  }, [overview.data]);
  const organizations = (overview.data?.organizations ?? []).map(
    (organization) => updated.get(organization.id) ?? organization,
  );
  const models = overview.data?.maturityModels ?? [];
  /** An organisation just created or loaded, chosen before the organisations are loaded again. */
  const selecting = useRef<string | null>(null);
  const organization = pickOrganization(organizations, place.organizationId);
  const workspace: Workspace = {
    organizations,
    models,
    organization,
    model: organization ? modelOf(models, organization) : null,
    reload: () => {
      setAttempt((value) => value + 1);
    },
    update: (organization) => {
      setUpdated((previous) => new Map(previous).set(organization.id, organization));
    },
    select: (organizationId) => {
      selecting.current = organizationId;
      navigate({ organizationId });
      setAttempt((value) => value + 1);
    },
  };

  const screens = visibleScreens(session);
  const screen = screens.find((candidate) => candidate.id === place.view) ?? screens[0] ?? null;

  // A link to an organisation out of reach, or to a screen the role may not use: say what is shown
  // instead and put the address right, so it never names what the page does not show.
  const [corrected, setCorrected] = useState<{ messages: string[]; place: Place } | null>(null);
  useEffect(() => {
    if (overview.data === null || overview.loading) return;
    if (selecting.current !== null) {
      if (!organizations.some((candidate) => candidate.id === selecting.current)) return;
      selecting.current = null;
    }
    const correction = correctPlace({
      place,
      organizations,
      shownOrganization: organization,
      screens: SCREENS,
      visibleScreens: screens,
      roleName: roleNames[session.viewer.role],
    });
    if (correction === null) return;
    navigate(correction.change, { replace: true });
    setCorrected({ messages: correction.messages, place: { ...place, ...correction.change } });
    // The place and the loaded organisations decide; the rest is derived from them.
  }, [overview.data, overview.loading, place.view, place.organizationId]);
  const correctionShown =
    corrected !== null &&
    corrected.place.view === place.view &&
    corrected.place.organizationId === place.organizationId;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to the content
      </a>
      <header class="topbar">
        <div class="topbar__inner">
          <p class="topbar__brand">
            <span class="topbar__mark" aria-hidden="true" />
            <span class="topbar__name">Customer-centricity maturity</span>
          </p>
          <div class="topbar__actions">
            {organizations.length > 1 && organization && (
              <OrganizationPicker
                organizations={organizations}
                selectedId={organization.id}
                onSelect={(id) => {
                  navigate({ organizationId: id });
                }}
              />
            )}
            <span
              class="topbar__who"
              data-testid="signed-in-as"
              data-role={session.viewer.role}
              data-signed-in-with={session.viewer.signedInWith}
            >
              {session.viewer.roles.map((role) => (
                <span class="badge" key={role}>
                  {roleNames[role]}
                </span>
              ))}
              {session.viewer.name && <span class="topbar__label">{session.viewer.name}</span>}
            </span>
            <button type="button" class="button button--ghost button--small" onClick={session.signOut}>
              Sign out
            </button>
          </div>
        </div>
        {screens.length > 1 && (
          <nav class="tabs" aria-label="Screens">
            <ul class="tabs__list">
              {screens.map((candidate) => (
                <li key={candidate.id}>
                  <a
                    class="tabs__tab"
                    href={hrefOf({ view: candidate.id })}
                    data-screen={candidate.id}
                    aria-current={candidate === screen ? 'page' : undefined}
                    onClick={followInPage({ view: candidate.id })}
                  >
                    {candidate.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" class="page" data-screen={screen?.id}>
        {notice}
        {overview.error && (
          <ErrorNotice
            error={overview.error}
            action="Could not load the organisations"
            onRetry={workspace.reload}
          />
        )}
        {correctionShown && (
          <p class="notice" role="status" data-testid="place-corrected">
            {corrected.messages.join(' ')}
          </p>
        )}
        {overview.data === null && !overview.error && <PageSkeleton />}
        {overview.data && screen === null && (
          <p class="notice notice--error" role="alert">
            This token may not run any query of the dashboard. Ask an admin for a token with a role.
          </p>
        )}
        {overview.data && screen?.scope === 'store' && screen.render(workspace)}
        {overview.data && screen?.scope === 'organization' && organizationScreen(screen, workspace)}
      </main>
    </>
  );
}

/** A screen about one organisation, or what to do when there is none (or its model is missing). */
function organizationScreen(screen: ScreenDefinition & { scope: 'organization' }, workspace: Workspace) {
  const { organization, model } = workspace;
  if (organization === null) return <EmptyState workspace={workspace} />;
  if (model === null) {
    return (
      <p class="notice notice--error" role="alert">
        The maturity model “{organization.modelId}” of {organization.name} is not published on this api.
      </p>
    );
  }
  return screen.render({ ...workspace, organization, model });
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
