// The screens of the page, in navigation order. A screen is shown to a token that may run any of
// its `operations` (the access policy decides, through `me`). To add a screen: write its
// component in its own feature folder and add one entry here.
import type { VNode } from 'preact';
import { OrganizationDashboard } from '../organization-dashboard';
import { CompareOrganizationsScreen } from '../reports/compare-organizations-screen';
import { ReportsScreen } from '../reports/reports-screen';
import { SetupScreen } from '../setup/setup-screen';
import { AssessmentsScreen } from '../assessments/assessments-screen';
import { PlanningScreen } from '../planning/planning-screen';
import { AuditScreen } from '../audit/audit-screen';
import { TokensScreen } from '../tokens/tokens-screen';
import { ModelsScreen } from '../models/models-screen';
import type { Session } from './session';
import type { OrganizationWorkspace, Workspace } from './workspace';

interface ScreenBase {
  /** The value of `?view=`. */
  id: string;
  label: string;
  /** Shown when the token may run at least one of these queries or mutations. */
  operations: readonly string[];
}

export type ScreenDefinition =
  | (ScreenBase & {
      /** Needs a chosen organisation (with its model). */
      scope: 'organization';
      render(workspace: OrganizationWorkspace): VNode;
    })
  | (ScreenBase & {
      /** Works on the whole store (models, tokens). */
      scope: 'store';
      render(workspace: Workspace): VNode;
    });

export const SCREENS: readonly ScreenDefinition[] = [
  {
    id: 'overview',
    label: 'Overview',
    operations: ['maturity'],
    scope: 'organization',
    render: ({ organization, model }) => (
      <OrganizationDashboard key={organization.id} organization={organization} model={model} />
    ),
  },
  {
    id: 'setup',
    label: 'Set-up',
    operations: ['addFunction', 'linkFunctions', 'setTarget'],
    scope: 'organization',
    render: (workspace) => <SetupScreen key={workspace.organization.id} {...workspace} />,
  },
  {
    id: 'assessments',
    label: 'Assessments',
    operations: ['assessments'],
    scope: 'organization',
    render: (workspace) => <AssessmentsScreen key={workspace.organization.id} {...workspace} />,
  },
  {
    id: 'planning',
    label: 'Planning',
    operations: ['investments'],
    scope: 'organization',
    render: (workspace) => <PlanningScreen key={workspace.organization.id} {...workspace} />,
  },
  {
    id: 'reports',
    label: 'Reports',
    operations: ['maturityChange'],
    scope: 'organization',
    render: (workspace) => <ReportsScreen key={workspace.organization.id} {...workspace} />,
  },
  {
    id: 'compare',
    label: 'Compare',
    operations: ['compareOrganizations'],
    scope: 'store',
    render: (workspace) => <CompareOrganizationsScreen {...workspace} />,
  },
  {
    id: 'audit',
    label: 'Audit',
    operations: ['history', 'verifyIntegrity'],
    scope: 'organization',
    render: (workspace) => <AuditScreen key={workspace.organization.id} {...workspace} />,
  },
  {
    id: 'models',
    label: 'Models',
    operations: ['maturityModels'],
    scope: 'store',
    render: (workspace) => <ModelsScreen {...workspace} />,
  },
  {
    id: 'tokens',
    label: 'Tokens',
    operations: ['apiTokens'],
    scope: 'store',
    render: (workspace) => <TokensScreen {...workspace} />,
  },
];

export function visibleScreens(session: Session): ScreenDefinition[] {
  return SCREENS.filter((screen) => screen.operations.some((operation) => session.can(operation)));
}
