// Every irreversible action asks first. `useConfirm()` opens one modal dialog (a native <dialog>:
// focus stays inside, Escape cancels) and resolves with the user's answer; it can ask for a
// reason too (cancelling an investment), which the answer carries.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in plain words, and that it cannot be undone. */
  message: ComponentChildren;
  confirmLabel: string;
  /** Destructive actions get the danger colour. */
  tone?: 'danger' | 'normal';
  /** Ask for a reason in the dialog; `required` keeps the confirm button off until one is typed. */
  reason?: { label: string; required: boolean };
}

export interface ConfirmAnswer {
  reason: string;
}

type Confirm = (request: ConfirmRequest) => Promise<ConfirmAnswer | null>;

const ConfirmContext = createContext<Confirm | null>(null);

/** Resolves with the answer, or null when the user cancels. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (confirm === null) throw new Error('useConfirm needs a <ConfirmProvider> above it');
  return confirm;
}

interface Pending {
  request: ConfirmRequest;
  resolve: (answer: ConfirmAnswer | null) => void;
}

export function ConfirmProvider({ children }: { children: ComponentChildren }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback<Confirm>(
    (request) =>
      new Promise((resolve) => {
        setPending({ request, resolve });
      }),
    [],
  );
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && (
        <ConfirmDialog
          request={pending.request}
          onAnswer={(answer) => {
            pending.resolve(answer);
            setPending(null);
          }}
        />
      )}
    </ConfirmContext.Provider>
  );
}

function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest;
  onAnswer: (answer: ConfirmAnswer | null) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  // The element that had focus gets it back when the dialog closes.
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    dialog.current?.showModal();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, []);

  const reasonMissing = request.reason?.required === true && reason.trim() === '';
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(null);
      }}
    >
      <form
        method="dialog"
        class="dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reasonMissing) onAnswer({ reason: reason.trim() });
        }}
      >
        <h2 id={`${id}-title`} class="dialog__title">
          {request.title}
        </h2>
        <div id={`${id}-message`} class="dialog__message">
          {request.message}
        </div>
        {request.reason && (
          <label class="field">
            <span class="field__label">{request.reason.label}</span>
            <textarea
              class="input input--area"
              name="reason"
              rows={3}
              required={request.reason.required}
              value={reason}
              onInput={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
          </label>
        )}
        <div class="dialog__actions">
          <button
            type="button"
            class="button"
            autofocus
            onClick={() => {
              onAnswer(null);
            }}
          >
            Go back
          </button>
          <button
            type="submit"
            class={`button ${request.tone === 'normal' ? 'button--primary' : 'button--danger'}`}
            disabled={reasonMissing}
          >
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
