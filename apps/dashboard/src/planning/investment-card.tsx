// One investment with what may happen to it next: edit its plan, approve, deploy on a date, or
// cancel with a reason. Each asks for confirmation, because none can be undone. What it changes opens below it,
// and the approve and deploy confirmations list the same cells; a cancelled one says when and why.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InvestmentStatus } from '../api/types';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { TextField } from '../shared/forms/fields';
import { Form } from '../shared/forms/form';
import { useSubmission } from '../shared/forms/submission';
import { formatDate, formatMoney } from '../shared/format';
import { useSession } from '../shell/session';
import type { CellNames } from '../shared/cell-names';
import { cellCount, EffectList, InvestmentEffects } from './effect-list';
import {
  approveInvestmentMutation,
  cancelInvestmentMutation,
  deployInvestmentMutation,
  type PlanningInvestment,
} from './planning.operations';

const statusText: Record<InvestmentStatus, string> = {
  PLANNED: 'planned',
  APPROVED: 'approved',
  DEPLOYED: 'deployed',
  CANCELLED: 'cancelled',
};

const today = () => new Date().toISOString().slice(0, 10);

export function InvestmentCard({
  investment,
  showId = false,
  names,
  onChanged,
  onEdit,
}: {
  investment: PlanningInvestment;
  /** Another investment has its name: the id tells them apart. */
  showId?: boolean;
  names: CellNames;
  onChanged: (investment: PlanningInvestment) => void;
  /** Opens the plan form on this investment, pre-filled. */
  onEdit?: (investment: PlanningInvestment) => void;
}) {
  const session = useSession();
  const confirm = useConfirm();
  const action = useSubmission<PlanningInvestment>(onChanged);
  const deployment = useSubmission<PlanningInvestment>(onChanged);
  const [deploying, setDeploying] = useState(false);
  const [deployedAt, setDeployedAt] = useState(today);
  const { status } = investment;
  const card = useRef<HTMLLIElement>(null);
  // Set when this card changed the investment: focus then follows it, since the button that was
  // pressed (Approve, Deploy) is gone from the page and would leave focus on <body>. The lifecycle's
  // next step comes first among the actions, so focus lands on it (Edit and Cancel follow).
  const followChange = useRef(false);
  useLayoutEffect(() => {
    if (!followChange.current) return;
    followChange.current = false;
    const next =
      card.current?.querySelector<HTMLElement>('.investment-card__actions button') ??
      card.current?.querySelector<HTMLElement>('[data-testid="investment-status"]');
    next?.focus();
  }, [status]);
  // The deploy form opens with its date field focused.
  useLayoutEffect(() => {
    if (deploying) card.current?.querySelector<HTMLElement>('[data-field="deployedAt"] input')?.focus();
  }, [deploying]);
  const deployableFrom = investment.deployableFrom?.slice(0, 10) ?? null;
  const live = status === 'PLANNED' || status === 'APPROVED';
  const effects = <EffectList effects={investment.effects} lagMonths={investment.lagMonths} names={names} />;

  const approve = async () => {
    const answer = await confirm({
      title: `Approve “${investment.name}”?`,
      message: (
        <>
          <p>
            It is expected to change {cellCount(investment.effects)} for {formatMoney(investment.cost)}.
            Approval is recorded for good; the investment can still be cancelled until it is deployed.
          </p>
          {effects}
        </>
      ),
      confirmLabel: 'Approve',
      tone: 'normal',
    });
    if (answer) {
      followChange.current = true;
      action.run((signal) =>
        session.client
          .request(approveInvestmentMutation, { investmentId: investment.id }, signal)
          .then((data) => data.approveInvestment),
      );
    }
  };

  const cancel = async () => {
    const answer = await confirm({
      title: `Cancel “${investment.name}”?`,
      message: (
        <p>A cancelled investment can no longer be approved, deployed or simulated. This cannot be undone.</p>
      ),
      confirmLabel: 'Cancel the investment',
      reason: { label: 'Reason (kept on the record)', required: true },
    });
    if (answer) {
      followChange.current = true;
      action.run((signal) =>
        session.client
          .request(cancelInvestmentMutation, { investmentId: investment.id, reason: answer.reason }, signal)
          .then((data) => data.cancelInvestment),
      );
    }
  };

  return (
    <li
      class={`investment-card investment-card--${status.toLowerCase()}`}
      data-investment-card={investment.id}
      ref={card}
    >
      <div class="investment-card__main">
        <span class="investment-card__name">{investment.name}</span>
        <span class="investment-card__meta">
          <span class={`badge badge--${status.toLowerCase()}`} data-testid="investment-status" tabIndex={-1}>
            {statusText[status]}
          </span>{' '}
          {investment.kind === 'CAPITAL' ? 'capital' : 'operational'} · cost {formatMoney(investment.cost)} ·
          after {investment.lagMonths} {investment.lagMonths === 1 ? 'month' : 'months'} ·{' '}
          {investment.effects.length} {investment.effects.length === 1 ? 'effect' : 'effects'}
          {investment.deployedAt && ` · deployed ${formatDate(investment.deployedAt)}`}
          {investment.revisedAt && (
            <span data-testid="investment-revised"> · revised {formatDate(investment.revisedAt)}</span>
          )}
          {showId && <span data-testid="investment-id"> · id {investment.id}</span>}
        </span>
        {status === 'CANCELLED' && (
          <span class="investment-card__cancellation" data-testid="cancellation">
            Cancelled{investment.cancelledAt && ` ${formatDate(investment.cancelledAt)}`}
            {investment.cancellationReason ? `: ${investment.cancellationReason}` : ', no reason given.'}
          </span>
        )}
      </div>
      {live && (
        <div class="investment-card__actions">
          {status === 'PLANNED' && session.can('approveInvestment') && (
            <button
              type="button"
              class="button button--small"
              disabled={action.running}
              onClick={() => void approve()}
            >
              Approve
            </button>
          )}
          {status === 'APPROVED' && session.can('deployInvestment') && !deploying && (
            <button
              type="button"
              class="button button--small"
              onClick={() => {
                setDeploying(true);
              }}
            >
              Deploy…
            </button>
          )}
          {onEdit && session.can('reviseInvestment') && (
            <button
              type="button"
              class="button button--small"
              aria-label={`Edit “${investment.name}”`}
              disabled={action.running}
              onClick={() => {
                onEdit(investment);
              }}
            >
              Edit
            </button>
          )}
          {session.can('cancelInvestment') && (
            <button
              type="button"
              class="button button--small"
              disabled={action.running}
              onClick={() => void cancel()}
            >
              Cancel…
            </button>
          )}
        </div>
      )}
      <InvestmentEffects investment={investment} names={names} class="investment-card__effects" />
      {action.error && (
        <ErrorNotice
          error={action.error}
          action={`Could not change “${investment.name}”`}
          labels={{ reason: 'Reason' }}
        />
      )}
      {deploying && status === 'APPROVED' && (
        <Form
          class="investment-card__deploy"
          label={`Deploy ${investment.name}`}
          action="Could not deploy the investment"
          submission={deployment}
          submitLabel="Deploy"
          busyLabel="Deploying…"
          actions={
            <button
              type="button"
              class="button"
              onClick={() => {
                setDeploying(false);
              }}
            >
              Not now
            </button>
          }
          onSubmit={() => {
            void confirm({
              title: `Deploy “${investment.name}” on ${deployedAt ? formatDate(deployedAt) : 'this date'}?`,
              message: (
                <>
                  <p>
                    Deployment is recorded for good. Its realisation is measured from this date: it becomes
                    due once an assessment {investment.lagMonths} months later rates one of these{' '}
                    {cellCount(investment.effects)}.
                  </p>
                  {effects}
                </>
              ),
              confirmLabel: 'Deploy',
              tone: 'normal',
            }).then((answer) => {
              if (answer) {
                followChange.current = true;
                deployment.run((signal) =>
                  session.client
                    .request(deployInvestmentMutation, { investmentId: investment.id, deployedAt }, signal)
                    .then((data) => data.deployInvestment),
                );
              }
            });
          }}
        >
          <TextField
            name="deployedAt"
            label="Deployed on"
            type="date"
            value={deployedAt}
            onValue={setDeployedAt}
            // A deployment is recorded once it has happened, and not before the organisation's first
            // assessment period ended (no level to measure it against): the api refuses both too.
            min={deployableFrom ?? undefined}
            max={today()}
            hint={
              deployableFrom === null
                ? 'The day it went live: today at the latest.'
                : `The day it went live: from ${formatDate(deployableFrom)} (the end of the first assessment period, before which no level was known) to today.`
            }
            required
          />
        </Form>
      )}
    </li>
  );
}
