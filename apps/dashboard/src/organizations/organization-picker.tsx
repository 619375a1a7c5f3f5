import type { Organization } from '../api/types';
import { organizationLabels } from './organization-labels';

interface OrganizationPickerProps {
  organizations: readonly Organization[];
  selectedId: string;
  onSelect: (organizationId: string) => void;
}

export function OrganizationPicker({ organizations, selectedId, onSelect }: OrganizationPickerProps) {
  const labels = organizationLabels(organizations);
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
            {labels.get(organization.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
