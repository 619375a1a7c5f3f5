// Set-up (admins): the organisation, its functions, the links between them and the targets; and
// another organisation when the store should hold more than one.
import { useState } from 'preact/hooks';
import { useSession } from '../shell/session';
import type { OrganizationWorkspace } from '../shell/workspace';
import { CreateOrganizationForm } from './create-organization-form';
import { FunctionsPanel } from './functions-panel';
import { LinksPanel } from './links-panel';
import { TargetsPanel } from './targets-panel';
import './setup.css';

export function SetupScreen({ organization, model, models, update, select }: OrganizationWorkspace) {
  const session = useSession();
  const [creating, setCreating] = useState(false);

  return (
    <div class="screen" data-testid="setup-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">Set up {organization.name}</h1>
          {organization.purpose && <p class="page__purpose">{organization.purpose}</p>}
          {organization.valueProposition && (
            <p class="page__purpose">Value proposition: {organization.valueProposition}</p>
          )}
        </div>
        <p class="page__meta">
          Id <code>{organization.id}</code> · model “{model.name}” v{model.version}
        </p>
      </header>

      <div class="screen__pair">
        <FunctionsPanel
          organization={organization}
          onChanged={update}
          canAdd={session.can('addFunction')}
          canEdit={session.can('updateFunction')}
          canRetire={session.can('retireFunction')}
        />
        <LinksPanel
          organization={organization}
          onChanged={update}
          canLink={session.can('linkFunctions')}
          canUnlink={session.can('unlinkFunctions')}
        />
      </div>

      <TargetsPanel
        organization={organization}
        model={model}
        onChanged={update}
        canSet={session.can('setTarget')}
        canFill={session.can('setTargets')}
        canClear={session.can('clearTarget')}
      />

      {session.can('registerOrganization') && (
        <section class="card" aria-labelledby="another-organization-title">
          <header class="card__header">
            <h2 id="another-organization-title" class="card__title">
              Another organisation
            </h2>
            <p class="card__subtitle">
              A subsidiary, a partner network, a second brand: each is set up on its own.
            </p>
          </header>
          {creating ? (
            <CreateOrganizationForm
              models={models}
              onCreated={(created) => {
                setCreating(false);
                select(created.id);
              }}
            />
          ) : (
            <button
              type="button"
              class="button"
              onClick={() => {
                setCreating(true);
              }}
            >
              Create another organisation
            </button>
          )}
        </section>
      )}
    </div>
  );
}
