import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Once per test run: one embedded PostgreSQL cluster in a fresh directory, and one template
 * database prepared exactly as `npm start` prepares a new install (migrations, bundled reference
 * data through the catalogue import, demo workspace). Test files clone it (test/support/test-app.ts).
 * Runs the compiled code in dist/ (npm test builds first), as a real start does.
 */
export const TEMPLATE_DB = 'sinergi_template';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __sinergiCluster?: { stop(): Promise<void> } };
  if (g.__sinergiCluster) return; // api and browser projects share one cluster
  const root = path.resolve(__dirname, '../..');
  let persistence: typeof import('@sinergi/persistence');
  let api: { createApp: typeof import('../../apps/api/src/create-app').createApp; BootstrapService: typeof import('../../apps/api/src/bootstrap/bootstrap.service').BootstrapService; loadConfig: typeof import('../../apps/api/src/config/config').loadConfig };
  // The compiled build, loaded at run time on purpose: the template is prepared by the code `npm start` runs.
  /* eslint-disable @typescript-eslint/no-require-imports */
  try {
    persistence = require(path.join(root, 'libs/persistence/dist/index.js'));
    api = {
      ...require(path.join(root, 'dist/api/create-app.js')),
      ...require(path.join(root, 'dist/api/bootstrap/bootstrap.service.js')),
      ...require(path.join(root, 'dist/api/config/config.js')),
    };
  } catch (error) {
    throw new Error(`Build the API first (npm run build:api, or run the tests with npm test): ${(error as Error).message}`);
  }
  /* eslint-enable @typescript-eslint/no-require-imports */

  const dataDir = path.join(root, '.data', 'test-pg');
  rmSync(dataDir, { recursive: true, force: true });
  const cluster = await persistence.startEmbeddedCluster({ dataDir, port: await freePort() });
  g.__sinergiCluster = cluster;
  await persistence.ensureDatabase(cluster.url('postgres'), TEMPLATE_DB);

  const config = api.loadConfig({ NODE_ENV: 'test', DEMO: 'true', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error' }, root);
  const app = await api.createApp(config, cluster.url(TEMPLATE_DB), { logger: false });
  await app.get(api.BootstrapService).run();
  await app.close();

  process.env.SINERGI_TEST_ADMIN_URL = cluster.url('postgres');
  process.env.SINERGI_TEST_TEMPLATE = TEMPLATE_DB;
}
