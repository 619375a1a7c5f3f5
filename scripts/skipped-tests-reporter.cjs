// Names every skipped test at the end of a jest run. Jest's summary only counts them ("1 skipped"),
// and a skipped file's console output is never shown, so a suite skipped for want of a server
// (the EventStoreDB contract without EVENTSTORE_CONNECTION_STRING) would pass unnoticed.

/** One line per skipped test: its file, its describe blocks and its name. */
function skippedTestLines(results, rootDir) {
  const lines = [];
  for (const file of results.testResults) {
    const relative = rootDir ? file.testFilePath.replace(`${rootDir}/`, '') : file.testFilePath;
    for (const test of file.testResults) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
        lines.push(`  ${relative}: ${[...test.ancestorTitles, test.title].join(' › ')}`);
    }
  }
  return lines;
}

class SkippedTestsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const lines = skippedTestLines(results, this.rootDir);
    if (lines.length === 0) return;
    process.stderr.write(`\nSkipped, not passed (${lines.length}):\n${lines.join('\n')}\n`);
  }
}

module.exports = SkippedTestsReporter;
module.exports.skippedTestLines = skippedTestLines;
