import {
  assessmentStream,
  investmentStream,
  maturityModelStream,
  organizationStream,
  parseStreamName,
} from './streams';

describe('streams', () => {
  it('should name one stream per aggregate instance', () => {
    expect(maturityModelStream('customer-centricity')).toBe('maturity-model-customer-centricity');
    expect(organizationStream('grand-hotel')).toBe('organization-grand-hotel');
    expect(assessmentStream('q1-2024')).toBe('assessment-q1-2024');
    expect(investmentStream('crm')).toBe('investment-crm');
  });

  it('should parse a name back into its category and id', () => {
    expect(parseStreamName('maturity-model-customer-centricity')).toEqual({
      category: 'maturity-model',
      id: 'customer-centricity',
    });
    expect(parseStreamName('organization-grand-hotel')).toEqual({
      category: 'organization',
      id: 'grand-hotel',
    });
    expect(parseStreamName('investment-crm-2')).toEqual({ category: 'investment', id: 'crm-2' });
  });

  it.each(['$settings', 'assessment-', 'assessment-Q1', 'shopping-cart-1', 'organization'])(
    'should not parse %s',
    (stream) => {
      expect(parseStreamName(stream)).toBeNull();
    },
  );
});
