import 'reflect-metadata';
import { ensureDatabase, startEmbeddedCluster } from '@sinergi/persistence';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BootstrapService } from '../bootstrap/bootstrap.service';
import { loadConfig } from '../config/config';
import { createApp } from '../create-app';
import { GapsService } from '../gaps/gaps.service';

/**
 * `npm run bench:gaps` — not a test: builds a synthetic national dataset once (a plan for each of
 * the 38 provinces and 514 regencies/cities with 60 activities over 2026–2030, three APBD lines per
 * activity-year with RKA then DPA stages, and an APBDes line for every desa), then times the gap
 * report of one regency plan, a province roll-up and the national totals, each next to a
 * hand-written SQL query computing the same totals, and prints the ratio.
 *
 * Uses DATABASE_URL when set (a database `sinergi_bench` next to it), else an embedded cluster
 * under .data/bench (port BENCH_PG_PORT, default 54339). The dataset is kept between runs;
 * `--fresh` rebuilds it.
 */
const FISCAL_YEAR = 2026;
const RUNS = 15;
/**
 * Runs before timing: the API's JavaScript (engine, roll-ups) is only optimised by V8 after a few
 * calls, and a server runs it hot; the SQL needs only its plans and caches warm.
 */
const WARM_UP = 5;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const fresh = process.argv.includes('--fresh');
  let url: string;
  let stop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    await ensureDatabase(admin.toString(), 'sinergi_bench');
    admin.pathname = '/sinergi_bench';
    url = admin.toString();
  } else {
    const cluster = await startEmbeddedCluster({ dataDir: path.join(root, '.data', 'bench', 'pg'), port: Number(process.env.BENCH_PG_PORT ?? 54339) });
    await ensureDatabase(cluster.url('postgres'), 'sinergi_bench');
    url = cluster.url('sinergi_bench');
    stop = () => cluster.stop();
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DEMO: 'false', DATABASE_URL: url, JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'error' }, root);
  const app = await createApp(config, url, { logger: false });
  try {
    const ds = app.get<DataSource>(getDataSourceToken());
    const started = performance.now();
    await app.get(BootstrapService).run();
    if (fresh || !(await hasDataset(ds))) {
      log('Membangun data sintetis nasional …');
      await buildDataset(ds);
      log(`  selesai dalam ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await ds.query('ANALYZE');
    const counts = (await ds.query(
      `SELECT (SELECT count(*) FROM action_plan)::int AS plans, (SELECT count(*) FROM plan_activity)::int AS activities,
              (SELECT count(*) FROM budget_line)::int AS lines, (SELECT count(*) FROM budget_line_stage)::int AS stages,
              (SELECT count(*) FROM budget_line WHERE source = 'APBDES')::int AS village_lines`,
    )) as Record<string, number>[];
    log(`Data: ${JSON.stringify(counts[0])}`);

    const gaps = app.get(GapsService);
    const [regency] = (await ds.query(`SELECT id FROM action_plan WHERE region_code = '35.07'`)) as { id: string }[];
    const rows: string[][] = [['kasus', 'API (ms)', 'SQL (ms)', 'rasio', 'total sama']];

    // The plan report computes every year of the plan (its by-year chart; the chosen year's totals
    // are that chart's row), so its reference computes the same per-year totals.
    const plan = await compare(
      () => gaps.planReport(regency.id, { fiscalYear: FISCAL_YEAR }).then((r) => r.byYear.flatMap((y) => [String(y.fiscalYear), y.need, y.allocated])),
      () => handPlan(ds, regency.id),
    );
    rows.push(['laporan 1 rencana kabupaten (35.07, 60 kegiatan, 2026–2030)', ...plan]);
    const province = await compare(
      () => gaps.rollup('35', FISCAL_YEAR).then((r) => [r.totals.need, r.totals.allocated]),
      () => handRollup(ds, '35'),
    );
    rows.push(['roll-up provinsi Jawa Timur (35 + 38 kab/kota)', ...province]);
    const national = await compare(
      () => gaps.rollup(undefined, FISCAL_YEAR).then((r) => [r.totals.need, r.totals.allocated]),
      () => handRollup(ds, undefined),
    );
    rows.push(['total nasional (552 rencana)', ...national]);
    printTable(rows);
  } finally {
    await app.close();
    await stop();
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function median(fn: () => Promise<unknown>): Promise<{ ms: number; value: unknown }> {
  let value: unknown;
  for (let i = 0; i < WARM_UP; i++) value = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], value };
}

async function compare(api: () => Promise<string[]>, sql: () => Promise<string[]>): Promise<string[]> {
  const a = await median(api);
  const s = await median(sql);
  const same = JSON.stringify(a.value) === JSON.stringify(s.value);
  if (!same) log(`  berbeda: API ${JSON.stringify(a.value)} SQL ${JSON.stringify(s.value)}`);
  return [a.ms.toFixed(1), s.ms.toFixed(1), (a.ms / s.ms).toFixed(2), same ? 'ya' : 'TIDAK'];
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

/**
 * The hand-written reference for one plan: per fiscal year of the plan, need is the activities'
 * costs; allocated is, per line, the latest stage (highest rank, newest record) times the tag's
 * share (the dataset has no drawdowns). Every tag in this dataset is a single 100 % share, so no
 * remainder arithmetic is needed to get the exact same totals.
 */
async function handPlan(ds: DataSource, planId: string): Promise<string[]> {
  const rows = (await ds.query(
    `WITH acts AS (SELECT id FROM plan_activity WHERE plan_id = $1),
          tags AS (SELECT t.line_id, t.share_bp, l.fiscal_year FROM allocation_tag t JOIN acts a ON a.id = t.activity_id JOIN budget_line l ON l.id = t.line_id),
          latest AS (SELECT DISTINCT ON (s.line_id) s.line_id, s.amount FROM budget_line_stage s JOIN tags t ON t.line_id = s.line_id ORDER BY s.line_id, s.rank DESC, s.id DESC),
          need AS (SELECT c.fiscal_year, sum(c.amount) AS need FROM plan_activity_cost c JOIN acts a ON a.id = c.activity_id GROUP BY 1),
          allocated AS (SELECT t.fiscal_year, sum(l.amount * t.share_bp / 10000) AS allocated FROM tags t JOIN latest l ON l.line_id = t.line_id GROUP BY 1)
     SELECT y AS fiscal_year, coalesce(n.need, 0)::text AS need, coalesce(a.allocated, 0)::text AS allocated
       FROM generate_series((SELECT start_year FROM action_plan WHERE id = $1), (SELECT end_year FROM action_plan WHERE id = $1)) AS y
       LEFT JOIN need n ON n.fiscal_year = y LEFT JOIN allocated a ON a.fiscal_year = y
      ORDER BY y`,
    [planId],
  )) as { fiscal_year: number; need: string; allocated: string }[];
  return rows.flatMap((r) => [String(r.fiscal_year), r.need, r.allocated]);
}

async function handRollup(ds: DataSource, regionCode: string | undefined): Promise<string[]> {
  const [row] = (await ds.query(
    `WITH plans AS (SELECT id FROM action_plan WHERE $2 BETWEEN start_year AND end_year AND ($1::text IS NULL OR region_code = $1 OR region_code LIKE $1 || '.%')),
          acts AS (SELECT pa.id FROM plan_activity pa JOIN plans p ON p.id = pa.plan_id),
          tags AS (SELECT t.line_id, t.share_bp FROM allocation_tag t JOIN acts a ON a.id = t.activity_id JOIN budget_line l ON l.id = t.line_id WHERE l.fiscal_year = $2),
          latest AS (SELECT DISTINCT ON (s.line_id) s.line_id, s.amount FROM budget_line_stage s JOIN tags t ON t.line_id = s.line_id ORDER BY s.line_id, s.rank DESC, s.id DESC)
     SELECT (SELECT coalesce(sum(c.amount), 0) FROM plan_activity_cost c JOIN acts a ON a.id = c.activity_id WHERE c.fiscal_year = $2)::text AS need,
            (SELECT coalesce(sum(l.amount * t.share_bp / 10000), 0) FROM tags t JOIN latest l ON l.line_id = t.line_id)::text AS allocated`,
    [regionCode ?? null, FISCAL_YEAR],
  )) as { need: string; allocated: string }[];
  return [row.need, row.allocated];
}

async function hasDataset(ds: DataSource): Promise<boolean> {
  const [row] = (await ds.query(`SELECT count(*)::int AS n FROM action_plan WHERE title LIKE 'RAD sintetis %'`)) as { n: number }[];
  return row.n === 552;
}

/** The synthetic national dataset, generated set-based in one transaction. */
async function buildDataset(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`DELETE FROM allocation_tag; ALTER TABLE budget_line_stage DISABLE TRIGGER USER; DELETE FROM budget_line_stage; ALTER TABLE budget_line_stage ENABLE TRIGGER USER;`);
    await m.query(`DELETE FROM budget_line; DELETE FROM plan_activity_cost; DELETE FROM plan_activity; DELETE FROM action_plan; DELETE FROM agency WHERE name LIKE 'Dinas sintetis %'`);
    // One agency and one plan per province and regency/city.
    await m.query(
      `INSERT INTO agency (name, short_name, kind, region_code, mandates, version)
       SELECT 'Dinas sintetis ' || code, 'DS ' || code, 'opd', code, ARRAY['2.08'], 1 FROM region WHERE level IN ('province', 'regency')`,
    );
    await m.query(
      `INSERT INTO action_plan (region_code, title, start_year, end_year, status, version)
       SELECT code, 'RAD sintetis ' || code, 2026, 2030, 'adopted', 1 FROM region WHERE level IN ('province', 'regency')`,
    );
    await m.query(
      `INSERT INTO plan_activity (plan_id, strategy_code, seq, title, lead_agency_id, version)
       SELECT p.id, (i % 6) + 1, (i / 6) + 1, 'Kegiatan sintetis ' || i, a.id, 1
         FROM action_plan p JOIN agency a ON a.region_code = p.region_code AND a.name LIKE 'Dinas sintetis %'
         CROSS JOIN generate_series(0, 59) AS i`,
    );
    await m.query(
      `INSERT INTO plan_activity_cost (activity_id, fiscal_year, amount)
       SELECT pa.id, y, 100000000 + (pa.seq * 1000000) FROM plan_activity pa CROSS JOIN generate_series(2026, 2030) AS y`,
    );
    // Three APBD lines per activity-year, RKA then DPA (the DPA is 80–100 % of the RKA).
    const [version] = (await m.query(`SELECT id FROM catalog_version WHERE kind = 'APBD_NOMENCLATURE' AND current`)) as { id: string }[];
    await m.query(
      `INSERT INTO budget_line (source, fiscal_year, agency_id, budget_code, catalog_version_id, account_code, fund_source, line_key, version)
       SELECT 'APBD', y, pa.lead_agency_id, '2.08.03.2.01.0009', $1, '5.1.02.01.01.' || lpad((k + 1)::text, 4, '0'), '',
              'APBD|' || pa.id || '|' || y || '|' || k, 1
         FROM plan_activity pa CROSS JOIN generate_series(2026, 2030) AS y CROSS JOIN generate_series(0, 2) AS k`,
      [version.id],
    );
    await m.query(
      `INSERT INTO budget_line_stage (line_id, rank, stage, amount)
       SELECT l.id, 0, 'RKA', 40000000 FROM budget_line l WHERE l.source = 'APBD'
       UNION ALL
       SELECT l.id, 1, 'DPA', 32000000 + (abs(hashtext(l.line_key)) % 8000001) FROM budget_line l WHERE l.source = 'APBD'`,
    );
    await m.query(
      `INSERT INTO allocation_tag (line_id, activity_id, share_bp, version)
       SELECT l.id, split_part(l.line_key, '|', 2)::uuid, 10000, 1 FROM budget_line l WHERE l.source = 'APBD'`,
    );
    // An APBDes line (Dana Desa, 2026) for every desa, tagged to activity 1.1 of its regency's plan.
    const [apbdes] = (await m.query(`SELECT id FROM catalog_version WHERE kind = 'APBDES_ACTIVITIES' AND current`)) as { id: string }[];
    await m.query(
      `INSERT INTO budget_line (source, fiscal_year, village_code, budget_code, catalog_version_id, account_code, fund_source, line_key, version)
       SELECT 'APBDES', 2026, r.code, '4.4.02', $1, '', 'DDS', 'APBDES|' || r.code || '|2026|4.4.02||DDS', 1
         FROM region r WHERE r.level = 'village'`,
      [apbdes.id],
    );
    await m.query(
      `INSERT INTO budget_line_stage (line_id, rank, stage, amount)
       SELECT l.id, 1, 'APBDES', 15000000 FROM budget_line l WHERE l.source = 'APBDES'`,
    );
    await m.query(
      `INSERT INTO allocation_tag (line_id, activity_id, share_bp, version)
       SELECT l.id, pa.id, 10000, 1
         FROM budget_line l
         JOIN action_plan p ON p.region_code = left(l.village_code, 5)
         JOIN plan_activity pa ON pa.plan_id = p.id AND pa.strategy_code = 1 AND pa.seq = 1
        WHERE l.source = 'APBDES'`,
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
