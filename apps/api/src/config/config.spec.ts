import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const VALID_SECRET = 'k'.repeat(32);
let cwd: string;

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'sinergi-config-'));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/** The problems loadConfig reports for `env`, or fails the test if it accepts it. */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults (development)', () => {
  it('runs on port 3000 with the demo workspace and data under <cwd>/.data', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      demo: true,
      dataDir: path.join(cwd, '.data'),
      databaseUrl: undefined,
      jwtTtlSeconds: 8 * 3600, // 8h
      logLevel: 'info',
      loginAttemptsPerWindow: 10,
      loginWindowSeconds: 900,
      webDist: path.join(cwd, 'dist/web/browser'),
    });
  });

  it('generates a JWT secret once, keeps it in .data/jwt-secret and reuses it, so restarts keep sessions', () => {
    const first = loadConfig({}, cwd).jwtSecret;
    const file = path.join(cwd, '.data', 'jwt-secret');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(first);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0); // readable by the owner only
    expect(loadConfig({}, cwd).jwtSecret).toBe(first);
  });

  it('replaces a damaged (empty or shortened) secret file instead of signing with a weak secret', () => {
    const file = path.join(cwd, '.data', 'jwt-secret');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'short');
    const secret = loadConfig({}, cwd).jwtSecret;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(secret);
  });

  it('uses JWT_SECRET when given and then writes no file', () => {
    expect(loadConfig({ JWT_SECRET: VALID_SECRET }, cwd).jwtSecret).toBe(VALID_SECRET);
    expect(() => statSync(path.join(cwd, '.data', 'jwt-secret'))).toThrow();
  });

  it('reads the variables it is given', () => {
    const config = loadConfig(
      { PORT: '8080', DATABASE_URL: 'postgres://sinergi:rahasia@db:5432/sinergi', JWT_TTL: '30m', DEMO: 'false', LOG_LEVEL: 'warn', DATA_DIR: 'var' },
      cwd,
    );
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://sinergi:rahasia@db:5432/sinergi', jwtTtlSeconds: 1800, demo: false, logLevel: 'warn' });
    expect(config.dataDir).toBe(path.join(cwd, 'var'));
  });
});

describe('loadConfig refuses a bad variable with one readable line naming it', () => {
  it.each<[string, Record<string, string>]>([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '0' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db:5432' }], // no database name
    ['JWT_TTL', { JWT_TTL: 'forever' }],
    ['JWT_TTL', { JWT_TTL: '10s' }], // below one minute
    ['JWT_TTL', { JWT_TTL: '31d' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['DEMO', { DEMO: 'maybe' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@bappeda.go.id' }],
    ['ADMIN_EMAIL', { ADMIN_PASSWORD: 'sandi-panjang-sekali' }],
    ['ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@bappeda.go.id', ADMIN_PASSWORD: 'pendek' }],
  ])('%s in %j', (variable, env) => {
    const found = problems(env);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(variable);
  });

  it('the error message itself carries the problem, for the one line printed at start-up', () => {
    expect(() => loadConfig({ PORT: 'abc' }, cwd)).toThrow(/PORT.*"abc"/);
  });

  it('reports several bad variables all at once', () => {
    const found = problems({ PORT: 'abc', JWT_TTL: 'forever', LOG_LEVEL: 'loud', DEMO: 'maybe' });
    expect(found).toHaveLength(4);
    for (const variable of ['PORT', 'JWT_TTL', 'LOG_LEVEL', 'DEMO']) expect(found.some((p) => p.includes(variable))).toBe(true);
  });

  it('does not create the secret file when the configuration is refused', () => {
    problems({ PORT: 'abc' });
    expect(() => statSync(path.join(cwd, '.data'))).toThrow();
  });
});

describe('loadConfig in production', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://sinergi:rahasia@db.internal:5432/sinergi', JWT_SECRET: VALID_SECRET };

  it('accepts a complete production configuration, with the demo off', () => {
    expect(loadConfig(production, cwd)).toMatchObject({ nodeEnv: 'production', demo: false, jwtSecret: VALID_SECRET });
  });

  it('refuses to start without DATABASE_URL or JWT_SECRET (no embedded database, no generated secret)', () => {
    const found = problems({ NODE_ENV: 'production' });
    expect(found).toHaveLength(2);
    expect(found.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(found.some((p) => p.startsWith('JWT_SECRET'))).toBe(true);
  });

  it('refuses DEMO=true, whose accounts have publicly known passwords', () => {
    const found = problems({ ...production, DEMO: 'true' });
    expect(found).toEqual([expect.stringContaining('DEMO')]);
  });

  it('DEMO=false is accepted', () => {
    expect(loadConfig({ ...production, DEMO: 'false' }, cwd).demo).toBe(false);
  });
});
