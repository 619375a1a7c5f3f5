// The office's side of a campaign, inside an assessment: progress by function and by person,
// revoking a link or giving new ones (to one person or everyone, after confirming), inviting people
// (a form per person, or a file) and the links just issued, which are shown only now.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Assessment, MaturityModel, Organization } from '../api/types';
import { sourceLabels } from '../assessments/rating-form';
import { useConfirm } from '../shared/confirm-dialog';
import { cellNames } from '../shared/cell-names';
import { ErasedText } from '../shared/erased-text';
import { ErrorNotice } from '../shared/error-notice';
import { formatDate } from '../shared/format';
import { ScrollRegion } from '../shared/scroll-region';
import { useAction } from '../shared/use-action';
import { useRequest } from '../shared/use-request';
import { useSession } from '../shell/session';
import {
  campaignProgressQuery,
  type CampaignProgress,
  type IssuedInvitation,
  invitationsQuery,
  type RaterInvitation,
  revokeInvitationMutation,
} from './campaigns.operations';
import { answerCounts } from './answer-counts';
import { InviteForm } from './invite-form';
import { IssuedLinks } from './issued-links';
import { NewLinkButton, type NewLinks, NewLinksForAllButton, useNewLinks } from './new-link';
import './campaigns.css';

/** While an assessment is open, progress is read again this often. */
const REFRESH_MS = 15_000;

interface CampaignPanelProps {
  assessment: Assessment;
  organization: Organization;
  model: MaturityModel;
  /** Called when a refresh finds more or other answers than the one before. */
  onAnswered?: (() => void) | undefined;
  /** Changes when something outside changed the invitations (a person forgotten): read them again. */
  refresh?: number;
  /** Given to admins: a row's Forget… picks that person (the row's invitation) for the personal-data form. */
  onForget?: ((invitation: RaterInvitation) => void) | undefined;
  /** Each progress read, for what the page says elsewhere (closing names the unfinished raters). */
  onProgress?: ((progress: CampaignProgress) => void) | undefined;
}

