import { organizationDecider } from '../organization';
import { foldEvents, VALIDATION_ERROR_CODES } from '../shared';
import { deciderSpecification } from '../shared/testing/decider-specification';
import {
  functionRetired,
  HOTEL_ID,
  hotel,
  hotelEvents,
  model,
  NOW,
  NOW_ISO,
} from '../shared/testing/fixtures';
import type { EffectInput, PlanInvestment, ReviseInvestment } from './investment.commands';
import { investmentDecider } from './investment.decider';
import { evolveInvestment, initialInvestmentState } from './investment.state';
import { INVESTMENT_ERROR_CODES } from './investment.errors';
import type { InvestmentEvent } from './investment.events';

const context = { now: NOW, organization: hotel, model };
const spec = deciderSpecification(investmentDecider, context);
const ids = { investmentId: 'joint-evaluation', organizationId: HOTEL_ID };

const effect: EffectInput = {
  functionId: 'housekeeping',
  capabilityId: 'cross-functional-cooperation',
  low: 0,
  likely: 1,
  high: 1.5,
};

const plan = (overrides: Partial<PlanInvestment['data']> = {}): PlanInvestment => ({
  type: 'PlanInvestment',
  data: {
    ...ids,
    name: 'Front desk rates housekeeping',
    kind: 'OPERATIONAL',
    cost: 12_000,
    lagMonths: 3,
    effects: [
      effect,
      { functionId: 'front-desk', capabilityId: 'customer-metrics', low: -0.5, likely: 0.5, high: 1 },
    ],
    ...overrides,
  },
});

const planned: InvestmentEvent = {
  type: 'InvestmentPlanned',
  data: {
    ...ids,
    name: 'Front desk rates housekeeping',
    kind: 'OPERATIONAL',
    cost: 12_000,
    lagMonths: 3,
    effects: [
      effect,
      { functionId: 'front-desk', capabilityId: 'customer-metrics', low: -0.5, likely: 0.5, high: 1 },
    ],
    plannedAt: NOW_ISO,
  },
};
const approved: InvestmentEvent = { type: 'InvestmentApproved', data: { ...ids, approvedAt: NOW_ISO } };
const deployed: InvestmentEvent = {
  type: 'InvestmentDeployed',
  data: { ...ids, deployedAt: '2024-03-01T00:00:00.000Z' },
};
const cancelled: InvestmentEvent = {
  type: 'InvestmentCancelled',
  data: { ...ids, reason: null, previousStatus: 'PLANNED', cancelledAt: NOW_ISO },
};

const withEffect = (overrides: Partial<EffectInput>): PlanInvestment =>
  plan({ effects: [effect, { ...effect, ...overrides }] });

