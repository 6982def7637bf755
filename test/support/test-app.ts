import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';

export const DEMO_PASSWORD = 'sinergi-demo';
export const ROOT = path.resolve(__dirname, '../..');

/**
 * One test file's application: its own database, cloned from the prepared template in about a
 * second at most, and the full Nest app (same wiring as `npm start`) on it.
 */
export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  config: AppConfig;
  /** Runs SQL against this file's database (for assertions that the API cannot make). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.SINERGI_TEST_ADMIN_URL;
  if (!url) throw new Error('SINERGI_TEST_ADMIN_URL missing: the api/browser Jest projects start the cluster in global-setup');
  return url;
}

async function cloneTemplate(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.SINERGI_TEST_TEMPLATE}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = await cloneTemplate();
  const config = loadConfig(
    { NODE_ENV: 'test', DEMO: 'true', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error', ...env },
    ROOT,
  );
  const app = await createApp(config, databaseUrl, { logger: false });
  await app.init();
  const http = request(app.getHttpServer());
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let closed = false;
  return {
    app,
    http,
    databaseUrl,
    config,
    sql: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    async login(email: string, password = DEMO_PASSWORD) {
      const response = await http.post('/api/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.accessToken as string;
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.end();
      await app.close().catch(() => undefined);
    },
  };
}
