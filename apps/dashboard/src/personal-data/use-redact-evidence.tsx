// Erasing one rating's evidence (a wrong paste; admins): the confirmation every irreversible action
// asks for, with the reason typed in it, then redactEvidence. The reason stays in the history in
// the clear, so the dialog says never to quote the text.
import { useConfirm } from '../shared/confirm-dialog';
import { useAction, type ActionState } from '../shared/use-action';
import { useSession } from '../shell/session';
import { redactEvidenceMutation, type RedactedRating } from './personal-data.operations';

export function useRedactEvidence(
  onRedacted: () => void,
): [ActionState<boolean>, (rating: RedactedRating, description: string) => void] {
  const { client } = useSession();
  const confirm = useConfirm();
  const [state, redact] = useAction((input: RedactedRating & { reason: string }, signal: AbortSignal) =>
    client.request(redactEvidenceMutation, { input }, signal).then((data) => {
      onRedacted();
      return data.redactEvidence;
    }),
  );
  const ask = (rating: RedactedRating, description: string) =>
    void confirm({
      title: `Erase the evidence of ${description}?`,
      message: (
        <>
          <p>
            The text of this rating’s evidence, in every recording of it, is erased for good: nobody can read
            it again, not even an admin. The level stays and still counts; the person’s other evidence stays
            readable.
          </p>
          <p>This cannot be undone.</p>
        </>
      ),
      confirmLabel: 'Erase the evidence',
      tone: 'danger',
      reason: {
        label:
          'Reason (kept in the history in the clear: say why, e.g. “pasted the wrong text”; never quote it)',
        required: true,
      },
    }).then((answer) => {
      if (answer) redact({ ...rating, reason: answer.reason });
    });
  return [state, ask];
}
