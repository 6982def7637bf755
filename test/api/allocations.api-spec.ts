import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Allocations (API-CONTRACT.md "Allocations"): budget lines, their stages and their tags to plan
 * activities, the village view, tagging coverage, retired codes and every scope rule.
 */
describe('allocations (budget tags)', () => {
  let t: TestApp;
  let planner: string;
  let dinsos: string;
  let dp3a: string;
  let oesao: string;
  let lsm: string;
  let admin: string;
  let agencies: Record<string, string>;
  let planId: string;
  let activities: Record<string, string>;
  const OESAO = '53.01.06.2015';
  const KELURAHAN_OESAO = '53.01.06.1004';
  const REPATRIATION = '1.06.03.2.01.0003';

  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body: object) => t.http.patch(p).set('Authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => t.http.delete(p).set('Authorization', `Bearer ${token}`),
  });
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const apbd = (over: object = {}) => ({
    source: 'APBD',
    agencyId: agencies.Dinsos,
    fiscalYear: 2026,
    budgetCode: REPATRIATION,
    accountCode: '5.1.02.01.01.0024',
    stage: 'DPA',
    amount: '80000000',
    ...over,
  });
  const apbdes = (over: object = {}) => ({
    source: 'APBDES',
    villageCode: OESAO,
    fiscalYear: 2026,
    budgetCode: '4.4.02',
    fundSource: 'DDS',
    stage: 'APBDES',
    amount: '25000000',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [planner, dinsos, dp3a, oesao, lsm, admin] = await Promise.all(
      ['bappeda', 'dinsos', 'dp3a', 'desa.oesao', 'lsm', 'admin'].map((u) => t.login(`${u}@demo.sinergi.id`)),
    );
    const rows = await t.sql<{ short_name: string; id: string }>('SELECT short_name, id FROM agency');
    agencies = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
    [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
    const acts = await t.sql<{ code: string; id: string }>(`SELECT strategy_code || '.' || seq AS code, id FROM plan_activity WHERE plan_id = $1`, [planId]);
    activities = Object.fromEntries(acts.map((a) => [a.code, a.id]));
  });
  afterAll(() => t.close());

  describe('an agency tags its APBD line', () => {
    it('creates the line and its tag in one step, normalising the account code and keeping the original', async () => {
      const res = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ accountCode: '5.1.02.01.01.024' }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), lineId: expect.any(String) });
      const list = (await as(planner).get(`/api/activities/${activities['3.1']}/allocations`)).body;
      expect(list).toEqual([
        expect.objectContaining({
          id: res.body.id,
          lineId: res.body.lineId,
          activityId: activities['3.1'],
          source: 'APBD',
          agencyId: agencies.Dinsos,
          fiscalYear: 2026,
          budgetCode: REPATRIATION,
          budgetCodeName: expect.stringMatching(/^Fasilitasi Pemulangan Warga Negara Migran/),
          catalogVersion: 'SIPD pemutakhiran 2027',
          accountCode: '5.1.02.01.01.0024',
          accountCodeOriginal: '5.1.02.01.01.024',
          stage: 'DPA',
          amount: '80000000',
          sharePercent: 100,
          allocated: '80000000',
          warnings: [],
        }),
      ]);
    });

    it('records a later stage of the same line as its new stage: RKA 100, DPA 80, DPPA 90 counts 90, once', async () => {
      const body = apbd({ fiscalYear: 2027, budgetCode: REPATRIATION, accountCode: '5.1.02.02.01.0003' });
      const id = activities['3.1'];
      const rka = await as(dinsos).post(`/api/activities/${id}/allocations`, { ...body, stage: 'RKA', amount: '100000000' });
      const dpa = await as(dinsos).post(`/api/activities/${id}/allocations`, { ...body, stage: 'DPA', amount: 80000000 });
      const dppa = await as(dinsos).post(`/api/activities/${id}/allocations`, { ...body, stage: 'DPPA', amount: '90000000' });
      expect([rka.status, dpa.status, dppa.status]).toEqual([201, 201, 201]);
      expect(new Set([rka.body.lineId, dpa.body.lineId, dppa.body.lineId]).size).toBe(1);
      expect(new Set([rka.body.id, dpa.body.id, dppa.body.id]).size).toBe(1);
      const line = (await as(dinsos).get(`/api/budget-lines/${rka.body.lineId}`)).body;
      expect(line).toMatchObject({ stage: 'DPPA', amount: '90000000', untagged: '0' });
      expect(line.stages.map((s: { stage: string; amount: string }) => `${s.stage} ${s.amount}`)).toEqual(['RKA 100000000', 'DPA 80000000', 'DPPA 90000000']);
      const tags = (await as(dinsos).get(`/api/activities/${id}/allocations`)).body.filter((a: { fiscalYear: number }) => a.fiscalYear === 2027);
      expect(tags).toHaveLength(1);
      expect(tags[0].allocated).toBe('90000000');

      // Going back to RKA is refused; posting the counting stage again adds nothing.
      const back = await as(dinsos).post(`/api/activities/${id}/allocations`, { ...body, stage: 'RKA', amount: '1' });
      expect(back.status).toBe(422);
      expect(back.body).toMatchObject({ code: 'STAGE_OUT_OF_ORDER', details: { currentStage: 'DPPA' } });
      const before = await count('budget_line_stage');
      expect((await as(dinsos).post(`/api/activities/${id}/allocations`, { ...body, stage: 'DPPA', amount: '90000000' })).status).toBe(201);
      expect(await count('budget_line_stage')).toBe(before);
      // The stage records are append-only at the database.
      await expect(t.sql(`UPDATE budget_line_stage SET amount = 1 WHERE line_id = $1`, [rka.body.lineId])).rejects.toThrow(/append-only/);
      await expect(t.sql(`DELETE FROM budget_line_stage WHERE line_id = $1`, [rka.body.lineId])).rejects.toThrow(/append-only/);
    });

    it('keeps a line with a different account code apart, and lists an agency\'s lines per year', async () => {
      await as(dinsos).post(`/api/activities/${activities['3.2']}/allocations`, apbd({ budgetCode: '1.06.03.2.01.0003', accountCode: '5.1.02.02.01.0026', amount: '15000000' }));
      const lines = (await as(dinsos).get(`/api/budget-lines?agencyId=${agencies.Dinsos}&fiscalYear=2026`)).body;
      expect(lines.map((l: { accountCode: string }) => l.accountCode).sort()).toEqual(['5.1.02.01.01.0024', '5.1.02.02.01.0026']);
      expect(lines.every((l: { fiscalYear: number }) => l.fiscalYear === 2026)).toBe(true);
    });

    it('splits one line between activities by percentage or amount, never beyond the line', async () => {
      const line = apbd({ agencyId: agencies.DP3A, budgetCode: '2.08.02.2.01.0015', accountCode: '5.1.02.01.01.0052', amount: '100000000' });
      const first = await as(dp3a).post(`/api/activities/${activities['1.1']}/allocations`, line);
      expect(first.status).toBe(201);
      // The line is fully taken by the first tag: a second activity must say its part.
      const second = await as(dp3a).post(`/api/activities/${activities['4.1']}/allocations`, line);
      expect(second.status).toBe(400);
      expect(second.body.details).toEqual([{ path: 'sharePercent', message: expect.stringContaining('sudah ditandai') }]);
      const tooMuch = await as(dp3a).post(`/api/activities/${activities['4.1']}/allocations`, { ...line, sharePercent: 60 });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body).toMatchObject({ code: 'SHARE_EXCEEDS_LINE', details: { path: 'sharePercent', untagged: '0' } });

      const tag = (await as(dp3a).get(`/api/activities/${activities['1.1']}/allocations`)).body.find((a: { lineId: string }) => a.lineId === first.body.lineId);
      const stale = await as(dp3a).patch(`/api/allocations/${tag.id}`, { version: tag.version + 1, sharePercent: 40 });
      expect(stale.status).toBe(409);
      const changed = await as(dp3a).patch(`/api/allocations/${tag.id}`, { version: tag.version, sharePercent: 40 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ sharePercent: 40, allocated: '40000000' });
      expect((await as(dp3a).post(`/api/activities/${activities['4.1']}/allocations`, { ...line, sharePercent: 33.33 })).status).toBe(201);
      const fixed = await as(dp3a).post(`/api/activities/${activities['6.1']}/allocations`, { ...line, taggedAmount: '26670000' });
      expect(fixed.status).toBe(201);
      const overflow = await as(dp3a).post(`/api/activities/${activities['6.2']}/allocations`, { ...line, taggedAmount: '1' });
      expect(overflow.status).toBe(422);

      const view = (await as(dp3a).get(`/api/budget-lines/${first.body.lineId}`)).body;
      // 40 % + 33,33 % of 100.000.000 = 40.000.000 + 33.330.000, plus a fixed 26.670.000 = the whole line.
      expect(view.tags.map((x: { allocated: string }) => x.allocated)).toEqual(['40000000', '33330000', '26670000']);
      expect(view.untagged).toBe('0');

      // A DPA that cuts the line: shares follow it, the fixed sum no longer fits and is flagged.
      const cut = await as(dp3a).post(`/api/budget-lines/${first.body.lineId}/stages`, { stage: 'DPPA', amount: '90000000' });
      expect(cut.status).toBe(201);
      // 40 % of 90 = 36, 33,33 % = 29.997.000; the fixed 26.670.000 only has 24.003.000 left.
      expect(cut.body.tags.map((x: { allocated: string }) => x.allocated)).toEqual(['36000000', '29997000', '24003000']);
      expect(cut.body.warnings).toContain('OVER_ALLOCATED_LINE');

      // Removing a tag keeps the line.
      expect((await as(dp3a).delete(`/api/allocations/${fixed.body.id}`)).status).toBe(204);
      const after = (await as(dp3a).get(`/api/budget-lines/${first.body.lineId}`)).body;
      expect(after.tags).toHaveLength(2);
      expect(after.warnings).not.toContain('OVER_ALLOCATED_LINE');
    });

    it('lets only one of two clerks take the last 60 % of a line at the same moment', async () => {
      const line = apbd({ agencyId: agencies.DP3A, budgetCode: '2.08.02.2.01.0016', accountCode: '5.1.02.01.01.0052', amount: '50000000' });
      const created = await as(dp3a).post('/api/budget-lines', line);
      expect(created.status).toBe(201);
      const results = await Promise.all(
        [activities['6.1'], activities['6.2']].map((activityId) => as(dp3a).post(`/api/budget-lines/${created.body.id}/tags`, { activityId, sharePercent: 60 })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
      expect((await as(dp3a).get(`/api/budget-lines/${created.body.id}`)).body.untagged).toBe('20000000');
    });

    it('warns, without refusing, about a code outside the mandate or of the other government level', async () => {
      const outside = await as(dp3a).post(`/api/activities/${activities['1.1']}/allocations`, apbd({ agencyId: agencies.DP3A, budgetCode: '1.06.03.2.01.0003', accountCode: '5.1.02.01.01.0001' }));
      expect(outside.status).toBe(201);
      const province = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ budgetCode: '1.06.03.1.01.0003', accountCode: '5.1.02.01.01.0001' }));
      expect(province.status).toBe(201);
      const byId = (id: string, list: { id: string; warnings: string[] }[]) => list.find((a) => a.id === id)?.warnings;
      expect(byId(outside.body.id, (await as(planner).get(`/api/activities/${activities['1.1']}/allocations`)).body)).toEqual(['CODE_OUT_OF_MANDATE']);
      expect(byId(province.body.id, (await as(planner).get(`/api/activities/${activities['3.1']}/allocations`)).body)).toEqual(['CODE_LEVEL_MISMATCH']);
    });

    it('refuses unknown codes, codes of the wrong level and bad amounts, naming the field, and writes nothing', async () => {
      const lines = await count('budget_line');
      const unknown = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ budgetCode: '1.06.03.2.01.0999' }));
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'UNKNOWN_BUDGET_CODE', details: [{ path: 'budgetCode' }] });
      const kegiatan = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ budgetCode: '1.06.03.2.01' }));
      expect(kegiatan.status).toBe(400);
      expect(kegiatan.body.details).toEqual([{ path: 'budgetCode', message: expect.stringContaining('sub kegiatan') }]);
      for (const amount of ['1,5 jt', -5, 1.5, '1000000000000001']) {
        const bad = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ amount }));
        expect(bad.status).toBe(400);
        expect(bad.body.details[0].path).toBe('amount');
      }
      const stage = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ stage: 'APBDES' }));
      expect(stage.body.details).toEqual([{ path: 'stage', message: expect.any(String) }]);
      expect((await as(dinsos).post(`/api/activities/00000000-0000-4000-8000-000000000000/allocations`, apbd())).status).toBe(404);
      expect(await count('budget_line')).toBe(lines);
    });
  });

  describe('scope', () => {
    it('refuses a DP3A user writing a Dinas Sosial line or a village line, a village user writing another desa or an APBD line, and a member', async () => {
      const before = [await count('budget_line'), await count('allocation_tag'), await count('budget_line_stage')];
      const cases: [string, object][] = [
        [dp3a, apbd()],
        [dp3a, apbdes()],
        [oesao, apbdes({ villageCode: '53.01.06.2002' })],
        [oesao, apbd()],
        [lsm, apbd({ agencyId: agencies['LSM Mitra'] })],
        [dinsos, apbd({ agencyId: agencies.DP3A })],
      ];
      for (const [token, body] of cases) {
        const res = await as(token).post(`/api/activities/${activities['1.1']}/allocations`, body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
      // And on an existing line: another agency cannot record its stage, change or remove its tags.
      const dinsosLine = (await as(planner).get(`/api/activities/${activities['3.1']}/allocations`)).body[0];
      expect((await as(dp3a).post(`/api/budget-lines/${dinsosLine.lineId}/stages`, { stage: 'DPPA', amount: '1' })).status).toBe(403);
      expect((await as(dp3a).patch(`/api/allocations/${dinsosLine.id}`, { version: dinsosLine.version, sharePercent: 10 })).status).toBe(403);
      expect((await as(dp3a).delete(`/api/allocations/${dinsosLine.id}`)).status).toBe(403);
      expect((await as(oesao).post(`/api/budget-lines/${dinsosLine.lineId}/tags`, { activityId: activities['1.1'] })).status).toBe(403);
      expect([await count('budget_line'), await count('allocation_tag'), await count('budget_line_stage')]).toEqual(before);
    });

    it('lets the region planner write any agency line of the region, and anyone signed in read', async () => {
      const res = await as(planner).post(`/api/activities/${activities['2.1']}/allocations`, apbd({ agencyId: agencies.Dinkes, budgetCode: '1.02.02.2.02.0055', amount: '10000000' }));
      expect(res.status).toBe(201);
      expect((await as(lsm).get(`/api/activities/${activities['2.1']}/allocations`)).status).toBe(200);
    });
  });

  describe('villages', () => {
    it('tags a DDS line of desa Oesao to a prevention activity, the Siskeudes spelling being the same code', async () => {
      const res = await as(oesao).post(`/api/activities/${activities['1.1']}/allocations`, apbdes({ budgetCode: '04.04.02.' }));
      expect(res.status).toBe(201);
      const [tag] = (await as(oesao).get(`/api/activities/${activities['1.1']}/allocations`)).body.filter((a: { source: string }) => a.source === 'APBDES');
      expect(tag).toMatchObject({ villageCode: OESAO, villageName: 'Oesao', budgetCode: '4.4.02', fundSource: 'DDS', stage: 'APBDES', amount: '25000000', allocated: '25000000' });
    });

    it('lists the desa\'s APBDes lines, tagged or not', async () => {
      const untagged = await as(oesao).post('/api/budget-lines', apbdes({ budgetCode: '4.4.01', fundSource: 'ADD', amount: '12000000' }));
      expect(untagged.status).toBe(201);
      const lines = (await as(oesao).get(`/api/villages/${OESAO}/apbdes?fiscalYear=2026`)).body;
      // The demo's own line (bantuan keuangan kabupaten, not yet tagged) and the two entered here.
      expect(lines).toEqual([
        expect.objectContaining({ budgetCode: '4.4.01', fundSource: 'ADD', stage: 'APBDES', amount: '12000000', tagged: false }),
        expect.objectContaining({ budgetCode: '4.4.01', fundSource: 'PBK', stage: 'APBDES', amount: '15000000', tagged: false }),
        expect.objectContaining({ budgetCode: '4.4.02', fundSource: 'DDS', stage: 'APBDES', amount: '25000000', tagged: true }),
      ]);
      expect((await as(oesao).get(`/api/villages/${OESAO}/apbdes?fiscalYear=2027`)).body).toEqual([]);
      // Tagging the imported/entered line later.
      const tagged = await as(oesao).post(`/api/budget-lines/${untagged.body.id}/tags`, { activityId: activities['1.1'], sharePercent: 50 });
      expect(tagged.status).toBe(201);
      const again = (await as(oesao).get(`/api/villages/${OESAO}/apbdes?fiscalYear=2026`)).body;
      expect(again[0]).toMatchObject({ tagged: true, untagged: '6000000' });
    });

    it('shows the desa the activities located in it, its kecamatan or the whole regency, and which it supports', async () => {
      const list = (await as(oesao).get(`/api/villages/${OESAO}/activities`)).body;
      const prevention = list.find((a: { code: string }) => a.code === '1.1');
      expect(prevention).toMatchObject({ scope: 'district', supported: true, villageAllocated: { '2026': '31000000' } });
      const regencyWide = list.filter((a: { scope: string }) => a.scope === 'region');
      expect(regencyWide.length).toBeGreaterThan(0);
      expect(regencyWide.every((a: { supported: boolean }) => !a.supported)).toBe(true);
    });

    it('refuses a kelurahan with a clear message: it has no APBDes', async () => {
      const read = await as(planner).get(`/api/villages/${KELURAHAN_OESAO}/apbdes`);
      expect(read.status).toBe(422);
      expect(read.body).toMatchObject({ code: 'NO_APBDES', message: expect.stringContaining('kelurahan tidak memiliki APBDes') });
      const write = await as(planner).post(`/api/activities/${activities['1.1']}/allocations`, apbdes({ villageCode: KELURAHAN_OESAO }));
      expect(write.status).toBe(422);
      expect(write.body.code).toBe('NO_APBDES');
      expect((await as(planner).get('/api/villages/53.01.06/apbdes')).status).toBe(400);
    });
  });

  describe('national and other money', () => {
    it('records APBN money by its funder for the plan\'s planner, and an agency records its own', async () => {
      const res = await as(planner).post(`/api/activities/${activities['3.2']}/allocations`, { source: 'APBN', funder: 'Kementerian Sosial (dekonsentrasi)', fiscalYear: 2026, amount: '40000000' });
      expect(res.status).toBe(201);
      const list = (await as(planner).get(`/api/activities/${activities['3.2']}/allocations`)).body;
      expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'APBN', funder: 'Kementerian Sosial (dekonsentrasi)', stage: 'COMMITTED', allocated: '40000000' })]));
      const noOwner = await as(dinsos).post(`/api/activities/${activities['3.2']}/allocations`, { source: 'OTHER', funder: 'CSR Bank NTT', fiscalYear: 2026, amount: '5000000' });
      expect(noOwner.status).toBe(400);
      expect(noOwner.body.details[0].path).toBe('agencyId');
      const own = await as(dinsos).post(`/api/activities/${activities['3.2']}/allocations`, { source: 'OTHER', funder: 'CSR Bank NTT', agencyId: agencies.Dinsos, fiscalYear: 2026, amount: '5000000' });
      expect(own.status).toBe(201);
    });
  });

  describe('retired codes and the crosswalk', () => {
    it('flags a 2027 line on a code the 2027 list retired, and migrates the plan\'s lines in one action', async () => {
      const res = await as(planner).post(
        `/api/activities/${activities['1.2']}/allocations`,
        apbd({ agencyId: agencies.Disnaker, fiscalYear: 2027, budgetCode: '2.07.04.2.04.0002', amount: '30000000' }),
      );
      expect(res.status).toBe(201);
      const line = (await as(planner).get(`/api/activities/${activities['1.2']}/allocations`)).body.find((a: { fiscalYear: number }) => a.fiscalYear === 2027);
      expect(line).toMatchObject({ budgetCode: '2.07.04.2.04.0002', catalogVersion: 'Kepmendagri 050-5889/2021 (sebagian)', warnings: ['RETIRED_CODE'], replacementCode: '2.07.04.2.04.0004' });
      // The same code in 2026, when the 2021 list is in force, is not retired.
      await as(planner).post(`/api/activities/${activities['1.2']}/allocations`, apbd({ agencyId: agencies.Disnaker, fiscalYear: 2026, budgetCode: '2.07.04.2.04.0002', amount: '30000000' }));
      expect((await as(dinsos).post(`/api/plans/${planId}/retired-codes/migrate`)).status).toBe(403);
      const migrated = await as(planner).post(`/api/plans/${planId}/retired-codes/migrate`);
      expect(migrated.status).toBe(200);
      expect(migrated.body.migrated).toEqual([{ lineId: line.lineId, from: '2.07.04.2.04.0002', to: '2.07.04.2.04.0004' }]);
      const after = (await as(planner).get(`/api/activities/${activities['1.2']}/allocations`)).body.find((a: { fiscalYear: number }) => a.fiscalYear === 2027);
      expect(after).toMatchObject({ id: line.id, budgetCode: '2.07.04.2.04.0004', migratedFromCode: '2.07.04.2.04.0002', catalogVersion: 'SIPD pemutakhiran 2027', warnings: [], allocated: '30000000' });
      const history = (await as(planner).get(`/api/budget-lines/${line.lineId}/history`)).body;
      expect(history[0]).toMatchObject({ action: 'code_migrated', actorEmail: 'bappeda@demo.sinergi.id', newValue: { budgetCode: '2.07.04.2.04.0004' } });
    });

    it('migrates tagged lines when an admin imports a crosswalk with migrateTags', async () => {
      const res = await as(dinsos).post(`/api/activities/${activities['3.1']}/allocations`, apbd({ fiscalYear: 2028, budgetCode: '1.06.03.2.01.0001', amount: '20000000' }));
      expect(res.status).toBe(201);
      const flagged = (await as(dinsos).get(`/api/budget-lines/${res.body.lineId}`)).body;
      expect(flagged).toMatchObject({ warnings: ['RETIRED_CODE'] });
      expect(flagged.replacementCode).toBeUndefined(); // the bundled crosswalk has no entry for it
      const upload = await t.http
        .post('/api/catalogs/import')
        .set('Authorization', `Bearer ${admin}`)
        .field('kind', 'APBD_CROSSWALK')
        .field('label', 'Koreksi crosswalk pemulangan')
        .field('source', 'uji')
        .field('current', 'false')
        .field('migrateTags', 'true')
        .attach('file', Buffer.from('previous_code,code,government_level\n1.06.03.2.01.0001,1.06.03.2.01.0003,regency\n'), 'crosswalk.csv');
      expect(upload.status).toBe(201);
      expect(upload.body.migration.migrated).toEqual([{ lineId: res.body.lineId, from: '1.06.03.2.01.0001', to: REPATRIATION }]);
      const moved = (await as(dinsos).get(`/api/budget-lines/${res.body.lineId}`)).body;
      expect(moved).toMatchObject({ budgetCode: REPATRIATION, migratedFromCode: '1.06.03.2.01.0001', warnings: [] });
      expect(moved.tags).toEqual([expect.objectContaining({ activityId: activities['3.1'], allocated: '20000000' })]);
    });
  });

  describe('realised amounts and history', () => {
    it('records realised amounts per quarter with the version last read, and keeps who changed what', async () => {
      const [tag] = (await as(dinsos).get(`/api/activities/${activities['3.1']}/allocations`)).body.filter((a: { fiscalYear: number }) => a.fiscalYear === 2026);
      const line = (await as(dinsos).get(`/api/budget-lines/${tag.lineId}`)).body;
      const stale = await as(dinsos).patch(`/api/budget-lines/${tag.lineId}/realised`, { version: line.version + 5, q1: '1' });
      expect(stale.status).toBe(409);
      const bad = await as(dinsos).patch(`/api/budget-lines/${tag.lineId}/realised`, { version: 1, q2: '2,5 jt' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ path: 'q2', message: expect.any(String) }]);
      const ok = await as(dinsos).patch(`/api/budget-lines/${tag.lineId}/realised`, { version: 1, q1: '20000000', q2: 15000000 });
      expect(ok.status).toBe(200);
      expect(ok.body.realised).toEqual({ q1: '20000000', q2: '15000000' });
      expect((await as(dp3a).patch(`/api/budget-lines/${tag.lineId}/realised`, { version: 2, q3: '1' })).status).toBe(403);
      const history = (await as(lsm).get(`/api/budget-lines/${tag.lineId}/history`)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual(['realised', 'tagged', 'created']);
      expect(history[0]).toMatchObject({ actorEmail: 'dinsos@demo.sinergi.id', newValue: { q1: '20000000', q2: '15000000', q3: null } });
    });

    it('knows which nomenclature version is in force from which fiscal year', async () => {
      const versions = (await as(planner).get('/api/catalogs')).body.filter((v: { kind: string }) => v.kind === 'APBD_NOMENCLATURE');
      expect(versions.map((v: { label: string; inForceFrom?: number }) => [v.label, v.inForceFrom])).toEqual(
        expect.arrayContaining([
          ['Kepmendagri 050-5889/2021 (sebagian)', 2022],
          ['SIPD pemutakhiran 2027', 2027],
        ]),
      );
    });
  });

  describe('tagging coverage', () => {
    it('shows which activities have no line and which agencies have entered nothing', async () => {
      const res = await as(planner).get(`/api/plans/${planId}/tagging-coverage`);
      expect(res.status).toBe(200);
      const { activities: rows, agencies: orgs, totals, fiscalYears } = res.body;
      expect(fiscalYears).toEqual([2026, 2027, 2028, 2029, 2030]);
      expect(rows).toHaveLength(10);
      const repatriation = rows.find((a: { code: string }) => a.code === '3.1');
      expect(repatriation.lineCount).toBeGreaterThan(0);
      expect(rows.find((a: { code: string }) => a.code === '5.1')).toMatchObject({ lineCount: 0, allocated: {} });
      const nothing = orgs.filter((o: { lineCount: number }) => o.lineCount === 0).map((o: { shortName: string }) => o.shortName);
      expect(nothing).toEqual(expect.arrayContaining(['Polres Kupang', 'Dukcapil', 'Diskominfo']));
      expect(nothing).not.toContain('Dinsos');
      // The demo's DP3A lines: 100.000.000 (DPA after an RKA of 120.000.000) + 40.000.000 + 60.000.000 in 2026 and an RKA of 60.000.000 in 2027.
      expect(orgs.find((o: { shortName: string }) => o.shortName === 'DP3A').lineCount).toBeGreaterThanOrEqual(4);
      expect(totals.activitiesWithoutLines).toBe(rows.filter((a: { lineCount: number }) => a.lineCount === 0).length);
      expect(totals.need).toBe('5040000000');
    });
  });
});