export function CampaignPanel({
  assessment,
  organization,
  model,
  onAnswered,
  refresh = 0,
  onForget,
  onProgress,
}: CampaignPanelProps) {
  const session = useSession();
  const { client } = session;
  const open = assessment.status === 'OPEN';
  const [attempt, setAttempt] = useState(0);
  const reload = () => {
    setAttempt((value) => value + 1);
  };
  useEffect(() => {
    if (!open) return undefined;
    const timer = setInterval(reload, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [open]);
  const progress = useRequest(
    // Keyed by the status too: closing or withdrawing changes every link's status, read it again.
    session.can('campaignProgress') ? `progress/${assessment.id}/${assessment.status}/${attempt}` : null,
    (signal) =>
      client
        .request(campaignProgressQuery, { assessmentId: assessment.id }, signal)
        .then((data) => data.campaignProgress),
  );
  const invitations = useRequest(
    session.can('invitations')
      ? `invitations/${assessment.id}/${assessment.status}/${attempt}/${refresh}`
      : null,
    (signal) =>
      client
        .request(invitationsQuery, { assessmentId: assessment.id }, signal)
        .then((data) => data.invitations),
  );
  useEffect(() => {
    if (progress.data) onProgress?.(progress.data);
  }, [progress.data]);
  const [issued, setIssued] = useState<readonly IssuedInvitation[]>([]);
  const newLinks = useNewLinks(assessment.id, (answer) => {
    setIssued(answer);
    reload();
  });
  const canGiveNewLinks = open && session.can('reissueInvitations');
  // Revoked links are history (a new link or invitation replaced them): folded away until asked for.
  const [showRevoked, setShowRevoked] = useState(false);
  const revokedCount = invitations.data?.filter((invitation) => invitation.status === 'REVOKED').length ?? 0;
  const shownInvitations = (invitations.data ?? []).filter(
    (invitation) => showRevoked || invitation.status !== 'REVOKED',
  );
  // Answers are ratings: when the count moves, the assessment's ratings shown beside are stale.
  const answered = progress.data?.answered;
  const lastAnswered = useRef(answered);
  useEffect(() => {
    if (answered === undefined) return;
    if (lastAnswered.current !== undefined && lastAnswered.current !== answered) onAnswered?.();
    lastAnswered.current = answered;
  }, [answered]);
  const { functionName } = cellNames(organization, model);

  if (!session.can('campaignProgress')) return null;
  const nobodyInvited = progress.data?.invited === 0 && (invitations.data?.length ?? 0) === 0;

  return (
    <section class="campaign" aria-labelledby="campaign-title" data-testid="campaign-panel">
      <header class="campaign__header">
        <div>
          <h3 id="campaign-title" class="panel-form__title">
            Raters
          </h3>
          <p class="card__subtitle">
            {open
              ? 'People invited answer a questionnaire on their phone or computer; each answer is a rating.'
              : assessment.status === 'WITHDRAWN'
                ? 'The assessment was withdrawn: its links no longer work and their answers count nowhere.'
                : nobodyInvited
                  ? 'The assessment is closed.'
                  : 'The assessment is closed: links show the answers, read-only.'}
          </p>
        </div>
        <button type="button" class="button button--small" onClick={reload} disabled={progress.loading}>
          {progress.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {progress.error && (
        <ErrorNotice
          error={progress.error}
          action="Could not load the campaign's progress"
          onRetry={reload}
        />
      )}
      {progress.data && !nobodyInvited && (
        <ProgressSummary progress={progress.data} functionName={functionName} />
      )}
      {/* "Yet" would promise invitations a closed assessment can no longer take. */}
      {nobodyInvited && (
        <p class="muted">{open ? 'Nobody invited yet.' : 'Nobody was invited to this assessment.'}</p>
      )}
      {issued.length > 0 && (
        <IssuedLinks
          issued={issued}
          assessmentTitle={assessment.title}
          functionName={functionName}
          onDone={() => {
            setIssued([]);
          }}
        />
      )}
      {invitations.error && (
        <ErrorNotice error={invitations.error} action="Could not load the invitations" onRetry={reload} />
      )}
      {canGiveNewLinks && (
        <div class="campaign__toolbar">
          <NewLinksForAllButton invitations={invitations.data ?? []} newLinks={newLinks} />
        </div>
      )}
      {newLinks.notice}
      {shownInvitations.length > 0 && (
        <InvitationTable
          invitations={shownInvitations}
          functionName={functionName}
          canRevoke={session.can('revokeInvitation')}
          newLinks={canGiveNewLinks ? newLinks : null}
          onForget={onForget}
          onRevoked={reload}
        />
      )}
      {revokedCount > 0 && (
        <button
          type="button"
          class="button button--small button--link campaign__revoked-toggle"
          aria-expanded={showRevoked}
          onClick={() => {
            setShowRevoked((shown) => !shown);
          }}
        >
          {`${showRevoked ? 'Hide' : 'Show'} ${revokedCount} revoked ${revokedCount === 1 ? 'link' : 'links'}`}
        </button>
      )}
      {open && session.can('inviteRaters') && organization.functions.length > 0 && (
        <InviteForm
          assessmentId={assessment.id}
          periodEnd={assessment.periodEnd}
          organization={organization}
          model={model}
          invitations={invitations.data ?? []}
          onInvited={(answer) => {
            setIssued(answer);
            reload();
          }}
        />
      )}
    </section>
  );
}

function ProgressSummary({
  progress,
  functionName,
}: {
  progress: CampaignProgress;
  functionName: (id: string) => string;
}) {
  return (
    <div class="campaign__progress" data-testid="campaign-progress">
      <dl class="campaign__figures">
        <div>
          <dt>Invited</dt>
          <dd data-figure="invited">{progress.invited}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd data-figure="started">{progress.started}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd data-figure="finished">{progress.finished}</dd>
        </div>
        <div class="campaign__figure--wide">
          <dt>Questions ({progress.expected})</dt>
          <dd data-figure="answered">{answerCounts(progress)}</dd>
        </div>
      </dl>
      <p class="muted campaign__finished-hint">
        Finished: every question answered or marked “Not sure”. Not sure is no answer, and nothing to chase.
      </p>
      <ul class="campaign__functions" aria-label="Answers by function">
        {progress.byFunction.map((row) => (
          <li key={row.functionId} data-function-progress={row.functionId}>
            <span class="campaign__function-name">{functionName(row.functionId)}</span>
            <progress max={Math.max(row.expected, 1)} value={row.answered} aria-hidden="true" />
            <span class="campaign__function-count">
              {row.answered} of {row.expected}
              {row.notSure > 0 && `, ${row.notSure} not sure`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const statusLabels: Record<string, string> = {
  ACTIVE: 'Active',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
  CLOSED: 'Closed',
  WITHDRAWN: 'Withdrawn',
};

function InvitationTable({
  invitations,
  functionName,
  canRevoke,
  newLinks,
  onRevoked,
  onForget,
}: {
  invitations: readonly RaterInvitation[];
  functionName: (id: string | null) => string;
  canRevoke: boolean;
  /** Given when new links may be given (an open assessment, a role that may). */
  newLinks: NewLinks | null;
  onRevoked: () => void;
  onForget?: ((invitation: RaterInvitation) => void) | undefined;
}) {
  const { client } = useSession();
  const confirm = useConfirm();
  const [revoking, revoke] = useAction((invitationId: string, signal: AbortSignal) =>
    client.request(revokeInvitationMutation, { invitationId }, signal).then((data) => {
      onRevoked();
      return data.revokeInvitation;
    }),
  );
  const personOf = (invitation: RaterInvitation) => invitation.label ?? invitation.respondentId;

  return (
    <>
      {revoking.error && <ErrorNotice error={revoking.error} action="Could not revoke the link" />}
      <ScrollRegion label="Invitations">
        <table class="table table--cards campaign__table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Answers as</th>
              <th scope="col">Rates</th>
              <th scope="col" class="table__number">
                Answered
              </th>
              <th scope="col">Last answer</th>
              <th scope="col">Status</th>
              {(canRevoke || onForget) && (
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr
                key={invitation.id}
                data-invitation={invitation.id}
                data-respondent={invitation.respondentId}
              >
                <td>
                  {invitation.labelErased ? <ErasedText what="label" /> : personOf(invitation)}
                  {(invitation.labelErased || Boolean(invitation.label)) && (
                    <span class="muted campaign__respondent"> {invitation.respondentId}</span>
                  )}
                </td>
                <td data-label="Answers as">
                  {sourceLabels[invitation.source]}
                  {invitation.raterFunctionId && (
                    <span class="muted"> from {functionName(invitation.raterFunctionId)}</span>
                  )}
                </td>
                <td data-label="Rates">{invitation.functionIds.map(functionName).join(', ')}</td>
                <td
                  data-label="Answered"
                  class="table__number"
                  data-answered={invitation.answered}
                  data-not-sure={invitation.notSure}
                >
                  {invitation.answered} / {invitation.expected}
                  {invitation.notSure > 0 && (
                    <span class="campaign__not-sure muted">{invitation.notSure} not sure</span>
                  )}
                </td>
                <td data-label="Last answer">
                  {invitation.lastAnsweredAt ? (
                    formatDate(invitation.lastAnsweredAt)
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td data-label="Status">
                  <span
                    class={`badge badge--${invitation.status.toLowerCase()}`}
                    data-status={invitation.status}
                    data-forgotten={invitation.respondentForgottenAt === null ? undefined : 'true'}
                    title={
                      invitation.respondentForgottenAt === null
                        ? undefined
                        : `The person was forgotten on ${formatDate(invitation.respondentForgottenAt)}: the link no longer works or shows their answers`
                    }
                  >
                    {invitation.respondentForgottenAt === null
                      ? (statusLabels[invitation.status] ?? invitation.status)
                      : 'Forgotten'}
                  </span>
                </td>
                {(canRevoke || onForget) && (
                  <td class="table__action campaign__actions">
                    {canRevoke && invitation.status === 'ACTIVE' && (
                      <button
                        type="button"
                        class="button button--small button--danger"
                        disabled={revoking.running}
                        aria-label={`Revoke the link of ${personOf(invitation)}`}
                        onClick={() =>
                          void confirm({
                            title: `Revoke the link of ${personOf(invitation)}?`,
                            message: (
                              <>
                                <p>
                                  The link stops working at once; the {invitation.answered} answers given
                                  stay.
                                </p>
                                <p>
                                  This cannot be undone: to let this person answer again, give them a new link
                                  (New link…) instead, or invite them again.
                                </p>
                              </>
                            ),
                            confirmLabel: 'Revoke the link',
                            tone: 'danger',
                          }).then((answer) => {
                            if (answer) revoke(invitation.id);
                          })
                        }
                      >
                        Revoke
                      </button>
                    )}
                    {newLinks && invitation.status === 'ACTIVE' && (
                      <NewLinkButton
                        invitation={invitation}
                        person={personOf(invitation)}
                        newLinks={newLinks}
                      />
                    )}
                    {onForget && !invitation.labelErased && invitation.respondentForgottenAt === null && (
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={`Forget… ${personOf(invitation)} (${invitation.respondentId})`}
                        onClick={() => {
                          onForget(invitation);
                        }}
                      >
                        Forget…
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
