// Prints the run's totals as one plain closing line ("N passed, N failed, N skipped"), the form
// CI tooling reads in any language; jest's own summary is kept above it.
export default class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: skipped,
      numTodoTests: todo,
    } = results;
    process.stdout.write(`\njest: ${passed} passed, ${failed} failed, ${skipped + todo} skipped\n`);
  }
}
