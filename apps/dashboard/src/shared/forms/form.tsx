// A form that shows the api's field errors next to the fields they name, and any other error
// (or a field it does not show) above its buttons, in the words of the screen: fields register
// their names and labels with the form, and the api's field path becomes those labels.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { ErrorNotice } from '../error-notice';
import { fieldMessage, type FieldLabels } from './field-message';
import { fieldFor, type Submission } from './submission';

interface FormContextValue {
  /** The error message for this field, or null. */
  errorFor(name: string): string | null;
  /** `label`: the field's label when it is plain text, to name the field in an error. */
  register(name: string, element: HTMLElement | null, label?: string | null): () => void;
  touch(): void;
  disabled: boolean;
}

const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue | null {
  return useContext(FormContext);
}

interface FormProps {
  submission: Submission<unknown>;
  onSubmit: () => void;
  /** What failed, e.g. "Could not add the function". */
  action: string;
  submitLabel: string;
  busyLabel?: string;
  /** Shown (role=status) after a success, until the next edit. */
  successMessage?: ComponentChildren;
  /** Extra buttons beside submit (e.g. Cancel). */
  actions?: ComponentChildren;
  disabled?: boolean;
  class?: string;
  /** Names the form for assistive technology and tests. */
  label: string;
  /**
   * Names for what no field's label says, e.g. a list's items (`effects`: `Effect 1`, `Effect 2`);
   * a field's own label is taken from the field.
   */
  labels?: FieldLabels;
  /**
   * For long forms, whose fields may be far above the button: every refusal, a field's too, is
   * also said above the buttons and takes the focus there.
   */
  summarize?: boolean;
  children: ComponentChildren;
}

export function Form(props: FormProps) {
  const { submission } = props;
  const fields = useRef(new Map<string, HTMLElement | null>());
  const labels = useRef(new Map<string, string>());
  const errorField = fieldFor(submission.error?.field ?? null, fields.current.keys());
  const error =
    submission.error &&
    inScreenWords(
      submission.error,
      { ...Object.fromEntries(labels.current), ...props.labels },
      errorField === null ? null : (fields.current.get(errorField) ?? null),
    );
  // A field that appears with the error (an uploaded file adds rows) may claim it better: render again.
  const [, setRegistrations] = useState(0);
  const pendingField = useRef<string | null>(null);
  pendingField.current = submission.error?.field ?? null;

  const summary = useRef<HTMLDivElement>(null);
  // Move focus to the field the api refused, so the user lands where the fix is (a folded
  // section holding it opens), or to the summary by the buttons when the form has one.
  useEffect(() => {
    if (submission.error === null) return;
    const field = errorField === null ? null : (fields.current.get(errorField) ?? null);
    for (let folded = field?.closest('details'); folded; folded = folded.parentElement?.closest('details'))
      folded.open = true;
    if (props.summarize === true) summary.current?.focus();
    else field?.focus();
  }, [submission.error, errorField]);

  const context = useMemo<FormContextValue>(
    () => ({
      errorFor: (name) => (name === errorField && error ? error.message : null),
      register(name, element, label) {
        fields.current.set(name, element);
        if (label) labels.current.set(name, label);
        const wanted = pendingField.current;
        if (wanted !== null && fieldFor(wanted, [name]) === name) setRegistrations((count) => count + 1);
        return () => {
          if (fields.current.get(name) === element) {
            fields.current.delete(name);
            labels.current.delete(name);
          }
        };
      },
      touch: () => {
        submission.touch();
      },
      disabled: props.disabled === true || submission.running,
    }),
    [errorField, error?.message, submission, props.disabled],
  );

  return (
    <FormContext.Provider value={context}>
      <form
        class={`form${props.class ? ` ${props.class}` : ''}`}
        aria-label={props.label}
        noValidate={false}
        onSubmit={(event) => {
          event.preventDefault();
          if (!submission.running) props.onSubmit();
        }}
        onInput={() => {
          submission.touch();
        }}
      >
        {props.children}
        {error && (errorField === null || props.summarize === true) && (
          <div ref={summary} class="form__summary" tabIndex={-1} data-testid="form-summary">
            <ErrorNotice error={error} action={props.action} />
          </div>
        )}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={context.disabled}>
            {submission.running ? (props.busyLabel ?? 'Saving…') : props.submitLabel}
          </button>
          {props.actions}
          <span class="form__status" role="status">
            {submission.result !== null && props.successMessage}
          </span>
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** The api's error with its message in the form's labels; `element` is the field it names. */
function inScreenWords(error: ApiError, labels: FieldLabels, element: HTMLElement | null): ApiError {
  const typed =
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
      ? element.value
      : null;
  return new ApiError(error.code, fieldMessage(error, labels, typed), error.field, error.reason);
}
