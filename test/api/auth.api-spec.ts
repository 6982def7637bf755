import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in and the error contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
  });
  afterAll(() => t.close());

  it('signs in the Bappeda planner with the demo password and returns a token and the scoped user', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'bappeda@demo.sinergi.id', password: 'sinergi-demo' });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: 'bappeda@demo.sinergi.id',
      name: expect.any(String),
      role: 'planner',
      agencyId: expect.any(String),
      regionCode: '53.01',
    });
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('bappeda@demo.sinergi.id');
  });

  it('treats the email case-insensitively', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'DP3A@Demo.Sinergi.ID', password: 'sinergi-demo' });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('agency');
  });

  it('answers a wrong password with 401 in the contract body, without saying which part was wrong', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'dinsos@demo.sinergi.id', password: 'salah' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Email atau kata sandi salah', requestId: expect.any(String) });
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@demo.sinergi.id', password: 'salah' });
    expect(unknown.body.message).toBe(res.body.message);
  });

  it('refuses a request without a token, and a forged token, with 401', async () => {
    const none = await t.http.get('/api/regions?parent=53.01');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await t.http.get('/api/regions').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x');
    expect(forged.status).toBe(401);
  });

  it('refuses a village user on an admin endpoint with 403', async () => {
    const token = await t.login('desa.oesao@demo.sinergi.id');
    const res = await t.http.get('/api/admin/users').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.co",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ path: 'body', message: 'JSON tidak valid' }]);
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('answers unknown and invalid fields with 400 naming each field', async () => {
    const unknown = await t.http.post('/api/auth/login').send({ email: 'a@b.co', password: 'x', role: 'admin' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ path: 'role', message: 'kolom ini tidak dikenal' }]);
    const invalid = await t.http.post('/api/auth/login').send({ email: 'not-an-email' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
  });

  it('throttles repeated failures for one email and address with 429, while other accounts still sign in', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await t.http.post('/api/auth/login').send({ email: 'lsm@demo.sinergi.id', password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await t.http.post('/api/auth/login').send({ email: 'lsm@demo.sinergi.id', password: 'sinergi-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await t.http.post('/api/auth/login').send({ email: 'admin@demo.sinergi.id', password: 'sinergi-demo' })).status).toBe(200);
  });

  it('stops honouring the token of a deactivated account at once', async () => {
    const token = await t.login('dinsos@demo.sinergi.id');
    await t.sql(`UPDATE app_user SET active = false WHERE email = 'dinsos@demo.sinergi.id'`);
    const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    await t.sql(`UPDATE app_user SET active = true WHERE email = 'dinsos@demo.sinergi.id'`);
  });

  it('rejects an expired token', async () => {
    const short = await startTestApp({ JWT_TTL: '60s' });
    try {
      const token = await short.login('admin@demo.sinergi.id');
      const [, payload] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(60);
    } finally {
      await short.close();
    }
  });
});
