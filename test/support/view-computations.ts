// Counts the maturity views the api in this process computes, for tests that check a change is
// computed once however many subscribers watch it.
import { MaturityQueryService } from '@app/application';
import type { TestApi } from './test-api';

export function countViewComputations(api: TestApi): { count: () => number; stop: () => void } {
  const queries = api.app.get(MaturityQueryService);
  const original = queries.maturity.bind(queries);
  let computed = 0;
  queries.maturity = (...args: Parameters<typeof original>) => {
    computed += 1;
    return original(...args);
  };
  return {
    count: () => computed,
    stop: () => {
      queries.maturity = original;
    },
  };
}
