// Prints one closing line for the whole of `npm test`, from the JSON reports
// Vitest and Playwright write: "tests: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.error(`test summary: no report at ${path}`);
    process.exit(1);
  }
}

const unit = read('test-results/unit.json');
const e2e = read('test-results/e2e.json');
const passed = unit.numPassedTests + (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
const failed = unit.numFailedTests + (e2e.stats.unexpected ?? 0);
const skipped = unit.numPendingTests + unit.numTodoTests + (e2e.stats.skipped ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
