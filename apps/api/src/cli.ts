import 'reflect-metadata';
import { createDataSource, pendingSchemaChanges } from '@sinergi/persistence';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from './auth/passwords';
import { ConfigError, loadConfig } from './config/config';
import { startEmbeddedDatabase } from './database';
import { UserEntity } from '@sinergi/persistence';

/**
 * Operator commands, run as `npm run cli -- <command>` after a build:
 *   create-admin <email> <name>    first admin of a production install (password from ADMIN_PASSWORD or stdin)
 *   migration-check                exits 1 when the entities and the migrations disagree
 *   migration-generate <Name>      writes a migration with the SQL that would bring the schema in line
 */
async function databaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const { url, cluster } = await startEmbeddedDatabase(config);
  return { url, stop: () => cluster.stop() };
}

async function readSecret(prompt: string): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const { url, stop } = await databaseUrl();
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    switch (command) {
      case 'create-admin': {
        const [email, ...nameParts] = args;
        if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('pakai: create-admin <email> <nama>');
        const password = await readSecret('Kata sandi admin (min. 12 karakter): ');
        if (password.length < 12) throw new Error('kata sandi minimal 12 karakter');
        await dataSource.runMigrations({ transaction: 'each' });
        await dataSource.getRepository(UserEntity).insert({
          email: email.toLowerCase(),
          name: nameParts.join(' ') || 'Administrator',
          role: 'admin',
          passwordHash: await hashPassword(password),
        });
        process.stdout.write(`Admin ${email} dibuat.\n`);
        return 0;
      }
      case 'migration-check': {
        await dataSource.runMigrations({ transaction: 'each' });
        const pending = await pendingSchemaChanges(dataSource);
        if (pending.length) {
          process.stderr.write(`Entitas dan migrasi tidak cocok:\n${pending.join(';\n')}\n`);
          return 1;
        }
        process.stdout.write('Skema sesuai dengan entitas.\n');
        return 0;
      }
      case 'migration-generate': {
        const [name] = args;
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('pakai: migration-generate <NamaPascalCase>');
        await dataSource.runMigrations({ transaction: 'each' });
        const log = await dataSource.driver.createSchemaBuilder().log();
        if (!log.upQueries.length) {
          process.stdout.write('Tidak ada perubahan skema.\n');
          return 0;
        }
        const stamp = Date.now();
        const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
        const up = log.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
        const down = log.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
        const file = path.resolve('libs/persistence/src/migrations', `${stamp}-${name}.ts`);
        writeFileSync(
          file,
          `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
        );
        process.stdout.write(`Ditulis: ${file}\nTambahkan ke libs/persistence/src/migrations/index.ts.\n`);
        return 0;
      }
      default:
        process.stderr.write('Perintah: create-admin <email> <nama> | migration-check | migration-generate <Nama>\n');
        return 2;
    }
  } finally {
    await dataSource.destroy();
    await stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`Konfigurasi tidak valid:\n  - ${error.problems.join('\n  - ')}\n`);
    else process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
