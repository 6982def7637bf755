import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The gap report (API-CONTRACT.md "Gaps") on the demo plan after tagging and a tactical-fund
 * drawdown, compared cell by cell with an independent SQL computation of need and allocation.
 */
describe('gap report', () => {
  let t: TestApp;
  let planner: string;
  let dinsos: string;
  let dp3a: string;
  let oesao: string;
  let planId: string;
  let agencies: Record<string, string>;
  let activities: Record<string, string>;

  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** Need and allocation per activity, by hand: latest stage per line, shares of it, pool drawdowns. */
  async function independent(fiscalYear: number) {
    return t.sql<{ code: string; need: string; allocated: string }>(
      `WITH latest AS (
         SELECT DISTINCT ON (line_id) line_id, amount FROM budget_line_stage ORDER BY line_id, rank DESC, id DESC
       ), tagged AS (
         SELECT t.activity_id, l.fiscal_year,
                CASE WHEN t.share_bp IS NOT NULL THEN lt.amount * t.share_bp / 10000 ELSE least(t.fixed_amount, lt.amount) END AS amount
           FROM allocation_tag t JOIN budget_line l ON l.id = t.line_id JOIN latest lt ON lt.line_id = l.id
       ), pool AS (
         SELECT d.activity_id, p.fiscal_year, d.amount FROM fund_drawdown d JOIN fund_pool p ON p.id = d.pool_id
          WHERE d.status IN ('approved', 'disbursed', 'settled')
       )
       SELECT pa.strategy_code || '.' || pa.seq AS code,
              coalesce(c.amount, 0)::text AS need,
              (coalesce((SELECT sum(amount) FROM tagged x WHERE x.activity_id = pa.id AND x.fiscal_year = $2), 0)
             + coalesce((SELECT sum(amount) FROM pool x WHERE x.activity_id = pa.id AND x.fiscal_year = $2), 0))::text AS allocated
         FROM plan_activity pa LEFT JOIN plan_activity_cost c ON c.activity_id = pa.id AND c.fiscal_year = $2
        WHERE pa.plan_id = $1 ORDER BY pa.strategy_code, pa.seq`,
      [planId, fiscalYear],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    [planner, dinsos, dp3a, oesao] = await Promise.all(['bappeda', 'dinsos', 'dp3a', 'desa.oesao'].map((u) => t.login(`${u}@demo.sinergi.id`)));
    const rows = await t.sql<{ short_name: string; id: string }>('SELECT short_name, id FROM agency');
    agencies = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
    [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
    const acts = await t.sql<{ code: string; id: string }>(`SELECT strategy_code || '.' || seq AS code, id FROM plan_activity WHERE plan_id = $1`, [planId]);
    activities = Object.fromEntries(acts.map((a) => [a.code, a.id]));

    // Repatriation 3.1 (need 2026: 180.000.000): one Dinsos line RKA 100, DPA 80, DPPA 90 (juta).
    const line = { source: 'APBD', agencyId: agencies.Dinsos, fiscalYear: 2026, budgetCode: '1.06.03.2.01.0003', accountCode: '5.1.02.01.01.0024' };
    for (const [stage, amount] of [['RKA', '100000000'], ['DPA', '80000000'], ['DPPA', '90000000']]) {
      expect((await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, { ...line, stage, amount })).status).toBe(201);
    }
    // A tactical-fund drawdown of 30 juta approved for 3.1 (source POOL).
    const [{ id: poolId }] = await t.sql<{ id: string }>(`SELECT id FROM fund_pool WHERE name = 'Dana Taktis PP-TPPO Kabupaten Kupang'`);
    const req = await as(dinsos).post(`/api/fund-pools/${poolId}/drawdowns`, { activityId: activities['3.1'], requestingAgencyId: agencies.Dinsos, amount: '30000000', purpose: 'pemulangan' });
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/approve`)).status).toBe(200);
    // Rehabilitation 3.2 (need 2026: 220.000.000): a Dinsos RKA of 300 juta → over-funded, and still only RKA.
    await as(dinsos).post(`/api/activities/${activities['3.2']}/allocations`, { ...line, budgetCode: '1.06.03.2.01.0003', accountCode: '5.1.02.02.01.0026', stage: 'RKA', amount: '300000000' });
    // Desa Oesao funds prevention 1.1 with Dana Desa.
    await as(oesao).post(`/api/activities/${activities['1.1']}/allocations`, { source: 'APBDES', villageCode: '53.01.06.2015', fiscalYear: 2026, budgetCode: '4.4.02', fundSource: 'DDS', stage: 'APBDES', amount: '25000000' });
  });
  afterAll(() => t.close());

  it('matches an independent SQL computation of need and allocation for every activity', async () => {
    const res = await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026`);
    expect(res.status).toBe(200);
    const expected = await independent(2026);
    expect(res.body.activities.map((a: { code: string; need: string; allocated: string }) => ({ code: a.code, need: a.need, allocated: a.allocated }))).toEqual(expected);
    const need = expected.reduce((s, r) => s + BigInt(r.need), 0n);
    const allocated = expected.reduce((s, r) => s + BigInt(r.allocated), 0n);
    expect(res.body.totals).toMatchObject({ need: need.toString(), allocated: allocated.toString(), gap: (need - allocated).toString() });
    expect(res.body.fiscalYear).toBe(2026);
    expect(res.body.years).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('counts only the latest stage of a line, once, plus the pool drawdown, and flags by need', async () => {
    const report = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026`)).body;
    const byCode = (code: string) => report.activities.find((a: { code: string }) => a.code === code);
    // 3.1: DPPA 90.000.000 + pool 30.000.000 = 120.000.000 of 180.000.000 → gap 60.000.000
    expect(byCode('3.1')).toMatchObject({ need: '180000000', allocated: '120000000', gap: '60000000', bySource: { APBD: '90000000', POOL: '30000000' } });
    expect(byCode('3.1').flags).toEqual(['UNDERFUNDED']);
    // 3.2: RKA 300.000.000 + demo APBN 50.000.000 against 220.000.000 → over-funded by 130.000.000; 2026 has begun and the line is only RKA.
    expect(byCode('3.2')).toMatchObject({ allocated: '350000000', gap: '-130000000' });
    expect(byCode('3.2').flags).toEqual(expect.arrayContaining(['OVERFUNDED', 'STALE_STAGE']));
    // 5.1 (Polres, nothing entered) is unfunded.
    expect(byCode('5.1').flags).toContain('UNFUNDED');
    expect(report.flagCounts.UNFUNDED).toBe(report.activities.filter((a: { flags: string[] }) => a.flags.includes('UNFUNDED')).length);
  });

  it('filters by flag, strategy, lead agency and region, and the totals follow the filter', async () => {
    const unfunded = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026&flag=UNFUNDED`)).body;
    expect(unfunded.activities.length).toBeGreaterThan(0);
    expect(unfunded.activities.every((a: { flags: string[] }) => a.flags.includes('UNFUNDED'))).toBe(true);
    expect(unfunded.totals.allocated).toBe('0');
    const strategy3 = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026&strategyCode=3`)).body;
    expect(strategy3.activities.map((a: { code: string }) => a.code)).toEqual(['3.1', '3.2']);
    expect(strategy3.byStrategy).toEqual([expect.objectContaining({ strategyCode: 3, need: '400000000', allocated: '470000000', activities: 2 })]);
    const dinsosLed = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026&agencyId=${agencies.Dinsos}`)).body;
    expect(dinsosLed.byAgency).toEqual([expect.objectContaining({ agencyId: agencies.Dinsos, shortName: 'Dinsos', activities: 2 })]);
    const kupangTimur = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026&regionCode=53.01.06`)).body;
    expect(kupangTimur.activities.map((a: { code: string }) => a.code)).toContain('1.1');
    expect((await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2031`)).body.details).toEqual([{ path: 'fiscalYear', message: expect.stringContaining('2026–2030') }]);
    expect((await as(planner).get(`/api/plans/${planId}/gaps?flag=NOPE`)).status).toBe(400);
  });

  it('rolls up by year and shows the village coverage', async () => {
    const report = (await as(oesao).get(`/api/plans/${planId}/gaps?fiscalYear=2026`)).body;
    expect(report.byYear.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(report.byYear[0]).toMatchObject({ need: report.totals.need, allocated: report.totals.allocated });
    expect(report.byVillage).toEqual([expect.objectContaining({ villageCode: '53.01.06.2015', villageName: 'Oesao', districtName: 'Kupang Timur', aligned: 1, allocated: '25000000' })]);
  });

  it('downloads the same report as gaps.xlsx: summary, activities, a sheet per lead agency, formatted for print', async () => {
    const json = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026`)).body;
    const res = await as(planner)
      .get(`/api/plans/${planId}/gaps.xlsx?fiscalYear=2026`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('kesenjangan-53.01-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Ringkasan', 'Kegiatan']);
    expect(names).toEqual(expect.arrayContaining(['DP3A', 'Dinsos', 'Polres Kupang']));
    const sheet = wb.getWorksheet('Kegiatan')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    // One row per activity, then the totals row with the same totals as the JSON report.
    expect(sheet.rowCount).toBe(1 + json.activities.length + 1);
    const totals = sheet.getRow(sheet.rowCount);
    expect([totals.getCell(4).value, totals.getCell(5).value, totals.getCell(10).value].map((v) => BigInt(v as number))).toEqual([BigInt(json.totals.need), BigInt(json.totals.allocated), BigInt(json.totals.gap)]);
    expect(totals.getCell(4).numFmt).toContain('Rp');
    const repatriation = sheet.getRows(2, json.activities.length)!.find((r) => r.getCell(1).value === '3.1')!;
    expect(repatriation.getCell(12).value).toBe('Kurang dana');
  });

  it('rolls a province up from its plans with the same split as the engine, to the rupiah', async () => {
    // A DP3A line of 100.000.001 split 33,33 % / 33,33 % and a fixed 30.000.000 over three
    // activities, then cut by a DPPA: remainders and scaling must match the engine exactly.
    const line = { source: 'APBD', agencyId: agencies.DP3A, fiscalYear: 2026, budgetCode: '2.08.03.2.01.0012', accountCode: '5.1.02.01.01.0052', stage: 'DPA', amount: '100000001' };
    expect((await as(dp3a).post(`/api/activities/${activities['4.1']}/allocations`, { ...line, sharePercent: 33.33 })).status).toBe(201);
    expect((await as(dp3a).post(`/api/activities/${activities['6.1']}/allocations`, { ...line, sharePercent: 33.33 })).status).toBe(201);
    expect((await as(dp3a).post(`/api/activities/${activities['6.2']}/allocations`, { ...line, taggedAmount: '33340001' })).status).toBe(201);
    expect((await as(dp3a).post(`/api/activities/${activities['6.2']}/allocations`, { ...line, stage: 'DPPA', amount: '90000007' })).status).toBe(201);

    const plan = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026`)).body;
    const province = await as(planner).get('/api/gaps?regionCode=53&fiscalYear=2026');
    expect(province.status).toBe(200);
    expect(province.body.byPlan).toEqual([expect.objectContaining({ planId, regionCode: '53.01', regionName: 'Kabupaten Kupang', need: plan.totals.need, allocated: plan.totals.allocated, gap: plan.totals.gap })]);
    expect(province.body.totals).toMatchObject({ plans: 1, need: plan.totals.need, allocated: plan.totals.allocated });
    const strategy6 = province.body.byStrategy.find((s: { strategyCode: number }) => s.strategyCode === 6);
    expect(strategy6.allocated).toBe(plan.byStrategy.find((s: { strategyCode: number }) => s.strategyCode === 6).allocated);
    expect((await as(planner).get('/api/gaps?fiscalYear=2026')).body.totals.plans).toBeGreaterThanOrEqual(1);
    expect((await as(planner).get('/api/gaps?regionCode=53&fiscalYear=2035')).body.totals).toMatchObject({ plans: 0, need: '0' });
  });

  it('tells, for next year\'s unfunded activities, which planning step and who should carry them now', async () => {
    const next = new Date().getUTCFullYear() + 1;
    const report = (await as(planner).get(`/api/plans/${planId}/gaps?fiscalYear=2026`)).body;
    if (next > 2030) {
      expect(report.deadlines).toBeUndefined(); // next year is outside the plan period
      return;
    }
    const { deadlines } = report;
    expect(deadlines.fiscalYear).toBe(next);
    expect(deadlines.steps.map((s: { from: string }) => s.from)).toEqual([...deadlines.steps.map((s: { from: string }) => s.from)].sort());
    expect(deadlines.advice.length).toBeGreaterThan(0);
    for (const a of deadlines.advice) {
      expect(a.step.status).not.toBe('past');
      expect(a.carrierName).not.toBe('');
    }
    // Polres leads 5.1, which nothing funds: it is told which document to get it into.
    const training = deadlines.advice.find((a: { code: string }) => a.code === '5.1');
    expect(training).toMatchObject({ carrierName: 'Polres Kupang' });
    expect(['lead_agency', 'bappeda']).toContain(training.step.carrier);
  });

  it('keeps the planning calendar as data an admin adjusts, audited', async () => {
    const admin = await t.login('admin@demo.sinergi.id');
    const steps = (await as(planner).get('/api/planning-calendar')).body;
    expect(steps.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['musrenbang_desa', 'musrenbang_kecamatan', 'musrenbang_kabupaten', 'rkpd', 'kua_ppas', 'rka_apbd']));
    const desa = steps.find((s: { key: string }) => s.key === 'musrenbang_desa');
    expect(desa).toMatchObject({ startsMonth: 1, endsMonth: 1, yearOffset: -1, carrier: 'village' });
    const patch = (token: string, body: object) => t.http.patch(`/api/planning-calendar/${desa.id}`).set('Authorization', `Bearer ${token}`).send(body);
    expect((await patch(planner, { version: desa.version, endsMonth: 2 })).status).toBe(403);
    const bad = await patch(admin, { version: desa.version, startsMonth: 3, endsMonth: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'endsMonth', message: expect.any(String) }]);
    const ok = await patch(admin, { version: desa.version, endsMonth: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ startsMonth: 1, endsMonth: 2, version: desa.version + 1 });
    expect((await patch(admin, { version: desa.version, endsMonth: 3 })).status).toBe(409);
    const [audit] = await t.sql<{ action: string }>(`SELECT action FROM audit_entry WHERE entity = 'planning_calendar_step' AND entity_id = $1`, [desa.id]);
    expect(audit.action).toBe('updated');
  });
});
