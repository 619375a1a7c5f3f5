// Entries a person cannot tell apart by name: the trial's "Winter 2027 review" opened twice with
// the same period end, and "Waiter service-recovery training" planned three times.
import { assessmentTwinIds, openTwinOf } from '../../apps/dashboard/src/assessments/assessment-twins';
import {
  investmentNamesakeIds,
  liveNamesakeOf,
} from '../../apps/dashboard/src/planning/investment-namesakes';
import { nameKey } from '../../apps/dashboard/src/shared/namesakes';

describe('nameKey (unit)', () => {
  it('should read names alike whatever their case, accents and spacing', () => {
    expect(nameKey('  Winter   2027 REVIEW ')).toBe(nameKey('winter 2027 review'));
    expect(nameKey('Café review')).toBe(nameKey('cafe review'));
    expect(nameKey('Winter 2027 review')).not.toBe(nameKey('Winter 2027 review 2'));
  });
});

describe('openTwinOf and assessmentTwinIds (unit)', () => {
  const winter = {
    id: 'winter-2027',
    title: 'Winter 2027 review',
    periodEnd: '2027-02-28T00:00:00.000Z',
    status: 'OPEN',
  };
  it('should find the open assessment with the same title and period end, and no other', () => {
    expect(openTwinOf([winter], 'winter 2027 review', '2027-02-28')).toBe(winter);
    expect(openTwinOf([winter], 'Winter 2027 review', '2027-03-31')).toBeNull();
    expect(openTwinOf([{ ...winter, status: 'CLOSED' }], 'Winter 2027 review', '2027-02-28')).toBeNull();
  });

  it('should list the twins, leaving a withdrawn one and a lone cycle out', () => {
    const twin = { ...winter, id: 'assessment-20bd303761f4' };
    const spring = {
      id: 'spring',
      title: 'Spring review',
      periodEnd: '2027-05-31T00:00:00.000Z',
      status: 'OPEN',
    };
    expect([...assessmentTwinIds([winter, twin, spring])]).toEqual([
      'winter-2027',
      'assessment-20bd303761f4',
    ]);
    expect([...assessmentTwinIds([winter, { ...twin, status: 'WITHDRAWN' }, spring])]).toEqual([]);
  });
});

describe('liveNamesakeOf and investmentNamesakeIds (unit)', () => {
  const training = { id: 'investment-1', name: 'Waiter service-recovery training', status: 'PLANNED' };
  it('should find a planned or approved investment of the same name, not a cancelled or deployed one', () => {
    expect(liveNamesakeOf([training], 'waiter service-recovery training ')).toBe(training);
    expect(liveNamesakeOf([{ ...training, status: 'APPROVED' }], training.name)?.id).toBe('investment-1');
    expect(liveNamesakeOf([{ ...training, status: 'CANCELLED' }], training.name)).toBeNull();
    expect(liveNamesakeOf([{ ...training, status: 'DEPLOYED' }], training.name)).toBeNull();
    expect(liveNamesakeOf([training], '')).toBeNull();
  });

  it('should list every investment sharing its name with another, cancelled copies included', () => {
    const copies = [
      training,
      { ...training, id: 'investment-2' },
      { ...training, id: 'investment-3', status: 'CANCELLED' },
      { id: 'bar-menu', name: 'Bar menu refresh', status: 'PLANNED' },
    ];
    expect([...investmentNamesakeIds(copies)]).toEqual(['investment-1', 'investment-2', 'investment-3']);
  });
});
