import type { Decider } from '../decider';
import { conflict } from '../domain-error';
import { deciderSpecification } from './decider-specification';

type Counted = { type: 'Counted'; data: { at: string | undefined } };
const counter: Decider<{ type: 'Count'; fail: boolean }, Counted, number, { now: string | undefined }> = {
  initialState: () => 0,
  decide: (command, state) => {
    if (command.fail) throw conflict(`count: already ${state}`, 'CONFLICT', 'count');
    return [{ type: 'Counted', data: { at: 'now' } }];
  },
  evolve: (state) => state + 1,
};

describe(deciderSpecification.name, () => {
  const spec = deciderSpecification(counter, { now: 'now' });

  it('should pass when the events match', () => {
    spec
      .given([])
      .when({ type: 'Count', fail: false })
      .then([{ type: 'Counted', data: { at: 'now' } }]);
  });

  it('should fail when the events differ', () => {
    expect(() => {
      spec.given([]).when({ type: 'Count', fail: false }).then([]);
    }).toThrow();
  });

  it('should check the kind, code and field of a refusal', () => {
    spec.given([]).when({ type: 'Count', fail: true }).thenThrows('conflict', 'CONFLICT', 'count');
    expect(() =>
      spec.given([]).when({ type: 'Count', fail: true }).thenThrows('conflict', 'CONFLICT', 'other'),
    ).toThrow();
    expect(() =>
      spec.given([]).when({ type: 'Count', fail: false }).thenThrows('conflict', 'CONFLICT'),
    ).toThrow();
  });

  it('should fail when event data would not survive JSON', () => {
    const leaky: typeof counter = {
      ...counter,
      decide: () => [{ type: 'Counted', data: { at: undefined } }],
    };
    expect(() => {
      deciderSpecification(leaky, { now: undefined })
        .given([])
        .when({ type: 'Count', fail: false })
        .then([{ type: 'Counted', data: { at: undefined } }]);
    }).toThrow();
  });
});
