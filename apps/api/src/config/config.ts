import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Configuration, read once from the environment and validated before anything starts, so a typo
 * in a variable stops the process with one readable line instead of a stack trace later on.
 * Every variable is listed in .env.example and in the README.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** External PostgreSQL; when absent an embedded cluster runs under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** Seed the Kupang demo workspace into an empty database. Never in production. */
  demo: boolean;
  loginAttemptsPerWindow: number;
  loginWindowSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  webDist: string;
  /** First admin for a production install (demo mode has its own accounts). */
  adminEmail?: string;
  adminPassword?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

type Env = Record<string, string | undefined>;

function parseDuration(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  const factor = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? 's'] ?? 1;
  return Number(m[1]) * factor;
}

function parseIntIn(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} harus bilangan bulat ${min}–${max} (sekarang: "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

/** A JWT secret for development: made once, kept under .data so restarts keep sessions valid. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept; // a damaged or hand-shortened file is replaced below
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV harus development, production atau test (sekarang: "${nodeEnvRaw}")`);
  }
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';

  const port = parseIntIn(env, 'PORT', 3000, 1, 65535, problems);
  const embeddedPgPort = parseIntIn(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535, problems);
  const loginAttemptsPerWindow = parseIntIn(env, 'LOGIN_MAX_ATTEMPTS', 10, 1, 10000, problems);
  const loginWindowSeconds = parseIntIn(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400, problems);

  let databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl) {
    let ok = false;
    try {
      const u = new URL(databaseUrl);
      ok = (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && !!u.hostname && u.pathname.length > 1;
    } catch {
      ok = false;
    }
    if (!ok) {
      problems.push('DATABASE_URL harus berbentuk postgres://pengguna:sandi@host:5432/namadb');
      databaseUrl = undefined;
    }
  } else if (production) {
    problems.push('DATABASE_URL wajib diisi saat NODE_ENV=production (PostgreSQL tertanam hanya untuk pengembangan dan demo)');
  }

  const dataDir = path.resolve(cwd, env.DATA_DIR || '.data');

  const ttlRaw = env.JWT_TTL ?? '8h';
  const jwtTtlSeconds = parseDuration(ttlRaw) ?? 0;
  if (jwtTtlSeconds < 60 || jwtTtlSeconds > 30 * 86400) {
    problems.push(`JWT_TTL harus durasi antara 60s dan 30d, misalnya 8h atau 30m (sekarang: "${ttlRaw}")`);
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET minimal 32 karakter');
  if (!jwtSecret && production) problems.push('JWT_SECRET wajib diisi saat NODE_ENV=production (minimal 32 karakter acak)');

  const demoRaw = env.DEMO ?? (production ? 'false' : 'true');
  if (!['true', 'false'].includes(demoRaw)) problems.push(`DEMO harus true atau false (sekarang: "${demoRaw}")`);
  const demo = demoRaw === 'true' && !production;
  if (demoRaw === 'true' && production && env.DEMO !== undefined) {
    problems.push('DEMO=true tidak diizinkan saat NODE_ENV=production (akun demo memakai sandi yang diketahui umum)');
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push(`LOG_LEVEL harus debug, info, warn atau error (sekarang: "${logLevel}")`);

  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL bukan alamat email yang valid');
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL dan ADMIN_PASSWORD harus diisi bersama');
  if (adminPassword && adminPassword.length < 12) problems.push('ADMIN_PASSWORD minimal 12 karakter');

  if (problems.length) throw new ConfigError(problems);
  if (!jwtSecret) jwtSecret = developmentSecret(dataDir);

  return {
    nodeEnv,
    port,
    databaseUrl,
    dataDir,
    embeddedPgPort,
    jwtSecret,
    jwtTtlSeconds,
    demo,
    loginAttemptsPerWindow,
    loginWindowSeconds,
    logLevel,
    webDist: path.resolve(cwd, env.WEB_DIST || 'dist/web/browser'),
    adminEmail,
    adminPassword,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
