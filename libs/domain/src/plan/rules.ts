import type { ActivityInput, ActivityPriority, ActivityStatus, FieldError, YearMap } from '@sinergi/contracts';
import { ACTIVITY_PRIORITIES, ACTIVITY_STATUSES } from '@sinergi/contracts';
import { DomainError } from '../domain-error';
import { parseMoney } from '../money';
import { isRegionCode } from '../region-code';

/** Limits a planner will never reach with real content but that stop garbage. */
export const LIMITS = {
  maxPeriodYears: 10,
  minYear: 2000,
  maxYear: 2100,
  title: 500,
  description: 5000,
  text: 1000,
  unit: 100,
  baseline: 200,
  supportingAgencies: 50,
  regionCodes: 500,
} as const;

export const STRATEGY_CODES = [1, 2, 3, 4, 5, 6] as const;

export interface PlanPeriod {
  startYear: number;
  endYear: number;
}

export function periodYears(p: PlanPeriod): number[] {
  const years: number[] = [];
  for (let y = p.startYear; y <= p.endYear; y++) years.push(y);
  return years;
}

/** Collects every problem before throwing once, so a form shows all its errors together. */
class Problems {
  readonly list: FieldError[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length) {
      throw new DomainError('VALIDATION_FAILED', `Input tidak valid: ${this.list.map((p) => p.path).join(', ')}`, this.list);
    }
  }
}

export function validatePeriod(p: PlanPeriod, problems = new Problems()): Problems {
  for (const [field, year] of [['startYear', p.startYear], ['endYear', p.endYear]] as const) {
    if (!Number.isInteger(year) || year < LIMITS.minYear || year > LIMITS.maxYear) {
      problems.add(field, `harus tahun antara ${LIMITS.minYear} dan ${LIMITS.maxYear}`);
    }
  }
  if (problems.list.length === 0) {
    if (p.endYear < p.startYear) problems.add('endYear', 'tidak boleh sebelum tahun mulai');
    else if (p.endYear - p.startYear + 1 > LIMITS.maxPeriodYears) {
      problems.add('endYear', `periode rencana paling lama ${LIMITS.maxPeriodYears} tahun`);
    }
  }
  return problems;
}

export function assertValidPeriod(p: PlanPeriod): void {
  validatePeriod(p).throwIfAny();
}

/** An activity's fields after validation: money as bigint per year, years as numbers. */
export interface ActivityDraft {
  strategyCode?: number;
  title?: string;
  description?: string | null;
  output?: string | null;
  indicator?: string | null;
  unit?: string | null;
  baseline?: string | null;
  leadAgencyId?: string;
  supportingAgencyIds?: string[];
  regionCodes?: string[];
  targets?: Map<number, string>;
  costs?: Map<number, bigint>;
  priority?: ActivityPriority;
  status?: ActivityStatus;
}

const TARGET = /^\d{1,12}(\.\d{1,4})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function yearKey(key: string, period: PlanPeriod, path: string, problems: Problems): number | undefined {
  if (!/^\d{4}$/.test(key)) {
    problems.add(path, 'kunci harus tahun empat angka, misalnya "2026"');
    return undefined;
  }
  const year = Number(key);
  if (year < period.startYear || year > period.endYear) {
    problems.add(path, `tahun ${year} di luar periode rencana ${period.startYear}–${period.endYear}`);
    return undefined;
  }
  return year;
}

function text(value: unknown, path: string, max: number, problems: Problems, required: boolean): string | null | undefined {
  if (value === undefined) {
    if (required) problems.add(path, 'wajib diisi');
    return undefined;
  }
  if (value === null || value === '') {
    if (required) problems.add(path, 'wajib diisi');
    return null;
  }
  if (typeof value !== 'string') {
    problems.add(path, 'harus berupa teks');
    return undefined;
  }
  const trimmed = value.trim();
  if (required && !trimmed) problems.add(path, 'wajib diisi');
  else if (trimmed.length > max) problems.add(path, `maksimal ${max} karakter`);
  return trimmed || null;
}

/**
 * Validates an activity's fields against its plan's period. `partial` is for PATCH and
 * amendments: only the fields present are checked and returned. Every problem names its field
 * (`costs.2031`, `supportingAgencyIds.2`) and nothing is half-applied: the caller gets either a
 * complete draft or one VALIDATION_FAILED with all the problems.
 */
