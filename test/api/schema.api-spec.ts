import { createDataSource, pendingSchemaChanges } from '@sinergi/persistence';
import { startTestApp, type TestApp } from '../support/test-app';

describe('schema: migrations only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has entities and migrations in agreement (no drift)', async () => {
    const ds = createDataSource(t.databaseUrl);
    await ds.initialize();
    try {
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('can undo every migration and apply them again', async () => {
    await t.app.close(); // its pool is not needed here; afterAll's close() tolerates this
    const ds = createDataSource(t.databaseUrl);
    await ds.initialize();
    try {
      const tables: { name: string }[] = await ds.query(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`,
      );
      await ds.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} CASCADE`);
      // The trigger forbids deleting audit rows one by one, not TRUNCATE: the test resets with it.
      while (await ds.query(`SELECT 1 FROM schema_migration LIMIT 1`).then((r: unknown[]) => r.length)) await ds.undoLastMigration();
      expect(await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`)).toEqual([{ n: 0 }]);
      await ds.runMigrations();
      expect(await pendingSchemaChanges(ds)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
