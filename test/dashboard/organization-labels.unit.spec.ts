// Two organisations with one name must not read the same in a picker: the repeated name carries the id.
import { organizationLabels } from '../../apps/dashboard/src/organizations/organization-labels';

describe('organizationLabels', () => {
  it('should label an organisation by its name when no other shares it', () => {
    const labels = organizationLabels([
      { id: 'interlodge', name: 'Interlodge' },
      { id: 'hotel-aurora', name: 'Hotel Aurora' },
    ]);
    expect([...labels]).toEqual([
      ['interlodge', 'Interlodge'],
      ['hotel-aurora', 'Hotel Aurora'],
    ]);
  });

  it('should add the id to every organisation of a repeated name, and only to those', () => {
    const labels = organizationLabels([
      { id: 'bigco', name: 'BigCo' },
      { id: 'interlodge', name: 'Interlodge' },
      { id: 'megaco', name: 'BigCo' },
    ]);
    expect(labels.get('bigco')).toBe('BigCo (bigco)');
    expect(labels.get('megaco')).toBe('BigCo (megaco)');
    expect(labels.get('interlodge')).toBe('Interlodge');
  });
});
