import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Tactical fund pools (API-CONTRACT.md "Tactical fund pools"): pools, contributions, drawdowns
 * through their life, the append-only ledger, concurrency and every scope rule.
 */
describe('tactical fund pools', () => {
  let t: TestApp;
  let planner: string;
  let dinsos: string;
  let dp3a: string;
  let oesao: string;
  let lsm: string;
  let admin: string;
  let agencies: Record<string, string>;
  let activities: Record<string, string>;
  let demoPool: string;

  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body: object) => t.http.patch(p).set('Authorization', `Bearer ${token}`).send(body),
  });
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  /** A fresh pool held by DP3A with `received` in hand (through the API). */
  async function newPool(name: string, received: string, rules: object = {}): Promise<string> {
    const res = await as(dp3a).post('/api/fund-pools', { name, holderAgencyId: agencies.DP3A, fiscalYear: 2026, regionCode: '53.01', ...rules });
    expect(res.status).toBe(201);
    if (received !== '0') {
      const c = await as(dp3a).post(`/api/fund-pools/${res.body.id}/contributions`, { amount: received, sourceType: 'HOLDER_APBD', reference: 'DPA DP3A 2026' });
      expect(c.status).toBe(201);
    }
    return res.body.id;
  }
  const request = (token: string, poolId: string, over: object = {}) =>
    as(token).post(`/api/fund-pools/${poolId}/drawdowns`, {
      activityId: activities['3.1'],
      requestingAgencyId: agencies.Dinsos,
      amount: '30000000',
      purpose: 'Pemulangan korban dari Batam',
      ...over,
    });

  /** The sums recomputed from the ledger alone, to compare with the pool's balances. */
  async function ledgerSums(poolId: string) {
    const [row] = await t.sql<Record<string, string>>(
      `SELECT
         coalesce(sum(CASE WHEN e.kind = 'PLEDGE' THEN e.amount WHEN e.kind = 'REVERSAL' AND r.kind = 'PLEDGE' THEN -e.amount ELSE 0 END), 0)::text AS expected,
         coalesce(sum(CASE WHEN e.kind IN ('RECEIPT', 'CARRY_IN') THEN e.amount WHEN e.kind = 'CARRY_OUT' OR (e.kind = 'REVERSAL' AND r.kind = 'RECEIPT') THEN -e.amount ELSE 0 END), 0)::text AS received,
         coalesce(sum(CASE WHEN e.kind = 'COMMIT' THEN e.amount WHEN e.kind IN ('RELEASE', 'DISBURSE') THEN -e.amount ELSE 0 END), 0)::text AS committed,
         coalesce(sum(CASE WHEN e.kind = 'DISBURSE' THEN e.amount WHEN e.kind = 'REVERSAL' AND r.kind = 'DISBURSE' THEN -e.amount ELSE 0 END), 0)::text AS disbursed
       FROM fund_ledger_entry e LEFT JOIN fund_ledger_entry r ON r.id = e.reverses_entry_id WHERE e.pool_id = $1`,
      [poolId],
    );
    return row;
  }

  beforeAll(async () => {
    t = await startTestApp();
    [planner, dinsos, dp3a, oesao, lsm, admin] = await Promise.all(
      ['bappeda', 'dinsos', 'dp3a', 'desa.oesao', 'lsm', 'admin'].map((u) => t.login(`${u}@demo.sinergi.id`)),
    );
    const rows = await t.sql<{ short_name: string; id: string }>('SELECT short_name, id FROM agency');
    agencies = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
    const acts = await t.sql<{ code: string; id: string }>(`SELECT strategy_code || '.' || seq AS code, id FROM plan_activity`);
    activities = Object.fromEntries(acts.map((a) => [a.code, a.id]));
    [{ id: demoPool }] = await t.sql<{ id: string }>(`SELECT id FROM fund_pool WHERE name = 'Dana Taktis PP-TPPO Kabupaten Kupang'`);
  });
  afterAll(() => t.close());

  it('shows the demo pool with its balances: expected, received, committed, disbursed, available', async () => {
    const res = await as(lsm).get(`/api/fund-pools/${demoPool}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: demoPool,
      name: 'Dana Taktis PP-TPPO Kabupaten Kupang',
      holderAgencyId: agencies.DP3A,
      fiscalYear: 2026,
      regionCode: '53.01',
      expected: '100000000',
      received: '250000000',
      committed: '0',
      disbursed: '0',
      available: '250000000',
      // 20 % of 250.000.000
      reserve: '50000000',
      maxPerDrawdown: '100000000',
      reservePercent: 20,
      canApprove: false,
      canRequest: true,
      canManage: false,
    });
    expect((await as(dp3a).get(`/api/fund-pools/${demoPool}`)).body).toMatchObject({ canApprove: true, canManage: true });
    const list = (await as(oesao).get('/api/fund-pools?regionCode=53.01')).body;
    expect(list.map((p: { id: string }) => p.id)).toContain(demoPool);
  });

  it('runs a drawdown through its life: request, approve (commit), disburse, settle with proof', async () => {
    const pool = await newPool('Dana siklus', '100000000');
    const req = await request(dinsos, pool, { beneficiaryNote: 'Dua perempuan, asal Kupang Timur' });
    expect(req.status).toBe(201);
    expect(req.body).toEqual({ id: expect.any(String), status: 'requested' });
    const approved = await as(dp3a).post(`/api/drawdowns/${req.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ status: 'approved' });
    expect((await as(dp3a).get(`/api/fund-pools/${pool}`)).body).toMatchObject({ received: '100000000', committed: '30000000', disbursed: '0', available: '70000000' });
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/approve`)).status).toBe(409);
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/disburse`)).body).toEqual({ status: 'disbursed' });
    expect((await as(dp3a).get(`/api/fund-pools/${pool}`)).body).toMatchObject({ committed: '0', disbursed: '30000000', available: '70000000' });
    const settled = await t.http
      .post(`/api/drawdowns/${req.body.id}/settle`)
      .set('Authorization', `Bearer ${dp3a}`)
      .field('documentNumber', 'SPJ/DINSOS/2026/041')
      .field('date', '2026-03-14')
      .attach('file', Buffer.from('%PDF-1.4 bukti'), 'bukti.pdf');
    expect(settled.status).toBe(200);
    const view = (await as(dinsos).get(`/api/drawdowns/${req.body.id}`)).body;
    expect(view).toMatchObject({ status: 'settled', proof: { documentNumber: 'SPJ/DINSOS/2026/041', date: '2026-03-14', fileName: 'bukti.pdf' }, decidedBy: 'dp3a@demo.sinergi.id' });
    const proof = await as(dinsos).get(`/api/drawdowns/${req.body.id}/proof`).buffer(true);
    expect(proof.status).toBe(200);
    expect(proof.body.toString()).toBe('%PDF-1.4 bukti');
    // The requester was told of the approval.
    const notes = (await as(dinsos).get('/api/notifications')).body;
    expect(JSON.stringify(notes)).toContain('disetujui');
  });

  it('approves exactly 16 of 50 concurrent approvals of 30.000.000 against 500.000.000 received', async () => {
    const pool = await newPool('Dana uji serentak', '500000000');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await request(dinsos, pool)).body.id);
    const results = await Promise.all(ids.map((id) => as(dp3a).post(`/api/drawdowns/${id}/approve`)));
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 422);
    expect(ok).toHaveLength(16);
    expect(refused).toHaveLength(34);
    expect(refused.every((r) => r.body.code === 'INSUFFICIENT_FUNDS')).toBe(true);
    const balances = (await as(dp3a).get(`/api/fund-pools/${pool}`)).body;
    // 500.000.000 − 16 × 30.000.000 = 20.000.000
    expect(balances).toMatchObject({ received: '500000000', committed: '480000000', disbursed: '0', available: '20000000' });
    expect(await ledgerSums(pool)).toEqual({ expected: '0', received: '500000000', committed: '480000000', disbursed: '0' });
    const statuses = await t.sql<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM fund_drawdown WHERE pool_id = $1 GROUP BY status ORDER BY status`, [pool]);
    expect(statuses).toEqual([
      { status: 'approved', n: 16 },
      { status: 'requested', n: 34 },
    ]);
  });

  it('keeps the emergency reserve for emergencies only', async () => {
    // 20 % of 100.000.000 is reserved: ordinary requests may commit 80.000.000 at most.
    const pool = await newPool('Dana cadangan', '100000000', { reservePercent: 20 });
    const first = await request(dinsos, pool, { amount: '80000000' });
    expect((await as(dp3a).post(`/api/drawdowns/${first.body.id}/approve`)).status).toBe(200);
    const ordinary = await request(dinsos, pool, { amount: '1' });
    const refused = await as(dp3a).post(`/api/drawdowns/${ordinary.body.id}/approve`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', details: { usable: '0', requested: '1' } });
    const emergency = await request(dinsos, pool, { amount: '20000000', emergency: true });
    expect((await as(dp3a).post(`/api/drawdowns/${emergency.body.id}/approve`)).status).toBe(200);
    // The reserve shown is the part of `available` it still protects: nothing left.
    expect((await as(dp3a).get(`/api/fund-pools/${pool}`)).body).toMatchObject({ available: '0', reserve: '0' });
  });

  it('applies the pool rules to a request: maximum per drawdown, eligible strategies', async () => {
    const pool = await newPool('Dana aturan', '100000000', { maxPerDrawdown: '50000000', eligibleStrategies: [3] });
    const tooMuch = await request(dinsos, pool, { amount: '50000001' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.details).toEqual([{ path: 'amount', message: expect.stringContaining('50000000') }]);
    const wrongStrategy = await request(dinsos, pool, { activityId: activities['1.1'] });
    expect(wrongStrategy.status).toBe(400);
    expect(wrongStrategy.body.details[0].path).toBe('activityId');
    for (const amount of ['0', '1,5 jt', -1]) expect((await request(dinsos, pool, { amount })).status).toBe(400);
  });

  it('cancels: the requester withdraws an open request, the approver releases an approved one', async () => {
    const pool = await newPool('Dana batal', '100000000');
    const open = await request(dinsos, pool);
    expect((await as(dinsos).post(`/api/drawdowns/${open.body.id}/cancel`)).body).toEqual({ status: 'cancelled' });
    const approved = await request(dinsos, pool);
    await as(dp3a).post(`/api/drawdowns/${approved.body.id}/approve`);
    expect((await as(dinsos).post(`/api/drawdowns/${approved.body.id}/cancel`)).status).toBe(403);
    expect((await as(dp3a).post(`/api/drawdowns/${approved.body.id}/cancel`)).status).toBe(200);
    expect((await as(dp3a).get(`/api/fund-pools/${pool}`)).body).toMatchObject({ committed: '0', available: '100000000' });
    const kinds = (await as(dp3a).get(`/api/fund-pools/${pool}/ledger`)).body.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['RECEIPT', 'COMMIT', 'RELEASE']);
  });

  it('rejects with a reason and never edits the ledger: corrections are reversal entries', async () => {
    const pool = await newPool('Dana koreksi', '100000000');
    const req = await request(dinsos, pool);
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/reject`, {})).status).toBe(400);
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/reject`, { reason: 'Sudah didanai DPA Dinsos' })).body).toEqual({ status: 'rejected' });
    expect((await as(dinsos).get(`/api/drawdowns/${req.body.id}`)).body.rejectReason).toBe('Sudah didanai DPA Dinsos');

    const wrong = await as(dp3a).post(`/api/fund-pools/${pool}/contributions`, { amount: '5000000', sourceType: 'CSR', reference: 'transfer tercatat dua kali' });
    const reversal = await as(dp3a).post(`/api/fund-pools/${pool}/ledger/${wrong.body.id}/reverse`, { note: 'salah input' });
    expect(reversal.status).toBe(201);
    expect(reversal.body.balances).toMatchObject({ received: '100000000', available: '100000000' });
    expect((await as(dp3a).post(`/api/fund-pools/${pool}/ledger/${wrong.body.id}/reverse`, { note: 'lagi' })).status).toBe(409);
    const ledger = (await as(dp3a).get(`/api/fund-pools/${pool}/ledger`)).body;
    expect(ledger.map((e: { kind: string }) => e.kind)).toEqual(['RECEIPT', 'RECEIPT', 'REVERSAL']);
    expect(ledger[1].reversedBy).toBe(ledger[2].id);
    await expect(t.sql('UPDATE fund_ledger_entry SET amount = 1 WHERE pool_id = $1', [pool])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM fund_ledger_entry WHERE pool_id = $1', [pool])).rejects.toThrow(/append-only/);
    // The database refuses a negative available balance whatever the application does.
    await expect(t.sql('UPDATE fund_pool SET committed = received + 1 WHERE id = $1', [pool])).rejects.toThrow(/ck_fund_pool_available/);
    expect(await ledgerSums(pool)).toEqual({ expected: '0', received: '100000000', committed: '0', disbursed: '0' });
  });

  it('carries the remaining balance into next year\'s pool explicitly at year end', async () => {
    const pool = await newPool('Dana tutup tahun', '100000000');
    const req = await request(dinsos, pool, { amount: '40000000' });
    await as(dp3a).post(`/api/drawdowns/${req.body.id}/approve`);
    const open = await request(dinsos, pool, { amount: '1000000' });
    expect((await as(dp3a).post(`/api/fund-pools/${pool}/carry-over`)).status).toBe(409); // an undecided request
    await as(dp3a).post(`/api/drawdowns/${open.body.id}/reject`, { reason: 'tutup tahun' });
    const carried = await as(dp3a).post(`/api/fund-pools/${pool}/carry-over`);
    expect(carried.status).toBe(200);
    // 100.000.000 − 40.000.000 committed = 60.000.000 moves; the commitment stays to be paid.
    expect(carried.body.amount).toBe('60000000');
    expect((await as(dp3a).get(`/api/fund-pools/${pool}`)).body).toMatchObject({ received: '40000000', committed: '40000000', available: '0', carriedToPoolId: carried.body.poolId });
    expect((await as(dp3a).get(`/api/fund-pools/${carried.body.poolId}`)).body).toMatchObject({ fiscalYear: 2027, received: '60000000', available: '60000000', holderAgencyId: agencies.DP3A });
    expect((await request(dinsos, pool)).status).toBe(409); // closed
    expect((await as(dp3a).post(`/api/drawdowns/${req.body.id}/disburse`)).status).toBe(200);
  });

  describe('scope', () => {
    it('lets only the holder agency (or a planner or admin) approve', async () => {
      const pool = await newPool('Dana lingkup', '100000000');
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await request(dinsos, pool, { amount: '1000000' })).body.id);
      for (const token of [dinsos, lsm]) expect((await as(token).post(`/api/drawdowns/${ids[0]}/approve`)).status).toBe(403);
      expect((await as(oesao).post(`/api/drawdowns/${ids[0]}/approve`)).status).toBe(403);
      expect((await as(dp3a).post(`/api/drawdowns/${ids[0]}/approve`)).status).toBe(200);
      expect((await as(planner).post(`/api/drawdowns/${ids[1]}/approve`)).status).toBe(200);
      expect((await as(admin).post(`/api/drawdowns/${ids[2]}/approve`)).status).toBe(200);
      // A pool whose rule says only the holder decides.
      const holderOnly = await newPool('Dana pemegang saja', '100000000', { approver: 'holder' });
      const r = await request(dinsos, holderOnly);
      expect((await as(planner).post(`/api/drawdowns/${r.body.id}/approve`)).status).toBe(403);
    });

    it('lets a member request only for its own agency', async () => {
      const before = await count('fund_drawdown');
      expect((await request(dinsos, demoPool, { requestingAgencyId: agencies.DP3A })).status).toBe(403);
      expect((await request(lsm, demoPool, { requestingAgencyId: agencies.Dinsos })).status).toBe(403);
      expect((await request(oesao, demoPool)).status).toBe(403);
      expect(await count('fund_drawdown')).toBe(before);
      expect((await request(lsm, demoPool, { requestingAgencyId: agencies['LSM Mitra'], amount: '5000000' })).status).toBe(201);
    });

    it('lets a viewer read but not write', async () => {
      await t.sql(
        `INSERT INTO app_user (email, name, role, password_hash, version) SELECT 'viewer@demo.sinergi.id', 'Pemantau', 'viewer', password_hash, 1 FROM app_user WHERE email = 'lsm@demo.sinergi.id'`,
      );
      const viewer = await t.login('viewer@demo.sinergi.id');
      expect((await as(viewer).get(`/api/fund-pools/${demoPool}`)).status).toBe(200);
      expect((await as(viewer).get(`/api/fund-pools/${demoPool}/ledger`)).status).toBe(200);
      const writes = [
        as(viewer).post('/api/fund-pools', { name: 'x', holderAgencyId: agencies.DP3A, fiscalYear: 2026, regionCode: '53.01' }),
        as(viewer).post(`/api/fund-pools/${demoPool}/contributions`, { amount: '1', sourceType: 'OTHER', reference: 'x' }),
        request(viewer, demoPool),
        as(viewer).post(`/api/fund-pools/${demoPool}/carry-over`),
      ];
      for (const res of await Promise.all(writes)) expect(res.status).toBe(403);
    });

    it('lets only the holder or the region planner manage a pool: contributions, rules, creation', async () => {
      expect((await as(dinsos).post(`/api/fund-pools/${demoPool}/contributions`, { amount: '1', sourceType: 'OTHER', reference: 'x' })).status).toBe(403);
      expect((await as(dinsos).post('/api/fund-pools', { name: 'Dana Dinsos atas nama DP3A', holderAgencyId: agencies.DP3A, fiscalYear: 2026, regionCode: '53.01' })).status).toBe(403);
      const current = (await as(planner).get(`/api/fund-pools/${demoPool}`)).body;
      const changed = await as(planner).patch(`/api/fund-pools/${demoPool}`, { version: current.version, maxPerDrawdown: '75000000' });
      expect(changed.status).toBe(200);
      expect(changed.body.maxPerDrawdown).toBe('75000000');
      expect((await as(planner).patch(`/api/fund-pools/${demoPool}`, { version: current.version, maxPerDrawdown: '1' })).status).toBe(409);
    });
  });

  it('reports totals by activity and agency, and exports the statement and ledger as xlsx', async () => {
    const pool = await newPool('Dana laporan', '100000000');
    const a = await request(dinsos, pool, { amount: '10000000', purpose: '=HYPERLINK("http://x")' });
    await as(dp3a).post(`/api/drawdowns/${a.body.id}/approve`);
    const b = await request(dinsos, pool, { amount: '20000000', activityId: activities['3.2'] });
    await as(dp3a).post(`/api/drawdowns/${b.body.id}/approve`);
    await as(dp3a).post(`/api/drawdowns/${b.body.id}/disburse`);
    const totals = (await as(lsm).get(`/api/fund-pools/${pool}/totals`)).body;
    expect(totals.byActivity).toEqual([
      expect.objectContaining({ code: '3.1', committed: '10000000', disbursed: '0' }),
      expect.objectContaining({ code: '3.2', committed: '0', disbursed: '20000000' }),
    ]);
    expect(totals.byAgency).toEqual([expect.objectContaining({ agencyId: agencies.Dinsos, requested: 2, committed: '10000000', disbursed: '20000000' })]);

    const res = await as(lsm).get(`/api/fund-pools/${pool}/statement.xlsx`).buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Buku Kas', 'Permintaan', 'Rekap']);
    const ledger = wb.getWorksheet('Buku Kas')!;
    expect(ledger.getRow(1).getCell(3).value).toBe('Jenis');
    // Receipt, two commitments, one disbursement; the last row's available = 100 − 10 − 20 = 70 juta.
    expect(ledger.rowCount).toBe(5);
    expect(ledger.getRow(5).getCell(10).value).toBe(70000000);
    expect(ledger.getRow(5).getCell(10).numFmt).toContain('Rp');
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const purpose = wb.getWorksheet('Permintaan')!.getColumn(4).values.find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(purpose).toBe('=HYPERLINK("http://x")'); // text, not a formula
  });
});
