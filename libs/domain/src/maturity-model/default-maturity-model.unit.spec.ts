import { SLUG_PATTERN } from '../shared';
import { DEFAULT_MATURITY_MODEL } from './default-maturity-model';
import { sourceWeight, sourceWeightsOf, topLevel } from './maturity-model';

describe('DEFAULT_MATURITY_MODEL', () => {
  it('should be the customer-centricity model, version 1, with five named and described levels', () => {
    expect(DEFAULT_MATURITY_MODEL).toMatchObject({ id: 'customer-centricity', version: 1 });
    expect(DEFAULT_MATURITY_MODEL.levels.map((level) => level.value)).toEqual([1, 2, 3, 4, 5]);
    for (const level of DEFAULT_MATURITY_MODEL.levels) {
      expect(level.name).not.toBe('');
      expect(level.description?.length).toBeGreaterThan(40);
    }
  });

  it('should hold the eleven capabilities the product promises', () => {
    expect(DEFAULT_MATURITY_MODEL.capabilities.map((capability) => capability.id)).toEqual([
      'customer-insight',
      'value-proposition',
      'purpose-alignment',
      'customer-metrics',
      'cross-functional-cooperation',
      'leadership-engagement',
      'employee-empowerment',
      'self-service',
      'service-recovery',
      'partner-co-delivery',
      'investment-governance',
    ]);
  });

  it('should describe every level of every capability, with slug ids and positive weights', () => {
    for (const capability of DEFAULT_MATURITY_MODEL.capabilities) {
      expect(capability.id).toMatch(SLUG_PATTERN);
      expect(capability.weight).toBeGreaterThan(0);
      expect(capability.descriptors).toHaveLength(topLevel(DEFAULT_MATURITY_MODEL));
      expect(new Set(capability.descriptors).size).toBe(capability.descriptors.length);
    }
  });

  it('should weigh customer-facing peers and customers above self-assessment', () => {
    const weights = sourceWeightsOf(DEFAULT_MATURITY_MODEL);
    expect(sourceWeight(weights, 'SELF', false)).toBe(1);
    expect(sourceWeight(weights, 'PEER', false)).toBe(1);
    expect(sourceWeight(weights, 'PEER', true)).toBe(2);
    expect(sourceWeight(weights, 'CUSTOMER', false)).toBe(2);
    expect(sourceWeight(weights, 'AUDIT', false)).toBe(2);
  });
});
