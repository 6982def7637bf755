import { startTestApp, type TestApp } from '../support/test-app';

/** Participation: proposals, endorsements, comments, decisions, notifications, consultation rounds. */
describe('participatory drafting', () => {
  let t: TestApp;
  let planner: string;
  let member: string;
  let village: string;
  let dinsos: string;
  let dp3a: string;
  let planId: string;
  let ids: Record<string, string>;
  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object = {}) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => t.http.delete(p).set('Authorization', `Bearer ${token}`),
  });
  const newActivity = (over: object = {}) => ({
    strategyCode: 1,
    title: 'Kelas parenting pencegahan perdagangan anak di desa',
    leadAgencyId: ids.DP3A,
    costs: { '2027': '40000000', '2028': '45000000' },
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [planner, member, village, dinsos, dp3a] = await Promise.all(
      ['bappeda', 'lsm', 'desa.oesao', 'dinsos', 'dp3a'].map((u) => t.login(`${u}@demo.sinergi.id`)),
    );
    const rows = await t.sql<{ short_name: string; id: string }>('SELECT short_name, id FROM agency');
    ids = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
    [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE region_code = '53.01'`);
  });
  afterAll(() => t.close());

  it('opens a consultation round, which moves the draft into consultation and notifies invited agencies', async () => {
    const res = await as(planner).post(`/api/plans/${planId}/rounds`, { opensOn: '2026-02-01', closesOn: '2026-02-28', invitedAgencyIds: [ids.DP3A, ids.Dinsos, ids['LSM Mitra']] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, status: 'open', opensOn: '2026-02-01', closesOn: '2026-02-28' });
    const plan = (await as(planner).get(`/api/plans/${planId}`)).body;
    expect(plan.status).toBe('consultation');
    expect(plan.openRound.id).toBe(res.body.id);
    const inbox = (await as(member).get('/api/notifications')).body;
    expect(inbox[0]).toMatchObject({ kind: 'round_opened', link: `/rencana-aksi/${planId}` });
    expect((await as(member).get('/api/notifications/unread-count')).body).toEqual({ count: 1 });
    const again = await as(planner).post(`/api/plans/${planId}/rounds`, { opensOn: '2026-03-01', closesOn: '2026-03-02', invitedAgencyIds: [] });
    expect(again.status).toBe(409);
    const backwards = await as(planner).post(`/api/plans/${planId}/rounds`, { opensOn: '2026-03-05', closesOn: '2026-03-01', invitedAgencyIds: [] });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].path).toBe('closesOn');
  });

  it('lets the NGO member propose a new activity, and the planner accept it: the plan and its total change', async () => {
    const before = (await as(planner).get(`/api/plans/${planId}`)).body;
    const proposed = await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity(), rationale: 'Banyak anak putus sekolah direkrut calo.' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ kind: 'new_activity', status: 'open', proposer: { name: 'Anggota LSM Mitra', agencyName: 'LSM Mitra' }, endorsements: [], commentCount: 0 });
    expect(proposed.body.roundId).toEqual(expect.any(String));

    const accepted = await as(planner).post(`/api/proposals/${proposed.body.id}/accept`, { reason: 'Sejalan dengan strategi pencegahan' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: 'bappeda@demo.sinergi.id', resultActivityId: expect.any(String) });
    const after = (await as(planner).get(`/api/plans/${planId}`)).body;
    // 5.040.000.000 + 40.000.000 + 45.000.000
    expect(BigInt(after.totalCost) - BigInt(before.totalCost)).toBe(85000000n);
    const created = after.strategies[0].activities.find((a: { id: string }) => a.id === accepted.body.resultActivityId);
    expect(created).toMatchObject({ code: '1.4', title: 'Kelas parenting pencegahan perdagangan anak di desa' });
    const history = (await as(planner).get(`/api/activities/${created.id}/history`)).body;
    expect(history[0].action).toBe(`create (usulan ${proposed.body.id})`);
    const inbox = (await as(member).get('/api/notifications')).body;
    expect(inbox[0]).toMatchObject({ kind: 'proposal_accepted', title: 'Usulan Anda diterima' });
    // Deciding twice is refused.
    expect((await as(planner).post(`/api/proposals/${proposed.body.id}/reject`, { reason: 'x' })).status).toBe(409);
  });

  it('applies an accepted amendment with only the changed fields', async () => {
    const plan = (await as(planner).get(`/api/plans/${planId}`)).body;
    const target = plan.strategies[2].activities[0]; // 3.1 Pemulangan
    const proposal = await as(dinsos).post(`/api/plans/${planId}/proposals`, { kind: 'amendment', activityId: target.id, changes: { targets: { ...target.targets, '2026': '40' } } });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({ activityId: target.id, activityCode: '3.1' });
    await as(planner).post(`/api/proposals/${proposal.body.id}/accept`).expect(200);
    const updated = (await as(planner).get(`/api/activities/${target.id}`)).body;
    expect(updated.targets['2026']).toBe('40');
    expect(updated.title).toBe(target.title);
    expect(updated.costs).toEqual(target.costs);
    expect(updated.version).toBe(target.version + 1);
  });

  it('validates a proposal as strictly as a direct edit, naming the field inside changes', async () => {
    const bad = await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity({ costs: { '2031': '5' } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'changes.costs.2031', message: expect.stringContaining('di luar periode') }]);
    const unknownLead = await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity({ leadAgencyId: '00000000-0000-4000-8000-000000000000' }) });
    expect(unknownLead.body.details).toEqual([{ path: 'changes.leadAgencyId', message: 'instansi tidak ditemukan' }]);
    const noTarget = await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'amendment', changes: { title: 'x' } });
    expect(noTarget.body.details[0].path).toBe('activityId');
  });

  it('takes one endorsement per agency, lets a village propose and comment, but not decide', async () => {
    const proposed = await as(village).post(`/api/plans/${planId}/proposals`, {
      kind: 'new_activity',
      changes: newActivity({ title: 'Pos informasi migrasi aman di desa Oesao', leadAgencyId: ids.DPMD, regionCodes: ['53.01.06.2015'] }),
    });
    expect(proposed.status).toBe(201);
    const pid = proposed.body.id;
    expect((await as(dp3a).post(`/api/proposals/${pid}/endorsements`)).status).toBe(201);
    const twice = await as(dp3a).post(`/api/proposals/${pid}/endorsements`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('Instansi Anda sudah mendukung usulan ini');
    const village2 = await as(village).post(`/api/proposals/${pid}/endorsements`);
    expect(village2.status).toBe(201);
    expect(village2.body.endorsements.map((e: { name: string }) => e.name)).toEqual(['DP3A', 'Oesao']);

    const comment = await as(village).post(`/api/proposals/${pid}/comments`, { body: 'Banyak warga berangkat lewat calo.' });
    expect(comment.status).toBe(201);
    const reply = await as(member).post(`/api/proposals/${pid}/comments`, { body: 'Setuju, kami siap mendampingi.', parentId: comment.body.id });
    expect(reply.body).toMatchObject({ parentId: comment.body.id, author: { name: 'Anggota LSM Mitra', agencyName: 'LSM Mitra' } });
    expect((await as(planner).get(`/api/proposals/${pid}/comments`)).body).toHaveLength(2);

    expect((await as(village).post(`/api/proposals/${pid}/accept`)).status).toBe(403);
    expect((await as(village).post(`/api/plans/${planId}/transitions`, { to: 'review', version: 1 })).status).toBe(403);
    const viewerless = await as(member).post(`/api/proposals/${pid}/reject`, { reason: 'x' });
    expect(viewerless.status).toBe(403);
  });

  it('rejects only with a reason, and carries a proposal over so it is not lost', async () => {
    const a = (await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity({ title: 'Usulan A' }) })).body;
    const noReason = await as(planner).post(`/api/proposals/${a.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].path).toBe('reason');
    const rejected = await as(planner).post(`/api/proposals/${a.id}/reject`, { reason: 'Sudah dicakup kegiatan 1.1' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Sudah dicakup kegiatan 1.1' });
    expect((await as(member).get('/api/notifications')).body[0].body).toContain('Sudah dicakup kegiatan 1.1');

    const b = (await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity({ title: 'Usulan B' }) })).body;
    const carried = await as(planner).post(`/api/proposals/${b.id}/carry-over`, { toNextPlan: true, reason: 'Belum ada anggaran' });
    expect(carried.body).toMatchObject({ status: 'carried_over', carryOver: { toNextPlan: true } });
    expect((await as(planner).post(`/api/proposals/${b.id}/carry-over`, { toYear: 2027 })).status).toBe(409);

    // The next plan of the region lists it.
    const next = await as(planner).post('/api/plans', { regionCode: '53.01', title: 'RAD 2031–2035', startYear: 2031, endYear: 2035 });
    const inherited = (await as(planner).get(`/api/plans/${next.body.id}/carried-in`)).body;
    expect(inherited.map((p: { id: string }) => p.id)).toContain(b.id);
    expect(inherited.map((p: { id: string }) => p.id)).not.toContain(a.id);
  });

  it('lets the proposer withdraw, nobody else', async () => {
    const p = (await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity({ title: 'Usulan C' }) })).body;
    expect((await as(dinsos).post(`/api/proposals/${p.id}/withdraw`)).status).toBe(403);
    expect((await as(member).post(`/api/proposals/${p.id}/withdraw`)).body.status).toBe('withdrawn');
  });

  it('shows what each invited agency did in the round', async () => {
    const round = (await as(planner).get(`/api/plans/${planId}/rounds`)).body[0];
    const rows = (await as(planner).get(`/api/rounds/${round.id}/participation`)).body;
    const by = Object.fromEntries(rows.map((r: { shortName: string }) => [r.shortName, r]));
    expect(by['LSM Mitra']).toMatchObject({ proposals: 4, comments: 1, endorsements: 0 });
    expect(by.DP3A).toMatchObject({ proposals: 0, endorsements: 1 });
    expect(by.Dinsos).toMatchObject({ proposals: 1 });
  });

  it('stops taking proposals once the plan is in review', async () => {
    const { version } = (await as(planner).get(`/api/plans/${planId}`)).body;
    await as(planner).post(`/api/plans/${planId}/transitions`, { to: 'review', version }).expect(200);
    expect((await as(planner).get(`/api/plans/${planId}/rounds`)).body[0].status).toBe('closed');
    const late = await as(member).post(`/api/plans/${planId}/proposals`, { kind: 'new_activity', changes: newActivity() });
    expect(late.status).toBe(409);
  });

  it("marks notifications read, only one's own", async () => {
    const mine = (await as(member).get('/api/notifications')).body;
    expect((await as(dinsos).post(`/api/notifications/${mine[0].id}/read`)).status).toBe(404);
    await as(member).post(`/api/notifications/${mine[0].id}/read`).expect(204);
    await as(member).post('/api/notifications/read-all').expect(204);
    expect((await as(member).get('/api/notifications/unread-count')).body).toEqual({ count: 0 });
  });
});
