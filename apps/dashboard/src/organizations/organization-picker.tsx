import type { Organization } from '../api/types';

interface OrganizationPickerProps {
  organizations: readonly Organization[];
  selectedId: string;
  onSelect: (organizationId: string) => void;
}

export function OrganizationPicker({ organizations, selectedId, onSelect }: OrganizationPickerProps) {
  return (
    <label class="field field--inline organization-picker">
      {/* With several organisations the picker must fit beside the role and sign-out on a phone. */}
      <span class="field__label visually-hidden-on-phone">Organisation</span>
      <select
        class="input input--select"
        name="organization"
        value={selectedId}
        onChange={(event) => {
          onSelect(event.currentTarget.value);
        }}
      >
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
    </label>
  );
}
