// The README, from `npm start` on a new store through the tour and the API example, against a
// fresh api process on a real SQLite directory (docs/contributing.md#the-documentation-test).
import { followAsAReader } from './documentation-journey';

jest.setTimeout(180_000);

describe('The README, followed as a reader does (e2e)', () => {
  followAsAReader(['README.md']);
});