describe('investmentDecider', () => {
  describe('PlanInvestment', () => {
    it('should plan an investment with its effects', () => {
      spec.given([]).when(plan()).then([planned]);
    });

    it('should accept zero cost, lag 0 and lag 120, and effects of L - 1 levels either way', () => {
      spec
        .given([])
        .when(plan({ cost: 0, lagMonths: 0 }))
        .then([{ ...planned, data: { ...planned.data, cost: 0, lagMonths: 0 } }]);
      spec
        .given([])
        .when(plan({ lagMonths: 120, effects: [{ ...effect, low: -4, likely: 0, high: 4 }] }))
        .then([
          {
            ...planned,
            data: { ...planned.data, lagMonths: 120, effects: [{ ...effect, low: -4, likely: 0, high: 4 }] },
          },
        ]);
    });

    it('should refuse an id planned before', () => {
      spec
        .given([planned])
        .when(plan())
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.alreadyPlanned, 'investmentId');
    });

    it('should refuse an id that is not a slug', () => {
      spec
        .given([])
        .when(plan({ investmentId: 'Joint evaluation' }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_SLUG', 'investmentId');
    });

    it('should refuse an unknown organization', () => {
      spec
        .given([])
        .when(plan({ organizationId: 'other-hotel' }))
        .thenThrows('not_found', 'ORGANIZATION.NOT_FOUND', 'organizationId');
      spec
        .given([])
        .when(plan(), { now: NOW })
        .thenThrows('not_found', 'ORGANIZATION.NOT_FOUND', 'organizationId');
    });

    it('should refuse a name over 200 characters', () => {
      spec
        .given([])
        .when(plan({ name: 'n'.repeat(201) }))
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'name');
    });

    it('should refuse a negative cost', () => {
      spec
        .given([])
        .when(plan({ cost: -1 }))
        .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'cost');
    });

    it.each([
      [-1, VALIDATION_ERROR_CODES.outOfRange],
      [121, VALIDATION_ERROR_CODES.outOfRange],
      [1.5, VALIDATION_ERROR_CODES.notAnInteger],
    ])('should refuse lagMonths %d', (lagMonths, code) => {
      spec.given([]).when(plan({ lagMonths })).thenThrows('invalid_input', code, 'lagMonths');
    });

    it('should refuse an investment without effects', () => {
      spec
        .given([])
        .when(plan({ effects: [] }))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.noEffects, 'effects');
    });

    it('should refuse low > likely', () => {
      spec
        .given([])
        .when(withEffect({ low: 1.5, likely: 1, high: 2 }))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.effectOrder, 'effects[1].low');
    });

    it('should refuse likely > high', () => {
      spec
        .given([])
        .when(withEffect({ low: 0, likely: 2, high: 1 }))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.effectOrder, 'effects[1].likely');
    });

    it('should refuse an effect beyond L - 1 levels', () => {
      spec
        .given([])
        .when(withEffect({ low: 0, likely: 1, high: 4.5 }))
        .thenThrows('invalid_input', 'VALIDATION.OUT_OF_RANGE', 'effects[1].high');
    });

    it('should refuse a non-finite effect', () => {
      spec
        .given([])
        .when(withEffect({ low: Number.NEGATIVE_INFINITY }))
        .thenThrows('invalid_input', 'VALIDATION.NOT_A_NUMBER', 'effects[1].low');
    });

    it('should refuse an unknown function or capability', () => {
      spec
        .given([])
        .when(withEffect({ functionId: 'spa' }))
        .thenThrows('not_found', 'ORGANIZATION.FUNCTION_NOT_FOUND', 'effects[1].functionId');
      spec
        .given([])
        .when(withEffect({ capabilityId: 'telepathy' }))
        .thenThrows('not_found', 'MATURITY_MODEL.CAPABILITY_NOT_FOUND', 'effects[1].capabilityId');
    });

    it('should refuse an effect on a retired function, whose cells no view scores any more', () => {
      const laundryRetired = foldEvents(organizationDecider, [
        ...hotelEvents,
        functionRetired('laundry', '2024-03-01T00:00:00.000Z'),
      ]);
      deciderSpecification(investmentDecider, { ...context, organization: laundryRetired })
        .given([])
        .when(withEffect({ functionId: 'laundry' }))
        .thenThrows('conflict', 'ORGANIZATION.FUNCTION_RETIRED', 'effects[1].functionId');
    });

    it('should refuse two effects on one cell', () => {
      spec
        .given([])
        .when(withEffect({}))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.duplicateEffect, 'effects[1]');
    });

    it('should refuse a kind outside OPERATIONAL and CAPITAL', () => {
      spec
        .given([])
        .when({ ...plan(), data: { ...plan().data, kind: 'MAGIC' as 'CAPITAL' } })
        .thenThrows('invalid_input', 'VALIDATION.NOT_ALLOWED', 'kind');
    });
  });

  describe('ReviseInvestment', () => {
    const revise = (data: ReviseInvestment['data']): ReviseInvestment => ({ type: 'ReviseInvestment', data });
    const otherCell = {
      functionId: 'front-desk',
      capabilityId: 'customer-metrics',
      low: -0.5,
      likely: 0.5,
      high: 1,
    };
    const revisedAt = NOW_ISO;

    it('should revise a planned investment, recording the old values of the changed fields only', () => {
      spec
        .given([planned])
        .when(revise({ cost: 9_500, lagMonths: 4, name: 'Front desk rates housekeeping' }))
        .then([
          {
            type: 'InvestmentRevised',
            data: {
              ...ids,
              name: 'Front desk rates housekeeping',
              kind: 'OPERATIONAL',
              cost: 9_500,
              lagMonths: 4,
              effects: planned.data.effects,
              previous: { cost: 12_000, lagMonths: 3 },
              previousStatus: 'PLANNED',
              revisedAt,
            },
          },
        ]);
    });

    it('should replace the effects whole, and the state should then carry the revised plan', () => {
      const events = investmentDecider.decide(
        revise({ effects: [{ ...effect, likely: 0.5 }], kind: 'CAPITAL' }),
        evolveInvestment(initialInvestmentState(), planned),
        context,
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'InvestmentRevised',
          data: expect.objectContaining({
            kind: 'CAPITAL',
            effects: [{ ...effect, likely: 0.5 }],
            previous: { kind: 'OPERATIONAL', effects: planned.data.effects },
          }),
        }),
      ]);
      const state = [planned, ...events].reduce(evolveInvestment, initialInvestmentState());
      expect(state).toMatchObject({
        status: 'PLANNED',
        kind: 'CAPITAL',
        cost: 12_000,
        effects: [{ ...effect, likely: 0.5 }],
        revisedAt,
      });
    });

    it('should revise an approved investment and drop it back to PLANNED, to be approved again', () => {
      const given = [planned, approved];
      spec
        .given(given)
        .when(revise({ cost: 15_000 }))
        .then([
          {
            type: 'InvestmentRevised',
            data: {
              ...ids,
              name: planned.data.name,
              kind: 'OPERATIONAL',
              cost: 15_000,
              lagMonths: 3,
              effects: planned.data.effects,
              previous: { cost: 12_000 },
              previousStatus: 'APPROVED',
              revisedAt,
            },
          },
        ]);
      const events = investmentDecider.decide(
        revise({ cost: 15_000 }),
        given.reduce(evolveInvestment, initialInvestmentState()),
        context,
      );
      const state = [...given, ...events].reduce(evolveInvestment, initialInvestmentState());
      expect(state).toMatchObject({ status: 'PLANNED', approvedAt: null, cost: 15_000 });
      spec
        .given([...given, ...events])
        .when({ type: 'ApproveInvestment' })
        .then([approved]);
    });

    it.each([
      ['deployed', [planned, approved, deployed], 'a deployed investment is a fact'],
      ['cancelled', [planned, cancelled], 'a cancelled investment stays as it was cancelled'],
    ])('should refuse revising an investment that is %s, saying why', (_status, given, why) => {
      const error = spec
        .given(given)
        .when(revise({ cost: 1 }))
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.invalidTransition, 'investmentId');
      expect(error.message).toContain(why);
      expect(error.message).toContain('plan a new investment');
    });

    it('should refuse an investment that was never planned', () => {
      spec
        .given([])
        .when(revise({ cost: 1 }))
        .thenThrows('not_found', INVESTMENT_ERROR_CODES.notFound, 'investmentId');
    });

    it('should refuse a revision that changes nothing, effects in another order included', () => {
      spec
        .given([planned])
        .when(revise({}))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.nothingToRevise, 'input');
      spec
        .given([planned])
        .when(revise({ name: planned.data.name, cost: 12_000, kind: null, effects: [otherCell, effect] }))
        .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.nothingToRevise, 'input');
    });

    it.each<[string, ReviseInvestment['data'], string, string, string]>([
      ['a blank name', { name: '  ' }, 'invalid_input', 'VALIDATION.REQUIRED', 'name'],
      ['a negative cost', { cost: -1 }, 'invalid_input', 'VALIDATION.OUT_OF_RANGE', 'cost'],
      ['a lag over 120 months', { lagMonths: 121 }, 'invalid_input', 'VALIDATION.OUT_OF_RANGE', 'lagMonths'],
      [
        'a kind outside the two',
        { kind: 'MAGIC' as 'CAPITAL' },
        'invalid_input',
        'VALIDATION.NOT_ALLOWED',
        'kind',
      ],
      ['no effects', { effects: [] }, 'invalid_input', INVESTMENT_ERROR_CODES.noEffects, 'effects'],
      [
        'low > likely',
        { effects: [effect, { ...otherCell, low: 1 }] },
        'invalid_input',
        INVESTMENT_ERROR_CODES.effectOrder,
        'effects[1].low',
      ],
      [
        'an unknown function',
        { effects: [{ ...effect, functionId: 'spa' }] },
        'not_found',
        'ORGANIZATION.FUNCTION_NOT_FOUND',
        'effects[0].functionId',
      ],
      [
        'two effects on one cell',
        { effects: [effect, effect] },
        'invalid_input',
        INVESTMENT_ERROR_CODES.duplicateEffect,
        'effects[1]',
      ],
    ])('should refuse %s as planning does, naming the field', (_case, data, kind, code, field) => {
      spec
        .given([planned])
        .when(revise(data))
        .thenThrows(kind as 'invalid_input', code as typeof INVESTMENT_ERROR_CODES.noEffects, field);
    });
  });

  describe('ApproveInvestment', () => {
    it('should approve a planned investment', () => {
      spec.given([planned]).when({ type: 'ApproveInvestment' }).then([approved]);
    });

    it.each([
      ['approved', [planned, approved]],
      ['deployed', [planned, approved, deployed]],
      ['cancelled', [planned, cancelled]],
    ])('should refuse approving an investment that is %s', (_status, given) => {
      spec
        .given(given)
        .when({ type: 'ApproveInvestment' })
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.invalidTransition, 'investmentId');
    });

    it('should refuse an investment that was never planned', () => {
      spec
        .given([])
        .when({ type: 'ApproveInvestment' })
        .thenThrows('not_found', INVESTMENT_ERROR_CODES.notFound, 'investmentId');
    });
  });

  describe('DeployInvestment', () => {
    it('should deploy an approved investment at the given time, in UTC', () => {
      spec
        .given([planned, approved])
        .when({ type: 'DeployInvestment', data: { deployedAt: '2024-03-01T02:00:00+02:00' } })
        .then([deployed]);
    });

    it('should refuse deploying an investment that was never approved', () => {
      spec
        .given([planned])
        .when({ type: 'DeployInvestment', data: { deployedAt: '2024-03-01' } })
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.invalidTransition, 'investmentId');
    });

    it('should accept a deployment dated at the very time of the command', () => {
      spec
        .given([planned, approved])
        .when({ type: 'DeployInvestment', data: { deployedAt: NOW_ISO } })
        .then([{ type: 'InvestmentDeployed', data: { ...ids, deployedAt: NOW_ISO } }]);
    });

    it.each(['2024-04-02T09:30:00.001Z', '2024-04-03', '2025-06-01'])(
      'should refuse a deployment dated after the command time (%s), naming deployedAt',
      (deployedAt) => {
        spec
          .given([planned, approved])
          .when({ type: 'DeployInvestment', data: { deployedAt } })
          .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.deployedInTheFuture, 'deployedAt');
      },
    );

    describe('no earlier than the first assessment period', () => {
      const firstPeriodEnd = '2024-01-31T00:00:00.000Z';
      const assessed = { ...context, firstPeriodEnd };

      it('should refuse a deployment dated before the first assessment period ended, naming deployedAt', () => {
        spec
          .given([planned, approved])
          .when({ type: 'DeployInvestment', data: { deployedAt: '2001-01-01' } }, assessed)
          .thenThrows('invalid_input', INVESTMENT_ERROR_CODES.deployedBeforeFirstAssessment, 'deployedAt');
      });

      it('should accept a deployment dated on the first period end, or later', () => {
        spec
          .given([planned, approved])
          .when({ type: 'DeployInvestment', data: { deployedAt: firstPeriodEnd } }, assessed)
          .then([{ type: 'InvestmentDeployed', data: { ...ids, deployedAt: firstPeriodEnd } }]);
        spec
          .given([planned, approved])
          .when({ type: 'DeployInvestment', data: { deployedAt: '2024-03-01T02:00:00+02:00' } }, assessed)
          .then([deployed]);
      });

      it('should set no bound while the organisation has no assessment', () => {
        spec
          .given([planned, approved])
          .when(
            { type: 'DeployInvestment', data: { deployedAt: '2001-01-01' } },
            { ...context, firstPeriodEnd: null },
          )
          .then([{ type: 'InvestmentDeployed', data: { ...ids, deployedAt: '2001-01-01T00:00:00.000Z' } }]);
      });
    });

    it('should refuse a malformed deployedAt', () => {
      spec
        .given([planned, approved])
        .when({ type: 'DeployInvestment', data: { deployedAt: 'next May' } })
        .thenThrows('invalid_input', 'VALIDATION.MALFORMED_DATE', 'deployedAt');
    });
  });

  describe('CancelInvestment', () => {
    it('should cancel a planned investment', () => {
      spec.given([planned]).when({ type: 'CancelInvestment' }).then([cancelled]);
    });

    it('should cancel an approved investment with a reason', () => {
      spec
        .given([planned, approved])
        .when({ type: 'CancelInvestment', data: { reason: 'Budget moved to training' } })
        .then([
          {
            type: 'InvestmentCancelled',
            data: {
              ...ids,
              reason: 'Budget moved to training',
              previousStatus: 'APPROVED',
              cancelledAt: NOW_ISO,
            },
          },
        ]);
    });

    it('should refuse cancelling a deployed investment', () => {
      spec
        .given([planned, approved, deployed])
        .when({ type: 'CancelInvestment' })
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.invalidTransition, 'investmentId');
    });

    it('should refuse cancelling twice', () => {
      spec
        .given([planned, cancelled])
        .when({ type: 'CancelInvestment' })
        .thenThrows('conflict', INVESTMENT_ERROR_CODES.invalidTransition, 'investmentId');
    });

    it('should refuse a reason over 2,000 characters', () => {
      spec
        .given([planned])
        .when({ type: 'CancelInvestment', data: { reason: 'r'.repeat(2_001) } })
        .thenThrows('invalid_input', 'VALIDATION.TOO_LONG', 'reason');
    });
  });
});
