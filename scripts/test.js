// `npm test`: type-check, lint, build once, then every Jest project in one run (one PostgreSQL
// cluster for all). Browser journeys need Debian's Chromium; without it they are skipped loudly
// and the rest still runs. CI installs Chromium first, so it always runs every journey.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { buildApi, buildWeb, ROOT } = require('./build-if-needed');
const { findChromium } = require('../test/support/chromium');

function step(label, command, args) {
  process.stdout.write(`▸ ${label} …\n`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${label} gagal.\n`);
    process.exit(result.status || 1);
  }
}

const node = process.execPath;
// Direct paths: some packages do not export their bin files to require.resolve.
const bin = (pkg, file) => path.join(ROOT, 'node_modules', pkg, file);
step('Pemeriksaan tipe (tsc --noEmit)', node, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
step('Lint (eslint)', node, [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']);
buildApi();

const chromium = findChromium();
const projects = ['unit', 'api'];
if (chromium) {
  buildWeb();
  projects.push('browser');
}

mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
const report = path.join(ROOT, 'test-results', 'jest.json');
const jest = spawnSync(
  node,
  [bin('jest', 'bin/jest.js'), '--selectProjects', ...projects, '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium ?? '' } },
);

const journeys = chromium ? [] : readdirSync(path.join(ROOT, 'test', 'browser')).filter((f) => f.endsWith('.browser-spec.ts'));
if (!chromium) {
  const line = '!'.repeat(78);
  process.stdout.write(
    `\n${line}\n! Perjalanan browser DILEWATI: Chromium tidak ditemukan.\n` +
      journeys.map((j) => `!   - test/browser/${j}\n`).join('') +
      `! Pasang dengan:  sudo apt-get install -y chromium   lalu jalankan npm test lagi.\n` +
      `! Browser journeys SKIPPED: Debian's chromium is not installed.\n${line}\n`,
  );
}
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A suite that fails to load counts as a failure too, though it ran no test; a journey file
  // left out for want of Chromium counts as skipped.
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  process.stdout.write(`\n${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + journeys.length} skipped\n`);
}
process.exit(jest.status ?? 1);
