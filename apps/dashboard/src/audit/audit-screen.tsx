// Audit (auditors): the history as recorded, the integrity check, and the view as known at two
// dates side by side.
import { cellNames } from '../shared/cell-names';
import type { OrganizationWorkspace } from '../shell/workspace';
import { HistoryTable } from './history-table';
import { IntegrityCheck } from './integrity-check';
import { KnownAtComparison } from './known-at-comparison';
import './audit.css';

export function AuditScreen({ organization, model }: OrganizationWorkspace) {
  return (
    <div class="screen" data-testid="audit-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">Audit of {organization.name}</h1>
          <p class="page__purpose">
            Replay the history exactly as it was recorded, see what was known when, and prove nothing was
            rewritten.
          </p>
        </div>
      </header>
      <IntegrityCheck organizationId={organization.id} />
      <HistoryTable organizationId={organization.id} names={cellNames(organization, model)} />
      <KnownAtComparison organization={organization} model={model} />
    </div>
  );
}
