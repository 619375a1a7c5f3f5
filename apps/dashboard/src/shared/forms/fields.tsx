// Labelled inputs that show their own error (from the enclosing Form) and describe themselves to
// assistive technology: the label, an optional hint and the error are tied to the input by id.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useFormContext } from './form';

interface FieldFrameProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  inline?: boolean;
  children: (control: ControlProps) => ComponentChildren;
}

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  disabled: boolean;
  ref: (element: HTMLElement | null) => void;
}

/** The frame every field shares: label, control, hint, error. */
export function FieldFrame({ name, label, hint, inline, children }: FieldFrameProps) {
  const form = useFormContext();
  const id = useId();
  const element = useRef<HTMLElement | null>(null);
  const error = form?.errorFor(name) ?? null;

  const shownLabel = typeof label === 'string' ? label : null;
  useEffect(() => form?.register(name, element.current, shownLabel), [form, name, shownLabel]);

  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${inline ? ' field--inline' : ''}${error ? ' field--invalid' : ''}`} data-field={name}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children({
        id,
        name,
        'aria-invalid': error !== null,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        disabled: form?.disabled ?? false,
        ref: (node) => {
          element.current = node;
        },
      })}
      {hint && (
        <span class="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field__error" id={errorId} data-field-error={name}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The input attributes the forms use; anything else is a sign the field wants its own component. */
export interface InputAttributes {
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'search' | 'url';
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  pattern?: string;
  /** With `pattern`: the browser adds it to its bare "Please match the requested format". */
  title?: string;
  placeholder?: string;
  spellcheck?: boolean;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  autocomplete?: string;
}

interface TextFieldProps extends InputAttributes {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  inline?: boolean;
}

export function TextField({ name, label, hint, value, onValue, inline, type, ...rest }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} inline={inline}>
      {(control) => (
        <input
          class="input"
          // Preact types each input type apart, so a union of them needs naming as one; all take text.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the dashboard's tsc needs it
          type={(type ?? 'text') as 'text'}
          {...rest}
          {...control}
          disabled={control.disabled || rest.disabled === true}
          value={value}
          onInput={(event) => {
            onValue(event.currentTarget.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}

export function TextAreaField({ name, label, hint, value, onValue, rows = 3, ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint}>
      {(control) => (
        <textarea
          class="input input--area"
          rows={rows}
          {...rest}
          {...control}
          value={value}
          onInput={(event) => {
            onValue(event.currentTarget.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  inline?: boolean;
  required?: boolean;
}

export function SelectField({
  name,
  label,
  hint,
  value,
  onValue,
  options,
  inline,
  required,
}: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} inline={inline}>
      {(control) => (
        <select
          class="input input--select"
          required={required}
          {...control}
          value={value}
          onChange={(event) => {
            onValue(event.currentTarget.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

export function CheckboxField({ name, label, hint, checked, onChecked }: CheckboxFieldProps) {
  const form = useFormContext();
  const id = useId();
  const element = useRef<HTMLInputElement | null>(null);
  const error = form?.errorFor(name) ?? null;
  const shownLabel = typeof label === 'string' ? label : null;
  useEffect(() => form?.register(name, element.current, shownLabel), [form, name, shownLabel]);
  return (
    <div class="checkbox-field" data-field={name}>
      <label class="checkbox" for={id}>
        <input
          ref={element}
          id={id}
          type="checkbox"
          name={name}
          checked={checked}
          disabled={form?.disabled ?? false}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            onChecked(event.currentTarget.checked);
          }}
        />
        <span>
          {label}
          {hint && <span class="checkbox__hint">{hint}</span>}
        </span>
      </label>
      {error && (
        <span class="field__error" id={`${id}-error`} data-field-error={name}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Only the error of a name that no single input stands for (a list: `levels`, `capabilities`). */
export function FieldError({ name }: { name: string }) {
  const form = useFormContext();
  const element = useRef<HTMLSpanElement | null>(null);
  const error = form?.errorFor(name) ?? null;
  useEffect(() => form?.register(name, element.current), [form, name]);
  return (
    <span ref={element} class="field__error" data-field-error={error ? name : undefined} tabIndex={-1}>
      {error}
    </span>
  );
}
