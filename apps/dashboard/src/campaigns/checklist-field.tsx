// A group of checkboxes under one field name (the functions a person rates), with the form's
// error for that field shown under the group and focus sent to its first box.
import { useEffect, useId, useRef } from 'preact/hooks';
import { useFormContext } from '../shared/forms/form';

interface ChecklistFieldProps {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onValues: (values: string[]) => void;
}

export function ChecklistField({ name, legend, options, values, onValues }: ChecklistFieldProps) {
  const form = useFormContext();
  const id = useId();
  const first = useRef<HTMLInputElement | null>(null);
  const error = form?.errorFor(name) ?? null;
  useEffect(() => form?.register(name, first.current), [form, name]);
  return (
    <fieldset
      class={`field checklist${error ? ' field--invalid' : ''}`}
      data-field={name}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend class="field__label">{legend}</legend>
      <div class="checklist__options">
        {options.map((option, index) => (
          <label key={option.value} class="checkbox">
            <input
              ref={index === 0 ? first : undefined}
              type="checkbox"
              value={option.value}
              checked={values.includes(option.value)}
              disabled={form?.disabled ?? false}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                onValues(
                  options
                    .map((candidate) => candidate.value)
                    .filter((value) => (value === option.value ? checked : values.includes(value))),
                );
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <span class="field__error" id={`${id}-error`} data-field-error={name}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