export function validateActivity(input: Partial<ActivityInput>, period: PlanPeriod, partial: boolean): ActivityDraft {
  const problems = new Problems();
  const draft: ActivityDraft = {};
  const has = (key: keyof ActivityInput) => !partial || input[key] !== undefined;

  if (has('strategyCode')) {
    if (!STRATEGY_CODES.includes(input.strategyCode as (typeof STRATEGY_CODES)[number])) {
      problems.add('strategyCode', 'strategi tidak dikenal: pilih 1–6 (strategi RAN PP-TPPO)');
    } else draft.strategyCode = input.strategyCode;
  }
  if (has('title')) {
    const title = text(input.title, 'title', LIMITS.title, problems, true);
    if (title) draft.title = title;
  }
  const optionalTexts = [
    ['description', LIMITS.description],
    ['output', LIMITS.text],
    ['indicator', LIMITS.text],
    ['unit', LIMITS.unit],
    ['baseline', LIMITS.baseline],
  ] as const;
  for (const [field, max] of optionalTexts) {
    if (input[field] !== undefined) {
      const value = text(input[field], field, max, problems, false);
      if (value !== undefined) draft[field] = value;
    }
  }
  if (has('leadAgencyId')) {
    if (typeof input.leadAgencyId !== 'string' || !UUID.test(input.leadAgencyId)) problems.add('leadAgencyId', 'wajib: pilih instansi penanggung jawab');
    else draft.leadAgencyId = input.leadAgencyId.toLowerCase();
  }
  if (input.supportingAgencyIds !== undefined) {
    const ids = input.supportingAgencyIds;
    if (!Array.isArray(ids)) problems.add('supportingAgencyIds', 'harus berupa daftar');
    else if (ids.length > LIMITS.supportingAgencies) problems.add('supportingAgencyIds', `paling banyak ${LIMITS.supportingAgencies} instansi`);
    else {
      ids.forEach((id, i) => {
        if (typeof id !== 'string' || !UUID.test(id)) problems.add(`supportingAgencyIds.${i}`, 'harus berupa id instansi');
      });
      // UUIDs are case-insensitive (PostgreSQL stores them lower-case): dedupe them as such.
      draft.supportingAgencyIds = [...new Set(ids.map((id) => String(id).toLowerCase()))];
    }
  }
  if (input.regionCodes !== undefined) {
    const codes = input.regionCodes;
    if (!Array.isArray(codes)) problems.add('regionCodes', 'harus berupa daftar');
    else if (codes.length > LIMITS.regionCodes) problems.add('regionCodes', `paling banyak ${LIMITS.regionCodes} lokasi`);
    else {
      codes.forEach((c, i) => {
        if (typeof c !== 'string' || !isRegionCode(c)) problems.add(`regionCodes.${i}`, 'bukan kode wilayah Kemendagri');
      });
      draft.regionCodes = [...new Set(codes)];
    }
  }
  if (has('costs')) draft.costs = yearMoney(input.costs, 'costs', period, problems, !partial);
  if (input.targets !== undefined) draft.targets = yearTargets(input.targets, 'targets', period, problems);
  if (input.priority !== undefined) {
    if (!ACTIVITY_PRIORITIES.includes(input.priority)) problems.add('priority', 'harus high, medium atau low');
    else draft.priority = input.priority;
  }
  if (input.status !== undefined) {
    if (!ACTIVITY_STATUSES.includes(input.status)) problems.add('status', 'harus active, deferred atau dropped');
    else draft.status = input.status;
  }
  problems.throwIfAny();
  return draft;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function yearMoney(value: unknown, path: string, period: PlanPeriod, problems: Problems, required: boolean): Map<number, bigint> | undefined {
  if (value === undefined && !required) return undefined;
  if (!isPlainObject(value)) {
    problems.add(path, 'harus berupa objek tahun → jumlah Rupiah, misalnya {"2026": "150000000"}');
    return undefined;
  }
  const out = new Map<number, bigint>();
  for (const [key, raw] of Object.entries(value)) {
    const year = yearKey(key, period, `${path}.${key}`, problems);
    if (year === undefined) continue;
    const amount = moneyOrProblem(raw, `${path}.${key}`, problems);
    if (amount !== undefined) out.set(year, amount);
  }
  return out;
}

/** parseMoney, collecting its problem instead of throwing, so every field is reported at once. */
function moneyOrProblem(raw: unknown, path: string, problems: Problems): bigint | undefined {
  try {
    return parseMoney(raw, path);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const d of error.details as { path: string; message: string }[]) problems.add(d.path, d.message);
    return undefined;
  }
}

function yearTargets(value: unknown, path: string, period: PlanPeriod, problems: Problems): Map<number, string> | undefined {
  if (!isPlainObject(value)) {
    problems.add(path, 'harus berupa objek tahun → target, misalnya {"2026": "12"}');
    return undefined;
  }
  const out = new Map<number, string>();
  for (const [key, raw] of Object.entries(value)) {
    const year = yearKey(key, period, `${path}.${key}`, problems);
    if (year === undefined) continue;
    const t = typeof raw === 'number' ? String(raw) : raw;
    if (typeof t !== 'string' || !TARGET.test(t.trim())) problems.add(`${path}.${key}`, 'target harus angka tidak negatif (contoh "12" atau "12.5")');
    else out.set(year, t.trim());
  }
  return out;
}

export function yearMapFromMoney(costs: Map<number, bigint>): YearMap {
  const out: YearMap = {};
  for (const [year, amount] of [...costs.entries()].sort((a, b) => a[0] - b[0])) out[String(year)] = amount.toString();
  return out;
}

export function yearMapFromTargets(targets: Map<number, string>): YearMap {
  const out: YearMap = {};
  for (const [year, value] of [...targets.entries()].sort((a, b) => a[0] - b[0])) out[String(year)] = value;
  return out;
}
