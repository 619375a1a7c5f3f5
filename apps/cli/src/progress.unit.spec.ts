// The progress lines a command prints without a terminal (CI logs, pipes).
import { startProgress } from './progress';

describe('startProgress without a terminal', () => {
  let written: string[];
  let restore: () => void;

  beforeEach(() => {
    written = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    restore = () => {
      spy.mockRestore();
    };
  });

  afterEach(() => {
    restore();
  });

  it('should say done with the count when the work ran', () => {
    const progress = startProgress('Verifying', 0);
    progress.setTotal(3);
    progress.update(3);
    progress.stop();
    expect(written.at(-1)).toBe('Verifying: 3/3 done\n');
  });

  it('should say where it stopped, not done, when the work failed part way', () => {
    const progress = startProgress('Checking ratings for q4', 12100);
    progress.update(742);
    progress.stop();
    expect(written.at(-1)).toBe('Checking ratings for q4: stopped at 742/12100\n');
  });

  it('should print nothing when stopped before any work began (a refusal follows, not "0/0 done")', () => {
    const progress = startProgress('Recording the interlodge demo', 0);
    progress.stop();
    expect(written).toEqual([]);
  });
});
