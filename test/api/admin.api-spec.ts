import { BootstrapService } from '../../apps/api/src/bootstrap/bootstrap.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('administration: users, agencies, task-force membership', () => {
  let t: TestApp;
  let admin: string;
  let planner: string;
  const as = (token: string) => ({
    get: (p: string) => t.http.get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string, body: object) => t.http.post(p).set('Authorization', `Bearer ${token}`).send(body),
    patch: (p: string, body: object) => t.http.patch(p).set('Authorization', `Bearer ${token}`).send(body),
    delete: (p: string) => t.http.delete(p).set('Authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin@demo.sinergi.id');
    planner = await t.login('bappeda@demo.sinergi.id');
  });
  afterAll(() => t.close());

  async function agencyId(shortName: string): Promise<string> {
    const [row] = await t.sql<{ id: string }>('SELECT id FROM agency WHERE short_name = $1', [shortName]);
    return row.id;
  }

  it('pages, searches and sorts users', async () => {
    const page = await as(admin).get('/api/admin/users?pageSize=2&page=1&sort=email');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(page.body.items.map((u: { email: string }) => u.email)).toEqual(['admin@demo.sinergi.id', 'bappeda@demo.sinergi.id']);
    expect(page.body.items[0]).not.toHaveProperty('passwordHash');
    const search = await as(admin).get('/api/admin/users?q=OESAO');
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(['desa.oesao@demo.sinergi.id']);
  });

  it('creates a user who can then sign in, and records who created it', async () => {
    const res = await as(admin).post('/api/admin/users', {
      email: 'Staf.Disnaker@KupangKab.go.id',
      name: 'Staf Disnaker',
      password: 'kata-sandi-panjang-1',
      role: 'agency',
      agencyId: await agencyId('Disnaker'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'staf.disnaker@kupangkab.go.id', role: 'agency', active: true, version: 1 });
    const login = await t.http.post('/api/auth/login').send({ email: 'staf.disnaker@kupangkab.go.id', password: 'kata-sandi-panjang-1' });
    expect(login.status).toBe(200);
    const [audit] = await t.sql<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_entry WHERE entity = 'user' AND entity_id = $1`, [res.body.id]);
    const [adminRow] = await t.sql<{ id: string }>(`SELECT id FROM app_user WHERE email = 'admin@demo.sinergi.id'`);
    expect(audit).toEqual({ action: 'create', actor_id: adminRow.id });
    const hash = await t.sql<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [res.body.id]);
    expect(hash[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate email with 409 and writes nothing', async () => {
    const before = await t.sql('SELECT count(*)::int AS n FROM app_user');
    const res = await as(admin).post('/api/admin/users', { email: 'DINSOS@demo.sinergi.id', name: 'X', password: 'kata-sandi-panjang-1', role: 'viewer' });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([{ path: 'email', message: 'sudah terdaftar' }]);
    expect(await t.sql('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
  });

  it('requires the scope that goes with the role, and refuses a kelurahan for a village official', async () => {
    const noAgency = await as(admin).post('/api/admin/users', { email: 'a1@x.id', name: 'A', password: 'kata-sandi-panjang-1', role: 'agency' });
    expect(noAgency.status).toBe(400);
    expect(noAgency.body.details).toEqual([{ path: 'agencyId', message: 'wajib untuk peran agency' }]);
    const kelurahan = await as(admin).post('/api/admin/users', {
      email: 'a2@x.id',
      name: 'A',
      password: 'kata-sandi-panjang-1',
      role: 'village',
      villageCode: '53.01.06.1004',
    });
    expect(kelurahan.status).toBe(400);
    expect(kelurahan.body.details[0].path).toBe('villageCode');
    expect(kelurahan.body.details[0].message).toMatch(/kelurahan/);
    const shortPassword = await as(admin).post('/api/admin/users', { email: 'a3@x.id', name: 'A', password: 'pendek', role: 'viewer' });
    expect(shortPassword.body.details).toEqual([{ path: 'password', message: 'minimal 12 karakter' }]);
  });

  it('updates a user with optimistic locking and refuses a stale version with 409', async () => {
    const [u] = await t.sql<{ id: string; version: number }>(`SELECT id, version FROM app_user WHERE email = 'lsm@demo.sinergi.id'`);
    const ok = await as(admin).patch(`/api/admin/users/${u.id}`, { version: u.version, name: 'Anggota LSM (diubah)' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(u.version + 1);
    const stale = await as(admin).patch(`/api/admin/users/${u.id}`, { version: u.version, name: 'Lagi' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const [row] = await t.sql<{ name: string }>('SELECT name FROM app_user WHERE id = $1', [u.id]);
    expect(row.name).toBe('Anggota LSM (diubah)');
  });

  it('does not let an admin lock themselves out', async () => {
    const [me] = await t.sql<{ id: string; version: number }>(`SELECT id, version FROM app_user WHERE email = 'admin@demo.sinergi.id'`);
    const res = await as(admin).patch(`/api/admin/users/${me.id}`, { version: me.version, active: false });
    expect(res.status).toBe(409);
  });

  it('lets a planner add an agency in their region but not in another, and keeps short names unique per region', async () => {
    const ok = await as(planner).post('/api/agencies', { name: 'Kejaksaan Negeri Kabupaten Kupang', shortName: 'Kejari', kind: 'vertical', regionCode: '53.01' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ shortName: 'Kejari', mandates: [], version: 1 });
    const other = await as(planner).post('/api/agencies', { name: 'Dinas Sosial Kota Kupang', shortName: 'Dinsos', kind: 'opd', regionCode: '53.71' });
    expect(other.status).toBe(403);
    const duplicate = await as(planner).post('/api/agencies', { name: 'Dinas Sosial lain', shortName: 'Dinsos', kind: 'opd', regionCode: '53.01' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details[0].path).toBe('shortName');
    const badMandate = await as(planner).post('/api/agencies', { name: 'X', shortName: 'X', kind: 'opd', regionCode: '53.01', mandates: ['2.8'] });
    expect(badMandate.status).toBe(400);
    expect(badMandate.body.details[0].path).toBe('mandates');
  });

  it('edits an agency with its version, records old and new values, and refuses agency staff', async () => {
    const id = await agencyId('Dukcapil');
    const res = await as(planner).patch(`/api/agencies/${id}`, { version: 1, mandates: ['2.12', '2.08'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mandates: ['2.12', '2.08'], version: 2 });
    const [audit] = await t.sql<{ old_value: unknown; new_value: unknown }>(
      `SELECT old_value, new_value FROM audit_entry WHERE entity = 'agency' AND entity_id = $1 AND action = 'update'`,
      [id],
    );
    expect(audit).toEqual({ old_value: { mandates: ['2.12'] }, new_value: { mandates: ['2.12', '2.08'] } });
    const history = await as(planner).get(`/api/audit?entity=agency&entityId=${id}`);
    expect(history.body[0]).toMatchObject({ action: 'update', actorEmail: 'bappeda@demo.sinergi.id' });
    const stale = await as(planner).patch(`/api/agencies/${id}`, { version: 1, name: 'X' });
    expect(stale.status).toBe(409);
    const agencyUser = await t.login('dp3a@demo.sinergi.id');
    expect((await as(agencyUser).patch(`/api/agencies/${id}`, { version: 2, name: 'X' })).status).toBe(403);
  });

  it('keeps the audit trail append-only at the database', async () => {
    await expect(t.sql('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    await expect(t.sql(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('adds and removes task-force members', async () => {
    const [force] = (await as(planner).get('/api/task-forces?regionCode=53.01')).body;
    expect(force).toMatchObject({ regionCode: '53.01', name: 'Gugus Tugas PP-TPPO Kabupaten Kupang' });
    expect(force.members.length).toBe(13);
    const created = await as(planner).post('/api/agencies', { name: 'Imigrasi Kelas I Kupang', shortName: 'Imigrasi', kind: 'vertical', regionCode: '53.01' });
    const added = await as(planner).post(`/api/task-forces/${force.id}/members`, { agencyId: created.body.id });
    expect(added.status).toBe(201);
    expect(added.body.members.map((m: { shortName: string }) => m.shortName)).toContain('Imigrasi');
    expect((await as(planner).post(`/api/task-forces/${force.id}/members`, { agencyId: created.body.id })).status).toBe(409);
    const removed = await as(planner).delete(`/api/task-forces/${force.id}/members/${created.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m: { shortName: string }) => m.shortName)).not.toContain('Imigrasi');
    const member = await t.login('lsm@demo.sinergi.id');
    expect((await as(member).post(`/api/task-forces/${force.id}/members`, { agencyId: created.body.id })).status).toBe(403);
  });

  it("creates a production install's first admin from ADMIN_EMAIL/ADMIN_PASSWORD only when no active admin exists", async () => {
    const bootstrap = t.app.get(BootstrapService);
    await bootstrap.ensureAdmin('kepala@bappeda.example.go.id', 'frasa-sandi-panjang');
    expect(await t.sql(`SELECT 1 FROM app_user WHERE email = 'kepala@bappeda.example.go.id'`)).toEqual([]); // demo admin exists
    await t.sql(`UPDATE app_user SET active = false WHERE role = 'admin'`);
    await bootstrap.ensureAdmin('Kepala@Bappeda.example.go.id', 'frasa-sandi-panjang');
    const res = await t.http.post('/api/auth/login').send({ email: 'kepala@bappeda.example.go.id', password: 'frasa-sandi-panjang' });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('admin');
  });
});
