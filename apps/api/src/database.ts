import { ensureDatabase, startEmbeddedCluster, type EmbeddedCluster } from '@sinergi/persistence';
import path from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from './config/config';

/** Starts the embedded cluster under DATA_DIR/pg and returns the URL of the `sinergi` database. */
export async function startEmbeddedDatabase(config: AppConfig): Promise<{ url: string; cluster: EmbeddedCluster }> {
  const cluster = await startEmbeddedCluster({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort });
  await ensureDatabase(cluster.url('postgres'), 'sinergi');
  return { url: cluster.url('sinergi'), cluster };
}

/** Where a URL points, without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(URL tidak valid)';
  }
}

/** Fails fast with one readable reason when the database cannot be reached. */
export async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as { code?: string; message?: string };
    throw new Error(`Tidak dapat terhubung ke PostgreSQL di ${describeDatabaseUrl(url)}: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
