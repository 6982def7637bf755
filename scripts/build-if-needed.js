// Builds what is out of date: the API and libraries with `tsc -b` (incremental, a no-op when
// nothing changed) and the Angular app when a hash of its sources differs from the last build.
// Used by `npm start` and `npm test` so a fresh clone needs no separate build step.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const WEB_OUT = path.join(ROOT, 'dist', 'web');
const WEB_STAMP = path.join(WEB_OUT, '.source-hash');

function run(command, args, label) {
  const started = Date.now();
  process.stdout.write(`▸ ${label} …\n`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${label} gagal (kode ${result.status ?? result.signal}).\n`);
    process.exit(result.status || 1);
  }
  process.stdout.write(`  selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function hashTree(hash, dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else {
      const s = statSync(full);
      hash.update(`${path.relative(ROOT, full)}:${s.size}:${s.mtimeMs}\n`);
    }
  }
}

function webSourceHash() {
  const hash = createHash('sha256');
  for (const dir of ['apps/web/src', 'apps/web/public', 'libs/contracts/src']) if (existsSync(path.join(ROOT, dir))) hashTree(hash, path.join(ROOT, dir));
  for (const file of ['apps/web/angular.json', 'apps/web/tsconfig.json', 'apps/web/tsconfig.app.json', 'apps/web/package.json']) {
    if (existsSync(path.join(ROOT, file))) hash.update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

function buildApi() {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'], 'Membangun API (tsc -b)');
}

function buildWeb() {
  const current = webSourceHash();
  const index = path.join(WEB_OUT, 'browser', 'index.html');
  if (existsSync(index) && existsSync(WEB_STAMP) && readFileSync(WEB_STAMP, 'utf8') === current) return;
  // One Angular build at a time on a 2-core machine; `timeout` guards against a hung build.
  run('timeout', ['900', 'npm', 'run', 'build:web', '--silent'], 'Membangun aplikasi web (ng build)');
  writeFileSync(WEB_STAMP, current);
}

module.exports = { buildApi, buildWeb, ROOT };

if (require.main === module) {
  buildApi();
  buildWeb();
}
