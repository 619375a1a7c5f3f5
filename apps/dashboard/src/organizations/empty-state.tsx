// What a store without organisations shows: an admin creates one, or loads the demo, right here;
// any other token is told to ask an admin.
import { ErrorNotice } from '../shared/error-notice';
import { useSubmission } from '../shared/forms/submission';
import type { Workspace } from '../shell/workspace';
import { useSession } from '../shell/session';
import { CreateOrganizationForm } from '../setup/create-organization-form';
import { loadDemoMutation } from '../setup/setup.operations';

export function EmptyState({ workspace }: { workspace: Workspace }) {
  const session = useSession();
  // Once loaded, the demo opens: the organisations are read again and Interlodge is chosen.
  const demo = useSubmission<{ organizationId: string }>((summary) => {
    workspace.select(summary.organizationId);
  });
  const canCreate = session.can('registerOrganization');
  const canLoadDemo = session.can('loadDemo');

  if (!canCreate && !canLoadDemo) {
    return (
      <section class="card empty-state" aria-labelledby="empty-state-title" data-testid="empty-state">
        <h1 id="empty-state-title" class="card__title">
          No organisation to show
        </h1>
        <p>
          This token reaches no organisation yet. Ask an admin to create yours, or to issue a token for it.
        </p>
      </section>
    );
  }
  return (
    <div class="empty-state" data-testid="empty-state">
      <header class="page__header">
        <div>
          <h1 class="page__title">Welcome</h1>
          <p class="page__purpose">
            The store has no organisation yet. Set up your own, or look around the demo first.
          </p>
        </div>
      </header>
      <div class="empty-state__choices">
        {canCreate && (
          <section class="card" aria-labelledby="create-organization-title">
            <h2 id="create-organization-title" class="card__title">
              Create your organisation
            </h2>
            <p class="card__subtitle">
              Then add its functions, the links between those that co-deliver, and the targets.
            </p>
            <CreateOrganizationForm
              models={workspace.models}
              onCreated={(organization) => {
                workspace.select(organization.id);
              }}
            />
          </section>
        )}
        {canLoadDemo && (
          <section class="card" aria-labelledby="demo-title">
            <h2 id="demo-title" class="card__title">
              Load the demo
            </h2>
            <p>
              <em>Interlodge</em>: a hotel whose front desk, housekeeping, maintenance, sales and an external
              laundry co-deliver the guest’s stay, with two years of quarterly assessments and five
              investments to compare.
            </p>
            <button
              type="button"
              class="button"
              disabled={demo.running}
              onClick={() => {
                demo.run((signal) =>
                  session.client.request(loadDemoMutation, {}, signal).then((data) => data.loadDemo),
                );
              }}
            >
              {demo.running ? 'Loading the demo… (a few seconds)' : 'Load the demo'}
            </button>
            {demo.running && (
              <p class="muted" role="status">
                Recording two years of assessments through the same commands a user sends.
              </p>
            )}
            {demo.error && <ErrorNotice error={demo.error} action="Could not load the demo" />}
            <p class="muted">
              From a terminal: <code>npm run cli -- demo</code>
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
