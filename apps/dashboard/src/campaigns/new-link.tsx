// "New link…" on a working invitation: after confirming that the person's current link stops, one
// call revokes it and issues a new one like it (reissueInvitation), shown once with the other
// links just issued.
import { useState } from 'preact/hooks';
import { useConfirm } from '../shared/confirm-dialog';
import { ErrorNotice } from '../shared/error-notice';
import { useAction } from '../shared/use-action';
import { useSession } from '../shell/session';
import {
  type IssuedInvitation,
  type RaterInvitation,
  reissueInvitationMutation,
} from './campaigns.operations';

interface NewLinkProps {
  invitation: RaterInvitation;
  /** How the table names the person. */
  person: string;
  onIssued: (issued: IssuedInvitation) => void;
}

export function NewLinkButton({ invitation, person, onIssued }: NewLinkProps) {
  const { client } = useSession();
  const confirm = useConfirm();
  // One commandId per confirmed request: a retry of it gets the same new link, never a third one.
  const [commandId, setCommandId] = useState<string | null>(null);
  const [issuing, issue] = useAction((id: string, signal: AbortSignal) =>
    client
      .request(reissueInvitationMutation, { invitationId: invitation.id, commandId: id }, signal)
      .then((data) => {
        onIssued(data.reissueInvitation);
        return data.reissueInvitation;
      }),
  );
  return (
    <>
      <button
        type="button"
        class="button button--small"
        disabled={issuing.running}
        aria-label={`New link for ${person}`}
        onClick={() =>
          void confirm({
            title: `Give ${person} a new link?`,
            message: (
              <>
                <p>
                  The link they have now stops working at once; the {invitation.answered} answers given stay.
                </p>
                <p>
                  The new link asks the same questions until the same day. It is shown only once, here: copy
                  it and send it to them.
                </p>
              </>
            ),
            confirmLabel: 'Give a new link',
            tone: 'normal',
          }).then((answer) => {
            if (!answer) return;
            const id = issuing.error && commandId !== null ? commandId : crypto.randomUUID();
            setCommandId(id);
            issue(id);
          })
        }
      >
        {issuing.running ? 'Issuing…' : 'New link…'}
      </button>
      {issuing.error && <ErrorNotice error={issuing.error} action={`Could not give ${person} a new link`} />}
    </>
  );
}
