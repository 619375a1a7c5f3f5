// Planning (planners): the investments and their lifecycle, planning a new one with effects picked
// on the heatmap, and whether deployed ones delivered (realisation). The scenario comparison stays
// on the overview.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../shared/error-notice';
import { useRecords } from '../shared/use-records';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import type { OrganizationWorkspace } from '../shell/workspace';
import { cellNames } from '../shared/cell-names';
import { InvestmentCard } from './investment-card';
import { investmentNamesakeIds } from './investment-namesakes';
import { revisionSavedText } from './plan-changes';
import { PlanInvestmentForm, type RevisionOutcome } from './plan-investment-form';
import { type PlanningInvestment } from './planning.operations';
import { planningQuery, realisationQuery, type Realisation } from './planning.operations';
import { RealisationChart } from './realisation-chart';
import './planning.css';

export function PlanningScreen({ organization, model }: OrganizationWorkspace) {
  const session = useSession();
  const records = useRecords(organization.id, (signal) =>
    session.client
      .request(planningQuery, { organizationId: organization.id }, signal)
      .then((data) => data.investments),
  );
  const investments = records.items ?? [];
  const deployed = investments.filter((investment) => investment.status === 'DEPLOYED');
  // Namesakes read alike: their cards show the id that tells them apart.
  const namesakes = investmentNamesakeIds(investments);
  const deployedKey = deployed
    .map((investment) => `${investment.id}@${investment.deployedAt ?? ''}`)
    .join(',');
  const realisations = useRequest(
    deployed.length === 0 ? null : `${organization.id}/${deployedKey}`,
    (signal) =>
      Promise.all(
        deployed.map((investment) =>
          session.client
            .request(realisationQuery, { investmentId: investment.id }, signal)
            .then((data) => data.investmentRealisation),
        ),
      ).then(
        (answers) => new Map(answers.map((answer): [string, Realisation] => [answer.investmentId, answer])),
      ),
  );
  const onChanged = records.put;
  const names = cellNames(organization, model);
  const [editing, setEditing] = useState<PlanningInvestment | null>(null);
  const [revised, setRevised] = useState<RevisionOutcome | null>(null);
  const planCard = useRef<HTMLElement>(null);
  const revisedNotice = useRef<HTMLParagraphElement>(null);
  // Edit opens the form far below the card on a phone: bring it into view with its first field focused.
  useEffect(() => {
    if (editing === null) return;
    planCard.current?.scrollIntoView({ block: 'start' });
    planCard.current?.querySelector<HTMLElement>('[data-field="name"] input')?.focus();
  }, [editing?.id]);
  useEffect(() => {
    if (revised !== null) revisedNotice.current?.focus();
  }, [revised]);

  return (
    <div class="screen" data-testid="planning-screen">
      <header class="page__header">
        <div>
          <h1 class="page__title">Planning for {organization.name}</h1>
          <p class="page__purpose">
            Plan investments with their expected effects, approve and deploy them, and see whether they
            delivered. Compare scenarios on the overview.
          </p>
        </div>
      </header>
      {records.error && (
        <ErrorNotice error={records.error} action="Could not load the investments" onRetry={records.reload} />
      )}
      <div class="screen__pair">
        <section class="card" aria-labelledby="investments-title">
          <h2 id="investments-title" class="card__title">
            Investments
          </h2>
          {records.items === null && !records.error && (
            <div class="skeleton skeleton--list" aria-busy="true" />
          )}
          {records.items && investments.length === 0 && <p class="muted">No investment planned yet.</p>}
          {revised && (
            <p class="notice" role="status" tabIndex={-1} ref={revisedNotice} data-testid="revision-saved">
              {revisionSavedText(revised.investment.name, revised.scenarioNames)}
            </p>
          )}
          <ul class="investment-cards">
            {investments.map((investment) => (
              <InvestmentCard
                key={investment.id}
                investment={investment}
                showId={namesakes.has(investment.id)}
                names={names}
                onChanged={onChanged}
                onEdit={(investment) => {
                  setRevised(null);
                  setEditing(investment);
                }}
              />
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="realisation-title">
          <header class="card__header">
            <h2 id="realisation-title" class="card__title">
              Realisation: predicted against actual
            </h2>
            <p class="card__subtitle">
              Change in levels summed over each deployed investment’s cells: what its likely effects promised,
              and what the latest assessment after its lag shows (provisional while that assessment is open).
            </p>
          </header>
          {realisations.error && (
            <ErrorNotice error={realisations.error} action="Could not load the realisation" />
          )}
          <RealisationChart
            investments={deployed}
            realisations={realisations.data ?? new Map()}
            names={names}
          />
        </section>
      </div>
      {(session.can('planInvestment') || editing !== null) && (
        <section class="card" aria-labelledby="plan-title" ref={planCard} data-testid="plan-card">
          <header class="card__header">
            <h2 id="plan-title" class="card__title">
              {editing === null ? 'Plan an investment' : `Edit “${editing.name}”`}
            </h2>
            {editing !== null && (
              <p class="card__subtitle">
                Correct what was typed wrong or estimated anew. It keeps its id, so the saved scenarios that
                include it simulate the new figures; the history keeps the old ones.
                {editing.status === 'APPROVED' &&
                  ' It is approved: saving withdraws the approval, and it needs approving again.'}
              </p>
            )}
          </header>
          <PlanInvestmentForm
            // A fresh form per investment edited: its fields start from what is recorded.
            key={editing?.id ?? 'new'}
            organization={organization}
            investments={investments}
            model={model}
            onPlanned={onChanged}
            editing={editing}
            onRevised={(outcome) => {
              onChanged(outcome.investment);
              setEditing(null);
              setRevised(outcome);
            }}
            onStopEditing={() => {
              setEditing(null);
            }}
          />
        </section>
      )}
    </div>
  );
}
