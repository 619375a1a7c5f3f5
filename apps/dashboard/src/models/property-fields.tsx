// The text fields of a model draft or of one of its levels or capabilities. Each field is named as
// the api names the input (`name`, `levels[2].name`), so a problem the domain's check or the api
// finds shows next to it.
import { type InputAttributes, TextField } from '../shared/forms/fields';

/** One property of an item as a text field: how the property shows as text, and how text changes it. */
export interface PropertyField<Item> {
  property: keyof Item & string;
  label: string;
  hint?: string;
  attributes?: Pick<InputAttributes, 'type' | 'step' | 'spellcheck' | 'required'>;
  text: (item: Item) => string;
  change: (text: string) => Partial<Item>;
}

export function PropertyFields<Item>({
  path = '',
  itemLabel,
  item,
  fields,
  onChange,
}: {
  /** Where the item is in the input, e.g. `levels[2].`; none for the draft itself. */
  path?: string;
  /** Put before the first field's label, e.g. `Level 2`, to tell the rows apart. */
  itemLabel?: string;
  item: Item;
  fields: readonly PropertyField<Item>[];
  onChange: (change: Partial<Item>) => void;
}) {
  return (
    <>
      {fields.map((field, position) => (
        <TextField
          key={field.property}
          name={`${path}${field.property}`}
          label={position === 0 && itemLabel !== undefined ? `${itemLabel}: ${field.label}` : field.label}
          {...(field.hint === undefined ? {} : { hint: field.hint })}
          {...field.attributes}
          value={field.text(item)}
          onValue={(text) => {
            onChange(field.change(text));
          }}
        />
      ))}
    </>
  );
}
