import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { UserView } from '@sinergi/contracts';
import { ensureDatabase, startEmbeddedCluster, UserEntity } from '@sinergi/persistence';
import { writeAllocationSheet, type AllocationSheetRow } from '@sinergi/xlsx';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough, Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { toUserView } from '../auth/user-view';
import { BootstrapService } from '../bootstrap/bootstrap.service';
import { loadConfig } from '../config/config';
import { createApp } from '../create-app';
import { AllocationSheetService } from '../exports/allocation-sheet';

/**
 * `npm run bench:xlsx` — not a test: generates a 100 000-row allocation sheet for Dinas Sosial in
 * the demo plan (its 3 activities × 5 years, one line per row with its own account code), then
 * prints the time of the import (streamed read, checks, set-based write, commit) next to the time
 * exceljs's streaming reader alone takes to read the same file, and the peak memory of each (both
 * run in a fresh child process, so generating the sheet does not count in either); then imports it
 * once more with a full GC before each memory sample, to show what the import actually holds.
 * Database as for bench:gaps (`sinergi_bench_xlsx`, kept between runs; the previous run's lines are
 * removed first).
 */
const ROWS = 100_000;

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--read') return measure(() => bareRead(readFileSync(file)));
  const root = path.resolve(__dirname, '../../..');
  let url: string;
  let stop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    await ensureDatabase(admin.toString(), 'sinergi_bench_xlsx');
    admin.pathname = '/sinergi_bench_xlsx';
    url = admin.toString();
  } else if (mode === '--import' || mode === '--import-live') {
    url = process.env.BENCH_DATABASE_URL!;
  } else {
    const cluster = await startEmbeddedCluster({ dataDir: path.join(root, '.data', 'bench', 'pg'), port: Number(process.env.BENCH_PG_PORT ?? 54339) });
    await ensureDatabase(cluster.url('postgres'), 'sinergi_bench_xlsx');
    url = cluster.url('sinergi_bench_xlsx');
    stop = () => cluster.stop();
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DEMO: 'true', DATABASE_URL: url, JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error' }, root);
  const app = await createApp(config, url, { logger: false });
  try {
    const ds = app.get<DataSource>(getDataSourceToken());
    const actor: UserView = toUserView(await ds.manager.findOneOrFail(UserEntity, { where: { email: 'dinsos@demo.sinergi.id' } }));
    const [{ id: planId }] = (await ds.query(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`)) as { id: string }[];
    if (mode === '--import' || mode === '--import-live') {
      const bytes = readFileSync(file);
      return await measure(async () => {
        const result = await app.get(AllocationSheetService).import(actor, planId, bytes, {});
        if (result.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify({ ...result, errors: result.errors.slice(0, 3) })}`);
      });
    }
    await app.get(BootstrapService).run();
    await clearBenchLines(ds, actor.agencyId!);
    const sheet = path.join(root, '.data', 'bench', 'alokasi-100000.xlsx');
    writeFileSync(sheet, await generateSheet(ds, planId, actor));
    log(`Lembar: ${ROWS.toLocaleString('id-ID')} baris, ${(statSync(sheet).size / 1024 / 1024).toFixed(1)} MB`);
    // Each measurement in a fresh process, so one's memory does not count in the other's peak.
    const read = child(['--read', sheet], url);
    const imported = child(['--import', sheet], url);
    // Once more with a full garbage collection before every sample: what the import really holds,
    // as opposed to garbage V8 has not collected yet (which is most of the peak above).
    await clearBenchLines(ds, actor.agencyId!);
    const live = child(['--import-live', sheet], url, ['--expose-gc']);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    log(`baca saja (exceljs WorkbookReader)    ${read.ms.toFixed(0)} ms   puncak RSS ${mb(read.rss)}`);
    log(`impor lengkap (baca, periksa, tulis)  ${imported.ms.toFixed(0)} ms   puncak RSS ${mb(imported.rss)} (heap ${mb(imported.heap)})   rasio ${(imported.ms / read.ms).toFixed(2)}`);
    log(`impor, heap hidup setelah GC          puncak RSS ${mb(live.rss)} (heap ${mb(live.heap)})`);
  } finally {
    await app.close();
    await stop();
  }
}

