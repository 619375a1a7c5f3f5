// The reporter that names skipped tests at the end of every run (a skip is never a pass).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { skippedTestLines } = require('../../scripts/skipped-tests-reporter.cjs') as {
  skippedTestLines: (results: unknown, rootDir: string) => string[];
};

const testResult = (status: string, ancestorTitles: string[], title: string) => ({
  status,
  ancestorTitles,
  title,
});

describe('skippedTestLines', () => {
  it('should name each skipped or todo test with its file and describe blocks, and leave out the others', () => {
    const results = {
      testResults: [
        {
          testFilePath: '/repo/libs/store/server.int.spec.ts',
          testResults: [
            testResult('pending', ['Server contract (needs a server)'], 'runs against a real server'),
            testResult('passed', ['Server contract (needs a server)'], 'a passing one'),
          ],
        },
        {
          testFilePath: '/repo/test/other.unit.spec.ts',
          testResults: [testResult('failed', [], 'a failing one'), testResult('todo', ['Later'], 'write me')],
        },
      ],
    };
    expect(skippedTestLines(results, '/repo')).toEqual([
      '  libs/store/server.int.spec.ts: Server contract (needs a server) › runs against a real server',
      '  test/other.unit.spec.ts: Later › write me',
    ]);
  });

  it('should say nothing when nothing was skipped', () => {
    const results = {
      testResults: [{ testFilePath: '/repo/a.unit.spec.ts', testResults: [testResult('passed', [], 'ok')] }],
    };
    expect(skippedTestLines(results, '/repo')).toEqual([]);
  });
});
