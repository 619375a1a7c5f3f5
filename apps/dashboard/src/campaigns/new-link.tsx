// New links for people whose links were lost: "New link…" on one person's row, or "New links for
// all N people" above the table. Either way, after confirming that the current links stop, one
// call revokes them and issues new ones like them, all or none (reissueInvitations); the new links
// are shown once with the links CSV to download, and a refusal is said above the table, where it
// can be read.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { useAction } from '../shared/use-action';
import { useSession } from '../shell/session';
import {
  type IssuedInvitation,
  type RaterInvitation,
  reissueInvitationsMutation,
} from './campaigns.operations';

/** Whom a request gives new links: the invitations, and how the page names those people. */
interface NewLinksRequest {
  invitationIds: readonly string[];
  /** "Ana", "all 8 people". */
  who: string;
}

export interface NewLinks {
  running: boolean;
  /** Asks first, then gives the people of these working invitations new links. */
  give: (request: NewLinksRequest, answered: number) => void;
  /** The refusal of the last request, said where it can be read (not in a table cell). */
  notice: ComponentChildren;
}

export function useNewLinks(
  assessmentId: string,
  onIssued: (issued: readonly IssuedInvitation[]) => void,
): NewLinks {
  const { client } = useSession();
  const confirm = useConfirm();
  // One commandId per confirmed request: a retry of the same request after an error gets the same
  // new links, never a third set.
  const [last, setLast] = useState<(NewLinksRequest & { commandId: string }) | null>(null);
  const [issuing, issue] = useAction(
    (request: NewLinksRequest & { commandId: string }, signal: AbortSignal) =>
      client
        .request(
          reissueInvitationsMutation,
          { assessmentId, invitationIds: [...request.invitationIds], commandId: request.commandId },
          signal,
        )
        .then((data) => {
          onIssued(data.reissueInvitations);
          return data.reissueInvitations;
        }),
  );
  const give = (request: NewLinksRequest, answered: number) => {
    const many = request.invitationIds.length > 1;
    void confirm({
      title: many ? `Give ${request.who} new links?` : `Give ${request.who} a new link?`,
      message: (
        <>
          <p>
            {many
              ? 'The links they have now stop working at once'
              : 'The link they have now stops working at once'}
            {answered === 0
              ? '.'
              : answered === 1
                ? '; the 1 answer given stays.'
                : `; the ${answered} answers given stay.`}
          </p>
          <p>
            {many
              ? 'Each new link asks the same questions until the same day. They are shown only once, here: download them (CSV) or copy them, and send each person their own.'
              : 'The new link asks the same questions until the same day. It is shown only once, here: copy it and send it to them.'}
          </p>
        </>
      ),
      confirmLabel: many ? `Give ${request.invitationIds.length} new links` : 'Give a new link',
      tone: 'normal',
    }).then((confirmed) => {
      if (!confirmed) return;
      const again =
        issuing.error !== null &&
        last !== null &&
        last.invitationIds.join(' ') === request.invitationIds.join(' ');
      const next = { ...request, commandId: again ? last.commandId : crypto.randomUUID() };
      setLast(next);
      issue(next);
    });
  };
  const notice =
    issuing.error && last ? (
      <ErrorNotice
        error={issuing.error}
        action={
          last.invitationIds.length > 1
            ? `Could not give ${last.who} new links`
            : `Could not give ${last.who} a new link`
        }
      />
    ) : null;
  return { running: issuing.running, give, notice };
}

/** "New link…" on a working invitation's row. */
export function NewLinkButton({
  invitation,
  person,
  newLinks,
}: {
  invitation: RaterInvitation;
  /** How the table names the person. */
  person: string;
  newLinks: NewLinks;
}) {
  return (
    <button
      type="button"
      class="button button--small"
      disabled={newLinks.running}
      aria-label={`New link for ${person}`}
      onClick={() => {
        newLinks.give({ invitationIds: [invitation.id], who: person }, invitation.answered);
      }}
    >
      New link…
    </button>
  );
}

/** "New links for all N people": every working link of the assessment replaced in one call. */
export function NewLinksForAllButton({
  invitations,
  newLinks,
}: {
  invitations: readonly RaterInvitation[];
  newLinks: NewLinks;
}) {
  const working = invitations.filter((invitation) => invitation.status === 'ACTIVE');
  if (working.length < 2) return null;
  const who = `all ${working.length} people`;
  return (
    <button
      type="button"
      class="button button--small"
      disabled={newLinks.running}
      data-testid="new-links-for-all"
      onClick={() => {
        newLinks.give(
          { invitationIds: working.map((invitation) => invitation.id), who },
          working.reduce((sum, invitation) => sum + invitation.answered, 0),
        );
      }}
    >
      {newLinks.running ? `Issuing ${working.length} new links…` : `New links for ${who}…`}
    </button>
  );
}
