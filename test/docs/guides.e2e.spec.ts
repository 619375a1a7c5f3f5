// The guides, run in the order the README links them, against one fresh api process on a real
// SQLite directory, with the CLI: every command and query they print, and the numbers, names and
// codes their text states (docs/contributing.md#the-documentation-test).
import { followAsAReader, guidesInReadingOrder } from './documentation-journey';

jest.setTimeout(180_000);

const { linked, present } = guidesInReadingOrder();

describe('The guides, followed one after another as a reader does (e2e)', () => {
  it('should link every guide from the README, so that none escapes this test', () => {
    expect([...linked].sort()).toEqual([...present].sort());
  });

  followAsAReader(linked);
});
