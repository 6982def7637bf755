import { startTestApp, type TestApp } from '../support/test-app';

/** The RAD drafting contract: plans, activities, workflow, versions and diff, field audit. */
describe('plans (RAD)', () => {
  let t: TestApp;
  let planner: string;
  let ids: Record<string, string>;
  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body: object) => t.http.patch(p).set('Authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => t.http.delete(p).set('Authorization', `Bearer ${token}`),
  });
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.login('bappeda@demo.sinergi.id');
    const rows = await t.sql<{ short_name: string; id: string }>('SELECT short_name, id FROM agency');
    ids = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
  });
  afterAll(() => t.close());

  async function newPlan(title = 'RAD uji 2026–2030', startYear = 2026, endYear = 2030): Promise<string> {
    const res = await as(planner).post('/api/plans', { regionCode: '53.01', title, startYear, endYear });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const activity = (over: object = {}) => ({
    strategyCode: 3,
    title: 'Pemulangan korban TPPO ke daerah asal',
    output: 'Korban dipulangkan',
    indicator: 'Jumlah korban dipulangkan',
    unit: 'Orang',
    leadAgencyId: ids.Dinsos,
    supportingAgencyIds: [ids.DP3A],
    regionCodes: ['53.01.06.2015'],
    targets: { '2026': '12' },
    costs: { '2026': '150000000', '2027': 90000000 },
    ...over,
  });

  it('creates a draft plan and returns it with the six RAN strategies', async () => {
    const res = await as(planner).post('/api/plans', { regionCode: '53.01', title: 'RAD baru', startYear: 2026, endYear: 2030 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'draft', version: 1 });
    const plan = (await as(planner).get(`/api/plans/${res.body.id}`)).body;
    expect(plan).toMatchObject({ id: res.body.id, regionCode: '53.01', title: 'RAD baru', startYear: 2026, endYear: 2030, status: 'draft', version: 1 });
    expect(plan.strategies.map((s: { code: number }) => s.code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.strategies[2]).toMatchObject({ name: 'Penguatan rehabilitasi sosial, pemulangan dan reintegrasi', activities: [] });
    expect(plan.allowedTransitions).toEqual(['consultation', 'review']);
  });

  it('lists the demo draft RAD of Kabupaten Kupang with its activities and total cost', async () => {
    const list = (await as(planner).get('/api/plans?regionCode=53.01&status=draft')).body;
    const demo = list.find((p: { title: string }) => p.title === 'RAD PP-TPPO Kabupaten Kupang 2026–2030');
    // 150+200+250+250+250 + 3×120 + 5×60 + 5×75 + 5×180 + 5×220 + 50 + 5×90 + 5×45 + 100+40+40 (juta) = 5.040 juta
    expect(demo).toMatchObject({ status: 'draft', activityCount: 10, totalCost: '5040000000', regionName: 'Kabupaten Kupang' });
  });

  it('adds an activity with costs per year, numbered within its strategy, money as digit strings', async () => {
    const planId = await newPlan();
    const first = await as(planner).post(`/api/plans/${planId}/activities`, activity());
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), code: '3.1', version: 1 });
    const second = await as(planner).post(`/api/plans/${planId}/activities`, activity({ title: 'Rehabilitasi sosial korban' }));
    expect(second.body.code).toBe('3.2');
    const plan = (await as(planner).get(`/api/plans/${planId}`)).body;
    const a = plan.strategies[2].activities[0];
    expect(a).toMatchObject({
      id: first.body.id,
      code: '3.1',
      version: 1,
      strategyCode: 3,
      title: 'Pemulangan korban TPPO ke daerah asal',
      leadAgencyId: ids.Dinsos,
      supportingAgencyIds: [ids.DP3A],
      regionCodes: ['53.01.06.2015'],
      targets: { '2026': '12' },
      costs: { '2026': '150000000', '2027': '90000000' },
      totalCost: '240000000', // 150.000.000 + 90.000.000
    });
    expect(plan.costs).toEqual({ '2026': '300000000', '2027': '180000000' }); // two activities × the same costs
    expect(plan.totalCost).toBe('480000000');
  });

  describe('refuses bad input with 400 naming the field, and writes nothing', () => {
    let planId: string;
    beforeAll(async () => {
      planId = await newPlan('RAD validasi');
    });

    it.each([
      ['an unknown strategy', { strategyCode: 9 }, 'strategyCode'],
      ['costs for a year outside the period', { costs: { '2031': '1000' } }, 'costs.2031'],
      ['a negative amount', { costs: { '2026': '-5' } }, 'costs.2026'],
      ['a fractional amount', { costs: { '2026': 1.5 } }, 'costs.2026'],
      ['an amount written as text', { costs: { '2026': '1,5 jt' } }, 'costs.2026'],
      ['an amount above 10^15', { costs: { '2026': '1000000000000001' } }, 'costs.2026'],
      ['a 10,000-character title', { title: 'x'.repeat(10000) }, 'title'],
      ['a target for a year outside the period', { targets: { '2025': '3' } }, 'targets.2025'],
      ['an unknown lead agency', { leadAgencyId: '00000000-0000-4000-8000-000000000000' }, 'leadAgencyId'],
      ['an unknown location', { regionCodes: ['53.01.06.2015', '53.01.99.2999'] }, 'regionCodes.1'],
      ['a location outside the plan region', { regionCodes: ['53.71.01'] }, 'regionCodes.0'],
    ])('%s', async (_what, over, path) => {
      const before = await count('plan_activity');
      const res = await as(planner).post(`/api/plans/${planId}/activities`, activity(over));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await count('plan_activity')).toBe(before);
    });

    it.each([
      ['end year before start year', { startYear: 2030, endYear: 2026 }, 'endYear'],
      ['a period longer than 10 years', { startYear: 2026, endYear: 2036 }, 'endYear'],
      ['a 10,000-character title', { title: 'x'.repeat(10000) }, 'title'],
      ['a year that is not a number', { startYear: '2026' }, 'startYear'],
    ])('a plan with %s', async (_what, over, path) => {
      const before = await count('action_plan');
      const res = await as(planner).post('/api/plans', { regionCode: '53.01', title: 'RAD', startYear: 2026, endYear: 2030, ...over });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await count('action_plan')).toBe(before);
    });
  });

  it('updates an activity with its version, refuses a stale version with 409, and keeps field-level history', async () => {
    const planId = await newPlan('RAD edit');
    const { id } = (await as(planner).post(`/api/plans/${planId}/activities`, activity())).body;
    const ok = await as(planner).patch(`/api/activities/${id}`, { version: 1, costs: { '2026': '200000000', '2027': '90000000' }, title: 'Pemulangan dan pendampingan korban' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, totalCost: '290000000', title: 'Pemulangan dan pendampingan korban' });
    const stale = await as(planner).patch(`/api/activities/${id}`, { version: 1, title: 'lain' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect((await as(planner).get(`/api/activities/${id}`)).body.title).toBe('Pemulangan dan pendampingan korban');
    const history = (await as(planner).get(`/api/activities/${id}/history`)).body;
    expect(history[0]).toMatchObject({
      action: 'update',
      actorEmail: 'bappeda@demo.sinergi.id',
      oldValue: { title: 'Pemulangan korban TPPO ke daerah asal', costs: { '2026': '150000000', '2027': '90000000' } },
      newValue: { title: 'Pemulangan dan pendampingan korban', costs: { '2026': '200000000', '2027': '90000000' } },
    });
    expect(history[1].action).toBe('create');
  });

  it('refuses a stale plan version and a period that would leave planned money outside it', async () => {
    const planId = await newPlan('RAD periode');
    await as(planner).post(`/api/plans/${planId}/activities`, activity());
    const shrink = await as(planner).patch(`/api/plans/${planId}`, { version: 1, endYear: 2026 });
    expect(shrink.status).toBe(400);
    expect(shrink.body.details[0].path).toBe('endYear');
    const stale = await as(planner).patch(`/api/plans/${planId}`, { version: 99, title: 'x' });
    expect(stale.status).toBe(409);
  });

  it('moves through the workflow, storing a snapshot at each step, and refuses illegal steps with 409', async () => {
    const planId = await newPlan('RAD alur');
    await as(planner).post(`/api/plans/${planId}/activities`, activity());
    const step = async (to: string, extra: object = {}) => {
      const { version } = (await as(planner).get(`/api/plans/${planId}`)).body;
      return as(planner).post(`/api/plans/${planId}/transitions`, { to, version, ...extra });
    };
    const illegal = await step('adopted', { legalBasis: { number: 'Perbup 1/2026', date: '2026-03-01' } });
    expect(illegal.status).toBe(409);
    expect(illegal.body.details).toMatchObject({ from: 'draft', to: 'adopted', allowed: ['consultation', 'review'] });

    expect((await step('consultation')).body.status).toBe('consultation');
    expect((await step('review')).body.status).toBe('review');
    const noBasis = await step('adopted');
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.details[0].path).toBe('legalBasis');
    const adopted = await step('adopted', { legalBasis: { number: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026', date: '2026-03-15' } });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', legalBasis: { number: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026', date: '2026-03-15' } });
    expect(adopted.body.allowedTransitions).toEqual(['revision']);

    // An adopted plan is frozen: edits are 409 until a revision is opened.
    const activityId = adopted.body.strategies[2].activities[0].id;
    expect((await as(planner).patch(`/api/activities/${activityId}`, { version: 1, title: 'x' })).status).toBe(409);
    expect((await step('revision')).body.status).toBe('revision');
    expect((await as(planner).patch(`/api/activities/${activityId}`, { version: 1, costs: { '2026': '1' } })).status).toBe(200);
    // Sent back from review, a revision stays a revision.
    expect((await step('review')).body.allowedTransitions).toEqual(['adopted', 'consultation', 'revision']);

    const versions = (await as(planner).get(`/api/plans/${planId}/versions`)).body;
    expect(versions.map((v: { number: number; transition: string }) => `${v.number}:${v.transition}`)).toEqual([
      '1:draft→consultation',
      '2:consultation→review',
      '3:review→adopted',
      '4:adopted→revision',
      '5:revision→review',
    ]);
    expect(versions[2]).toMatchObject({ status: 'adopted', activityCount: 1, totalCost: '240000000', createdBy: 'bappeda@demo.sinergi.id' });
    // The adopted version stays readable as it was.
    const adoptedVersion = (await as(planner).get(`/api/plans/${planId}/versions/3`)).body;
    expect(adoptedVersion.activities[0].costs).toEqual({ '2026': '150000000', '2027': '90000000' });
    await expect(t.sql(`UPDATE plan_snapshot SET status = 'draft' WHERE plan_id = $1`, [planId])).rejects.toThrow(/append-only/);
  });

  it('diffs two versions: activities added, removed and changed field by field, with the change of cost per year', async () => {
    const planId = await newPlan('RAD diff');
    const kept = (await as(planner).post(`/api/plans/${planId}/activities`, activity())).body;
    const dropped = (await as(planner).post(`/api/plans/${planId}/activities`, activity({ strategyCode: 1, title: 'Dihapus nanti', costs: { '2026': '10000000' } }))).body;
    await as(planner).post(`/api/plans/${planId}/transitions`, { to: 'consultation', version: 1 }); // version 1
    await as(planner).patch(`/api/activities/${kept.id}`, { version: 1, costs: { '2026': '100000000', '2027': '90000000' } });
    await as(planner).post(`/api/plans/${planId}/activities`, activity({ strategyCode: 6, title: 'Rapat koordinasi', costs: { '2028': '5000000' } }));
    await as(planner).post(`/api/plans/${planId}/transitions`, { to: 'draft', version: 2 }); // version 2
    await as(planner).delete(`/api/activities/${dropped.id}?version=1`).expect(204);

    const diff = (await as(planner).get(`/api/plans/${planId}/diff?from=1&to=current`)).body;
    expect(diff.added).toEqual([{ id: expect.any(String), code: '6.1', title: 'Rapat koordinasi', totalCost: '5000000' }]);
    expect(diff.removed).toEqual([{ id: dropped.id, code: '1.1', title: 'Dihapus nanti', totalCost: '10000000' }]);
    expect(diff.changed).toEqual([
      { id: kept.id, code: '3.1', title: 'Pemulangan korban TPPO ke daerah asal', fields: [{ field: 'costs', from: { '2026': '150000000', '2027': '90000000' }, to: { '2026': '100000000', '2027': '90000000' } }] },
    ]);
    expect(diff.costByYear).toEqual([
      { year: 2026, from: '160000000', to: '100000000', delta: '-60000000' }, // 150 + 10 → 100 (juta)
      { year: 2027, from: '90000000', to: '90000000', delta: '0' },
      { year: 2028, from: '0', to: '5000000', delta: '5000000' },
    ]);
    expect(diff.totals).toEqual({ from: '250000000', to: '195000000', delta: '-55000000' });
    expect((await as(planner).get(`/api/plans/${planId}/diff?from=1&to=2`)).body.added).toHaveLength(1);
    expect((await as(planner).get(`/api/plans/${planId}/diff?from=1&to=9`)).status).toBe(404);
    expect((await as(planner).get(`/api/plans/${planId}/diff?from=x&to=1`)).status).toBe(400);
  });

  it('lets only planners of the region and admins change a plan', async () => {
    const planId = await newPlan('RAD hak');
    const village = await t.login('desa.oesao@demo.sinergi.id');
    const member = await t.login('lsm@demo.sinergi.id');
    const agency = await t.login('dinsos@demo.sinergi.id');
    expect((await as(village).post(`/api/plans/${planId}/transitions`, { to: 'consultation', version: 1 })).status).toBe(403);
    expect((await as(member).post(`/api/plans/${planId}/activities`, activity())).status).toBe(403);
    expect((await as(agency).post('/api/plans', { regionCode: '53.01', title: 'x', startYear: 2026, endYear: 2030 })).status).toBe(403);
    // Everyone signed in reads the plan, but only the planner sees transitions to make.
    const seen = await as(member).get(`/api/plans/${planId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedTransitions).toEqual([]);
    // A planner of another region is refused too: create one and try.
    const admin = await t.login('admin@demo.sinergi.id');
    await as(admin).post('/api/admin/users', { email: 'perencana@kotakupang.go.id', name: 'Perencana Kota', password: 'kata-sandi-panjang-1', role: 'planner', regionCode: '53.71' });
    const other = await t.login('perencana@kotakupang.go.id', 'kata-sandi-panjang-1');
    expect((await as(other).post(`/api/plans/${planId}/transitions`, { to: 'consultation', version: 1 })).status).toBe(403);
    expect((await as(other).post('/api/plans', { regionCode: '53.01', title: 'x', startYear: 2026, endYear: 2030 })).status).toBe(403);
  });

  it('suggests budget codes for an activity: the regency repatriation sub kegiatan first for a regency plan', async () => {
    const [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
    const plan = (await as(planner).get(`/api/plans/${planId}`)).body;
    const repatriation = plan.strategies[2].activities.find((a: { title: string }) => a.title === 'Pemulangan korban TPPO ke daerah asal');
    const apbd = (await as(planner).get(`/api/activities/${repatriation.id}/suggestions?kind=APBD&limit=5`)).body;
    expect(apbd[0]).toMatchObject({ code: '1.06.03.2.01.0003', level: 'sub_kegiatan', governmentLevel: 'regency', inMandate: true });
    expect(apbd[0].name).toMatch(/Pemulangan Warga Negara Migran Korban/);
    expect(apbd.every((c: { governmentLevel?: string }) => c.governmentLevel !== 'province')).toBe(true);
    // Village money: the APBDes kegiatan for the prevention activity in the desa.
    const prevention = plan.strategies[0].activities.find((a: { code: string }) => a.code === '1.1');
    const apbdes = (await as(planner).get(`/api/activities/${prevention.id}/suggestions?kind=APBDES`)).body;
    expect(apbdes.length).toBeGreaterThan(0);
    expect(apbdes.every((c: { kind: string; level: string }) => c.kind === 'APBDES' && c.level === 'kegiatan')).toBe(true);
  });

  describe('every workflow step, legal and illegal', () => {
    const STATUSES = ['draft', 'consultation', 'review', 'adopted', 'revision'];
    // The legal steps of a plan never adopted (a revision's send-back is tested above).
    const LEGAL: Record<string, string[]> = {
      draft: ['consultation', 'review'],
      consultation: ['review', 'draft'],
      review: ['adopted', 'consultation', 'draft'],
      adopted: ['revision'],
      revision: ['consultation', 'review'],
    };
    const cases = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, LEGAL[from].includes(to)] as const));

    it.each(cases)('%s → %s (legal: %s)', async (from, to, legal) => {
      const planId = await newPlan(`RAD ${from}→${to}`);
      await as(planner).post(`/api/plans/${planId}/activities`, activity());
      await t.sql('UPDATE action_plan SET status = $2 WHERE id = $1', [planId, from]); // arrange the starting state
      const { version } = (await as(planner).get(`/api/plans/${planId}`)).body;
      const snapshotsBefore = await count('plan_snapshot');
      const res = await as(planner).post(`/api/plans/${planId}/transitions`, {
        to,
        version,
        legalBasis: { number: 'Peraturan Bupati Kupang Nomor 1 Tahun 2026', date: '2026-01-31' },
      });
      if (legal) {
        expect(res.status).toBe(200);
        expect(res.body.status).toBe(to);
        expect(await count('plan_snapshot')).toBe(snapshotsBefore + 1);
      } else {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'CONFLICT', details: { from, to } });
        expect(await count('plan_snapshot')).toBe(snapshotsBefore);
        expect((await as(planner).get(`/api/plans/${planId}`)).body.status).toBe(from);
      }
    });
  });
});
