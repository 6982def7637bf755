import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { EmbeddedCluster } from '@sinergi/persistence';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { DEMO_PASSWORD, DEMO_USERS } from './bootstrap/demo-workspace';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createApp } from './create-app';
import { checkDatabase, startEmbeddedDatabase } from './database';

/** Prints one line and exits: what a person at a terminal needs, without a stack trace. */
function fail(message: string): never {
  process.stderr.write(`\nSinergi tidak dapat dijalankan: ${message}\n`);
  process.exit(1);
}

function banner(config: AppConfig, embedded: boolean): void {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Sinergi berjalan di ${url}`,
    `  Dokumentasi API: ${url}/api/docs`,
    `  Database: ${embedded ? `PostgreSQL tertanam di ${config.dataDir}/pg (port ${config.embeddedPgPort})` : 'DATABASE_URL'}`,
  ];
  if (config.demo) {
    lines.push(`  Akun demo (kata sandi: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(30)} ${u.role}`);
  }
  lines.push('  Tekan Ctrl-C untuk berhenti.', '');
  process.stdout.write(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`konfigurasi tidak valid\n  - ${error.problems.join('\n  - ')}`);
    throw error;
  }

  let cluster: EmbeddedCluster | undefined;
  let url = config.databaseUrl;
  try {
    if (!url) ({ url, cluster } = await startEmbeddedDatabase(config));
    await checkDatabase(url);
  } catch (error) {
    await cluster?.stop();
    fail((error as Error).message);
  }

  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: menghentikan Sinergi …\n`);
    await app?.close().catch(() => undefined);
    if (cluster) {
      await cluster.stop();
      process.stdout.write('PostgreSQL tertanam dihentikan.\n');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await createApp(config, url);
    await app.get(BootstrapService).run();
    await app.listen(config.port);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    await app?.close().catch(() => undefined);
    await cluster?.stop();
    if (e.code === 'EADDRINUSE') fail(`port ${config.port} sudah dipakai program lain. Atur PORT=… untuk memakai port lain.`);
    throw error;
  }
  banner(config, !!cluster);
}

main().catch((error: unknown) => {
  process.stderr.write(`\nSinergi berhenti karena galat: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
