// The text fields of one level or capability of a model draft, in a row. Each field is named as
// the api names the input (`levels[2].name`), so a problem the domain's check or the api finds
// shows next to it.
import { type InputAttributes, TextField } from '../shared/forms/fields';

/** One property of an item as a text field: how the property shows as text, and how text changes it. */
export interface PropertyField<Item> {
  property: keyof Item & string;
  label: string;
  attributes?: Pick<InputAttributes, 'type' | 'step' | 'spellcheck'>;
  text: (item: Item) => string;
  change: (text: string) => Partial<Item>;
}

export function PropertyFields<Item>({
  list,
  index,
  itemLabel,
  item,
  fields,
  onChange,
}: {
  list: string;
  index: number;
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
          name={`${list}[${index}].${field.property}`}
          label={position === 0 && itemLabel !== undefined ? `${itemLabel}: ${field.label}` : field.label}
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
