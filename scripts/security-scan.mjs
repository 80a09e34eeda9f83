// `npm run test:security`: scans the desktop app with Electronegativity and
// fails on any HIGH or MEDIUM finding that has not been reviewed below, and
// on any finding at all about the renderer's locks (see `strictChecks`).
//
//   node scripts/security-scan.mjs              scan the app (run `npm run build` first)
//   node scripts/security-scan.mjs --input DIR  scan another folder as it is (to check the scan itself)
//
// It uses Electronegativity's documented programmatic API rather than its CLI,
// because the CLI always exits 0 and only writes a table or CSV, while `run()`
// returns each finding with its severity, and the files it could not parse.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** What is scanned, relative to the repository. All must exist. */
const inputs = [
  'electron', // the glue's TypeScript sources: findings point at lines we wrote
  'out/main', // the built main process, services included: what actually runs, parsed with full scope analysis
  'out/renderer', // the built page: its CSP <meta> tag and scripts
  'package.json', // the Electron version, and any insecure flags in scripts
];

/**
 * Findings read by a person and judged not to be a problem. Each names the
 * check, the files and the flagged line, so the same check anywhere else
 * still fails the scan. Say why; never add a check here wholesale.
 */
const reviewed = [
  {
    id: 'PRELOAD_JS_CHECK',
    files: ['electron/main/window.ts', 'electron/main/host-files.ts', 'out/main/index.js'],
    sample: /^preload: options\.preloadPath,?$/,
    why:
      'this check flags every preload for manual review. Reviewed: the preload (the same one for the main window and the ' +
      'hidden window the report prints from) runs sandboxed with contextIsolation, exposes only the request function and ' +
      'the system features (wake lock, menu commands, save/open dialogs, printing the report), refuses unknown channels, ' +
      'validates every system payload in the main process and never exposes ipcRenderer ' +
      '(electron/preload/index.ts; tested in tests/unit/electron/preload.test.ts and host-files.test.ts)',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    files: ['out/renderer/index.html'],
    sample: /^default-src 'self'; script-src 'self';/,
    why:
      "csp-evaluator warns that script-src 'self' is weak when the origin also hosts JSONP endpoints, Angular or uploads. " +
      "Our origin, app://backcare/, serves only the read-only build output (electron/main/app-protocol.ts), so no other script can come from 'self'",
  },
];

const failingSeverities = new Set(['HIGH', 'MEDIUM']);

/**
 * Checks on the renderer's locks, which fail at any severity. Electronegativity
 * rates an explicit `nodeIntegration: true` only INFORMATIONAL, and drops it
 * altogether when a `sandbox` key is present (a sandbox does cancel it out);
 * we want every lock closed, so tests/unit/electron/window.test.ts also pins
 * each webPreference of the window to its exact value.
 */
const strictChecks = new Set([
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'EXPERIMENTAL_FEATURES_HTML_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'BLINK_FEATURES_HTML_CHECK',
]);

const fails = (issue) => failingSeverities.has(issue.severity.name) || strictChecks.has(issue.id);

function fail(message) {
  console.error(`security scan: ${message}`);
  process.exit(1);
}

/** Copies the inputs into one folder, since Electronegativity scans a single input. */
function stageInputs() {
  const missing = inputs.filter((input) => !existsSync(join(repoRoot, input)));
  if (missing.length > 0) fail(`missing ${missing.join(', ')}: run "npm run build" first`);
  const stage = mkdtempSync(join(tmpdir(), 'backcare-security-'));
  for (const input of inputs) cpSync(join(repoRoot, input), join(stage, input), { recursive: true });
  return stage;
}

function installedElectronVersion() {
  // Read as JSON: requiring the electron package would try to download its binary.
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')).version;
}

function reviewFor(issue) {
  return reviewed.find((entry) => entry.id === issue.id && entry.files.includes(issue.file) && entry.sample.test(String(issue.sample ?? '').trim()));
}

function describe(issue) {
  const where = issue.file === 'N/A' ? 'whole app' : `${issue.file}:${issue.location.line}`;
  return `${issue.severity.name.padEnd(13)} ${issue.id}  ${where}  ${issue.description} (${issue.shortenedURL ?? 'no link'})`;
}

async function scan(input) {
  const run = require('@doyensec/electronegativity');
  console.log(`electronegativity: scanning ${input} (offline it first spends a few seconds failing to fetch release data)`);
  // The README calls this option `electronVersion`, but runner.js reads `electronVersionOverride`.
  return run({ input, isRelative: true, electronVersionOverride: installedElectronVersion() });
}

function classify(issues) {
  const groups = { failing: [], reviewed: [], minor: [] };
  for (const issue of issues) {
    if (reviewFor(issue)) groups.reviewed.push(issue);
    else if (fails(issue)) groups.failing.push(issue);
    else groups.minor.push(issue);
  }
  return groups;
}

function summary(total, groups) {
  const count = (name) => groups.failing.filter((issue) => issue.severity.name === name).length;
  const strict = groups.failing.length - count('HIGH') - count('MEDIUM');
  const strictNote = strict > 0 ? `, ${strict} low/informational on a renderer lock` : '';
  const reviewedNote = groups.reviewed.length > 0 ? `, ${groups.reviewed.length} reviewed as false positives` : '';
  return `electronegativity: ${total} findings (${count('HIGH')} high, ${count('MEDIUM')} medium, ${groups.minor.length} low/informational${strictNote}${reviewedNote})`;
}

/** Prints every finding and returns whether the scan passed. */
function report(result, { checkReviewed }) {
  const unreadable = result.errors.filter((error) => !error.tolerable);
  const groups = classify(result.issues);
  for (const error of unreadable) console.log(`  NOT SCANNED   ${error.file}: ${error.message}`);
  for (const issue of groups.failing) console.log(`  FIX  ${describe(issue)}`);
  for (const issue of groups.minor) console.log(`  ok   ${describe(issue)}`);
  for (const issue of groups.reviewed) console.log(`  reviewed, not a problem: ${describe(issue)}\n      why: ${reviewFor(issue).why}`);
  console.log(summary(result.issues.length, groups));
  for (const entry of checkReviewed ? reviewed : []) {
    if (!groups.reviewed.some((issue) => reviewFor(issue) === entry)) console.log(`  note: the reviewed ${entry.id} entry matched nothing; remove it if that code is gone`);
  }

  if (unreadable.length > 0) console.error(`security scan failed: ${unreadable.length} file(s) could not be parsed, so they were not checked`);
  if (groups.failing.length > 0) console.error(`security scan failed: ${groups.failing.length} finding(s) marked FIX above`);
  return groups.failing.length === 0 && unreadable.length === 0;
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string' } }, strict: true });
  const stage = values.input ? null : stageInputs();
  try {
    const passed = report(await scan(stage ?? resolve(values.input)), { checkReviewed: stage !== null });
    process.exitCode = passed ? 0 : 1;
  } finally {
    if (stage) rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
