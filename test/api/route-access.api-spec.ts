import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../../apps/api/src/common/access.decorators';
import { startTestApp, type TestApp } from '../support/test-app';

interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/** Every route the API serves, read from the controllers Nest actually loaded. */
function routes(t: TestApp): Route[] {
  const out: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as { prototype: Record<string, unknown> } | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, type)) as AccessRule | undefined;
        out.push({ method, path: `/api/${[base, String(sub)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'), rule });
      }
    }
  }
  return out;
}

describe('every route has an explicit access rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of every controller', () => {
    const all = routes(t).map((r) => `${r.method} ${r.path}`);
    expect(all).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/regions', 'GET /api/admin/users', 'GET /api/health']));
    expect(all.length).toBeGreaterThan(15);
  });

  it('has no route without a rule', () => {
    const missing = routes(t).filter((r) => !r.rule);
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('keeps the public routes to sign-in and health', () => {
    const open = routes(t)
      .filter((r) => r.rule?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual(['GET /api/health', 'POST /api/auth/login']);
  });

  it('answers 401 on every other route when no token is sent', async () => {
    const failures: string[] = [];
    for (const r of routes(t).filter((x) => x.rule?.kind !== 'public')) {
      const path = r.path.replace(/:(\w+)/g, (_, name: string) => (name === 'code' ? '53.01' : '00000000-0000-4000-8000-000000000000'));
      const res = await t.http[r.method.toLowerCase() as 'get'](path).send({});
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a role outside a route rule with 403 on every role-restricted route', async () => {
    const viewerToken = await t.login('desa.oesao@demo.sinergi.id'); // village: in no admin/planner rule
    const failures: string[] = [];
    for (const r of routes(t).filter((x) => x.rule?.kind === 'roles' && !x.rule.roles.includes('village'))) {
      const path = r.path.replace(/:(\w+)/g, () => '00000000-0000-4000-8000-000000000000');
      const res = await t.http[r.method.toLowerCase() as 'get'](path).set('Authorization', `Bearer ${viewerToken}`).send({});
      if (res.status !== 403) failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('serves the OpenAPI document describing the contract paths', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/regions', '/api/agencies', '/api/budget-codes', '/api/activities/{id}/allocations', '/api/villages/{code}/apbdes']),
    );
  });

  it('sends security headers and a request id, and answers an unknown API path with the contract 404', async () => {
    const res = await t.http.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reports health with the database up and migrations applied', async () => {
    expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok', database: 'up', migrations: 'applied', demo: true });
  });
});