/** Runs this script in a child process in the given mode and reads its one-line JSON result. */
function child(args: string[], url: string, nodeFlags: string[] = []): { ms: number; rss: number; heap: number } {
  const run = spawnSync(process.execPath, [...nodeFlags, __filename, ...args], { env: { ...process.env, BENCH_DATABASE_URL: url }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as { ms: number; rss: number; heap: number };
}

/** Times `fn` and samples memory while it runs; prints one JSON line for the parent. */
async function measure(fn: () => Promise<unknown>): Promise<void> {
  const sampler = peakMemory();
  const ms = await timed(fn);
  const peak = sampler.stop();
  process.stdout.write(`${JSON.stringify({ ms, rss: peak.rss, heap: peak.heap })}\n`);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Samples the process's memory every 20 ms (250 ms after a full GC under --expose-gc) until stopped. */
function peakMemory(): { stop(): { rss: number; heap: number } } {
  const peak = { rss: 0, heap: 0 };
  // Under --expose-gc (the --import-live run) every sample first collects the garbage, a quarter
  // of a second apart (a full collection every 20 ms would be most of the run).
  const collect = (globalThis as { gc?: () => void }).gc;
  const sample = () => {
    collect?.();
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, collect ? 250 : 20);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The reference: exceljs's streaming reader reading every row of every sheet, nothing else. */
async function bareRead(bytes: Buffer): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  let rows = 0;
  for await (const ws of reader) for await (const _ of ws) rows++;
  if (rows < ROWS) throw new Error(`read only ${rows} rows`);
}

async function generateSheet(ds: DataSource, planId: string, actor: UserView): Promise<Buffer> {
  const activities = (await ds.query(
    `SELECT pa.strategy_code || '.' || pa.seq AS code, pa.title FROM plan_activity pa
      WHERE pa.plan_id = $1 AND (pa.lead_agency_id = $2 OR pa.id IN (SELECT activity_id FROM plan_activity_agency WHERE agency_id = $2))
      ORDER BY pa.strategy_code, pa.seq`,
    [planId, actor.agencyId],
  )) as { code: string; title: string }[];
  const cells = activities.flatMap((a) => [2026, 2027, 2028, 2029, 2030].map((year) => ({ ...a, year })));
  const rows: AllocationSheetRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const cell = cells[i % cells.length];
    // One account code per row, so each row is its own line: rincian objek 01…11 × sub rincian 0001…9999.
    const account = `5.1.02.01.${String(Math.floor(i / 9999) + 1).padStart(2, '0')}.${String((i % 9999) + 1).padStart(4, '0')}`;
    rows.push({
      activityCode: cell.code,
      activity: cell.title,
      year: cell.year,
      need: '0',
      budgetCode: '1.06.03.2.01.0003',
      accountCode: account,
      stage: 'DPA',
      amount: String(1_000_000 + (i % 1000) * 1000),
    });
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeAllocationSheet({ planTitle: 'bench', agencyId: actor.agencyId!, agencyName: 'Dinas Sosial', rows, codes: [{ code: '1.06.03.2.01.0003', name: 'Pemulangan' }], stages: ['RKA', 'DPA', 'DPPA'] }, out);
  out.end();
  return Buffer.concat(chunks);
}

async function clearBenchLines(ds: DataSource, agencyId: string): Promise<void> {
  await ds.transaction(async (m) => {
    const lines = `SELECT id FROM budget_line WHERE agency_id = $1 AND budget_code = '1.06.03.2.01.0003'`;
    await m.query(`DELETE FROM allocation_tag WHERE line_id IN (${lines})`, [agencyId]);
    await m.query('ALTER TABLE budget_line_stage DISABLE TRIGGER USER');
    await m.query(`DELETE FROM budget_line_stage WHERE line_id IN (${lines})`, [agencyId]);
    await m.query('ALTER TABLE budget_line_stage ENABLE TRIGGER USER');
    await m.query(`DELETE FROM budget_line WHERE id IN (${lines})`, [agencyId]);
  });
  // Without this every run would start on the previous run's dead rows and drift slower; it also
  // leaves the statistics saying "few rows", the state BulkAllocator.refreshStatistics guards against.
  await ds.query('VACUUM ANALYZE budget_line, budget_line_stage, allocation_tag');
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    const details = (error as { details?: unknown[] }).details;
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n${details ? JSON.stringify(details.slice(0, 5)) : ''}\n`);
    process.exit(1);
  });
