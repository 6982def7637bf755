import type {
  ActivityPriority,
  ActivityStatus,
  ActivityView,
  PlanStatus,
  PlanView,
  ProposalKind,
  ProposalStatus,
  ProposalView,
  Role,
  UserView,
  YearMap,
} from '@sinergi/contracts';
import { formatMoney } from '../../core/format';
import type { TKey } from '../../core/i18n';

/* Rules and labels shared by the plan screens. The server decides; these only shape what is offered. */

export const PLAN_STATUS_LABEL: Record<PlanStatus, TKey> = {
  draft: 'planStatus.draft',
  consultation: 'planStatus.consultation',
  review: 'planStatus.review',
  adopted: 'planStatus.adopted',
  revision: 'planStatus.revision',
};

/** Chip colour per status (classes of styles.css). */
export const PLAN_STATUS_CLASS: Record<PlanStatus, string> = {
  draft: 'badge-muted',
  consultation: 'badge',
  review: 'badge-warning',
  adopted: 'badge-success',
  revision: 'badge-warning',
};

/** The button that moves a plan to a status. */
export const TRANSITION_LABEL: Record<PlanStatus, TKey> = {
  draft: 'plan.transition.draft',
  consultation: 'plan.transition.consultation',
  review: 'plan.transition.review',
  adopted: 'plan.transition.adopted',
  revision: 'plan.transition.revision',
};

export const PROPOSAL_STATUS_LABEL: Record<ProposalStatus, TKey> = {
  open: 'proposalStatus.open',
  accepted: 'proposalStatus.accepted',
  rejected: 'proposalStatus.rejected',
  carried_over: 'proposalStatus.carried_over',
  withdrawn: 'proposalStatus.withdrawn',
};

export const PROPOSAL_STATUS_CLASS: Record<ProposalStatus, string> = {
  open: 'badge',
  accepted: 'badge-success',
  rejected: 'badge-danger',
  carried_over: 'badge-warning',
  withdrawn: 'badge-muted',
};

export const PROPOSAL_KIND_LABEL: Record<ProposalKind, TKey> = {
  new_activity: 'proposalKind.new_activity',
  amendment: 'proposalKind.amendment',
};

export const PRIORITY_LABEL: Record<ActivityPriority, TKey> = {
  high: 'priority.high',
  medium: 'priority.medium',
  low: 'priority.low',
};

export const ACTIVITY_STATUS_LABEL: Record<ActivityStatus, TKey> = {
  active: 'activityStatus.active',
  deferred: 'activityStatus.deferred',
  dropped: 'activityStatus.dropped',
};

/** Labels of activity fields, for error messages, diffs, history and amendments. */
export const FIELD_LABEL: Record<string, TKey> = {
  code: 'field.code',
  strategyCode: 'field.strategyCode',
  title: 'field.title',
  description: 'field.description',
  output: 'field.output',
  indicator: 'field.indicator',
  unit: 'field.unit',
  baseline: 'field.baseline',
  leadAgencyId: 'field.leadAgencyId',
  supportingAgencyIds: 'field.supportingAgencyIds',
  regionCodes: 'field.regionCodes',
  targets: 'field.targets',
  costs: 'field.costs',
  totalCost: 'field.totalCost',
  priority: 'field.priority',
  status: 'field.status',
  rationale: 'field.rationale',
  reason: 'field.reason',
  regionCode: 'field.regionCode',
  startYear: 'field.startYear',
  endYear: 'field.endYear',
  opensOn: 'field.opensOn',
  closesOn: 'field.closesOn',
  invitedAgencyIds: 'field.invitedAgencyIds',
  body: 'field.body',
  toYear: 'field.toYear',
  version: 'field.version',
  'legalBasis.number': 'field.legalBasisNumber',
  'legalBasis.date': 'field.legalBasisDate',
  legalBasis: 'field.legalBasisNumber',
};

/** "Biaya 2026" for `costs.2026`, "Nama kegiatan" for `title`, the path itself when unknown. */
export function fieldLabel(path: string, t: (key: TKey) => string): string {
  const strip = path.replace(/^changes\./, '');
  if (FIELD_LABEL[strip]) return t(FIELD_LABEL[strip]);
  const [head, ...rest] = strip.split('.');
  const key = FIELD_LABEL[head];
  if (!key) return path;
  const tail = rest.join('.');
  if (head === 'supportingAgencyIds' || head === 'regionCodes' || head === 'invitedAgencyIds') {
    return `${t(key)} #${Number(tail) + 1}`;
  }
  return `${t(key)} ${tail}`;
}

/** A RAD covers at most this many years (the server says so too). */
export const MAX_PLAN_YEARS = 10;

export type PlanHeaderField = 'title' | 'startYear' | 'endYear';

/** Client checks of a plan's title and period, by the field names the server's `details` use. */
export function planHeaderProblems(title: string, startYear: string, endYear: string): Partial<Record<PlanHeaderField, TKey>> {
  const p: Partial<Record<PlanHeaderField, TKey>> = {};
  if (!title.trim()) p.title = 'form.required';
  const start = Number(startYear);
  const end = Number(endYear);
  if (!/^\d{4}$/.test(startYear.trim())) p.startYear = 'plans.form.year';
  if (!/^\d{4}$/.test(endYear.trim())) p.endYear = 'plans.form.year';
  else if (!p.startYear && end < start) p.endYear = 'plans.form.endBeforeStart';
  else if (!p.startYear && end - start + 1 > MAX_PLAN_YEARS) p.endYear = 'plans.form.tooLong';
  return p;
}

export function periodYears(plan: { startYear: number; endYear: number }): number[] {
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  return years;
}

/** `53.01.04` is within `53.01` and `53`. */
export function isWithinRegion(code: string, parent: string): boolean {
  return code === parent || code.startsWith(`${parent}.`);
}

/** The province of a region code (`53` for `53.01`); null for a province. */
export function provinceOf(code: string): string | null {
  const province = code.split('.')[0];
  return province && province !== code ? province : null;
}

/** Admin, or a planner whose region covers the plan's region. */
export function canPlan(user: UserView | null, regionCode: string): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'planner' && !!user.regionCode && isWithinRegion(regionCode, user.regionCode);
}

/** Endorsements are per organisation: `agency:<agencyId>` or `desa:<villageCode>` (as the server keys them). */
export function endorserKeyOf(user: UserView | null): string | null {
  if (user?.agencyId) return `agency:${user.agencyId}`;
  if (user?.villageCode) return `desa:${user.villageCode}`;
  return null;
}

export const PARTICIPANT_ROLES: readonly Role[] = ['member', 'agency', 'village', 'planner', 'admin'];

export function isEditableStatus(status: PlanStatus): boolean {
  return status === 'draft' || status === 'consultation' || status === 'revision';
}

/** Activities may be deleted while the plan is a draft or a revision (not during consultation). */
export function isDeletableStatus(status: PlanStatus): boolean {
  return status === 'draft' || status === 'revision';
}

/**
 * A Rupiah amount typed by a person: dots, spaces and a leading "Rp" are dropped; what is left must
 * be digits. Returns the digit string without leading zeros (`"150.000.000"` → `"150000000"`),
 * `"0"` for an empty input, or null when it is not a whole Rupiah amount. Never a float.
 */
export function parseRupiah(text: string): string | null {
  const cleaned = text.replace(/^\s*rp\.?/i, '').replace(/[\s.\u00a0]/g, '');
  if (cleaned === '') return '0';
  if (!/^\d+$/.test(cleaned)) return null;
  return cleaned.replace(/^0+(?=\d)/, '');
}

/** Amounts in inputs are shown grouped (`150.000.000`) so a person can read them. */
export function groupDigits(digits: string): string {
  return /^\d+$/.test(digits) ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits;
}

const TARGET = /^\d{1,12}(\.\d{1,4})?$/;

/** A target per year: a non-negative number with an optional decimal comma or point (`12`, `12,5`). */
export function parseTarget(text: string): string | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return '';
  return TARGET.test(cleaned) ? cleaned : null;
}

export function sumDigits(values: Iterable<string | undefined>): string {
  let total = 0n;
  for (const v of values) if (v && /^-?\d+$/.test(v)) total += BigInt(v);
  return total.toString();
}

export function costOf(activity: { costs: YearMap }, year: number): string {
  return activity.costs[String(year)] ?? '0';
}

/**
 * Fills what a response may leave out (empty lists, empty year maps), so the screens never trip over
 * a missing array: `[]`, `{}`, and the defaults of the contract.
 */
export function normalizeActivity(a: ActivityView): ActivityView {
  return {
    ...a,
    supportingAgencyIds: a.supportingAgencyIds ?? [],
    regionCodes: a.regionCodes ?? [],
    targets: a.targets ?? {},
    costs: a.costs ?? {},
    priority: a.priority ?? 'medium',
    status: a.status ?? 'active',
  };
}

export function normalizePlan(plan: PlanView): PlanView {
  return {
    ...plan,
    allowedTransitions: plan.allowedTransitions ?? [],
    costs: plan.costs ?? {},
    strategies: (plan.strategies ?? []).map((s) => ({ ...s, costs: s.costs ?? {}, activities: (s.activities ?? []).map(normalizeActivity) })),
  };
}

export function normalizeProposal(p: ProposalView): ProposalView {
  return {
    ...p,
    changes: p.changes ?? {},
    endorsements: p.endorsements ?? [],
    commentCount: p.commentCount ?? 0,
    proposer: p.proposer ?? { id: '', name: '–' },
  };
}

/** The plan with one activity replaced (or removed), and every subtotal and total recomputed in BigInt. */
export function withActivity(plan: PlanView, activityId: string, next: ActivityView | null): PlanView {
  const years = periodYears(plan);
  const strategies = plan.strategies.map((s) => {
    let activities = s.activities.filter((a) => a.id !== activityId || (next && next.strategyCode === s.code));
    if (next && next.strategyCode === s.code) {
      const at = s.activities.findIndex((a) => a.id === activityId);
      const completed: ActivityView = { ...normalizeActivity(next), totalCost: sumDigits(years.map((y) => next.costs[String(y)])) };
      activities = at >= 0 ? activities.map((a) => (a.id === activityId ? completed : a)) : [...activities, completed];
    }
    const costs: YearMap = {};
    for (const y of years) costs[String(y)] = sumDigits(activities.map((a) => a.costs[String(y)]));
    return { ...s, activities, costs };
  });
  const costs: YearMap = {};
  for (const y of years) costs[String(y)] = sumDigits(strategies.map((s) => s.costs[String(y)]));
  return { ...plan, strategies, costs, totalCost: sumDigits(Object.values(costs)) };
}

export function findActivity(plan: PlanView | null, id: string | undefined): ActivityView | null {
  if (!plan || !id) return null;
  for (const s of plan.strategies) {
    const hit = s.activities.find((a) => a.id === id);
    if (hit) return hit;
  }
  return null;
}

export interface ValueContext {
  t: (key: TKey) => string;
  agencyName: (id: string) => string;
  strategyName: (code: number) => string;
}

function yearMapText(map: YearMap, money: boolean): string {
  const entries = Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return '–';
  return entries.map(([y, v]) => `${y}: ${money ? formatMoney(v) : v}`).join('; ');
}

/** A field's value as a person reads it: money in Rupiah, agencies by name, labels translated. */
export function formatFieldValue(field: string, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === '') return '–';
  const isMap = typeof value === 'object' && !Array.isArray(value);
  switch (field) {
    case 'costs':
      return isMap ? yearMapText(value as YearMap, true) : formatMoney(String(value));
    case 'targets':
      return isMap ? yearMapText(value as YearMap, false) : String(value);
    case 'totalCost':
      return formatMoney(String(value));
    case 'leadAgencyId':
      return ctx.agencyName(String(value));
    case 'supportingAgencyIds':
      return Array.isArray(value) ? (value.length ? value.map((id) => ctx.agencyName(String(id))).join(', ') : '–') : String(value);
    case 'regionCodes':
      return Array.isArray(value) ? (value.length ? value.join(', ') : '–') : String(value);
    case 'strategyCode':
      return ctx.strategyName(Number(value));
    case 'priority':
      return PRIORITY_LABEL[value as ActivityPriority] ? ctx.t(PRIORITY_LABEL[value as ActivityPriority]) : String(value);
    case 'status':
      return ACTIVITY_STATUS_LABEL[value as ActivityStatus] ? ctx.t(ACTIVITY_STATUS_LABEL[value as ActivityStatus]) : String(value);
  }
  if (Array.isArray(value)) return value.join(', ');
  if (isMap) return JSON.stringify(value);
  return String(value);
}

/** The field-by-field change between two objects of an audit entry (`oldValue` → `newValue`). */
export function changedFields(oldValue: unknown, newValue: unknown): { field: string; from: unknown; to: unknown }[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(oldValue) && !isObj(newValue)) return [];
  const a = isObj(oldValue) ? oldValue : {};
  const b = isObj(newValue) ? newValue : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => k !== 'version' && k !== 'id' && k !== 'updatedAt' && k !== 'createdAt',
  );
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, from: a[k], to: b[k] }));
}

/** A signed Rupiah change: `+Rp 1.000`, `−Rp 1.000`, `Rp 0`. */
export function formatDelta(delta: string): string {
  if (!/^-?\d+$/.test(delta) || /^-?0+$/.test(delta)) return formatMoney('0');
  return delta.startsWith('-') ? formatMoney(delta) : `+${formatMoney(delta)}`;
}

export function deltaSign(delta: string): 'up' | 'down' | 'none' {
  if (!/^-?\d+$/.test(delta) || /^-?0+$/.test(delta)) return 'none';
  return delta.startsWith('-') ? 'down' : 'up';
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface ReadableChange {
  /** "Biaya 2026", "Nama kegiatan". */
  label: string;
  from: string;
  to: string;
  money: boolean;
}

/**
 * Field changes as people read them: costs and targets split per year ("Biaya 2026: Rp 100.000.000
 * → Rp 150.000.000"), agencies by name, labels translated.
 */
export function readableChanges(changes: readonly { field: string; from: unknown; to: unknown }[], ctx: ValueContext): ReadableChange[] {
  const out: ReadableChange[] = [];
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const c of changes) {
    const label = FIELD_LABEL[c.field] ? ctx.t(FIELD_LABEL[c.field]) : c.field;
    if ((c.field === 'costs' || c.field === 'targets') && (isMap(c.from) || isMap(c.to))) {
      const a = isMap(c.from) ? c.from : {};
      const b = isMap(c.to) ? c.to : {};
      const years = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const y of years) {
        const from = a[y] ?? (c.field === 'costs' ? '0' : undefined);
        const to = b[y] ?? (c.field === 'costs' ? '0' : undefined);
        if (JSON.stringify(from) === JSON.stringify(to)) continue;
        out.push({
          label: `${label} ${y}`,
          from: formatFieldValue(c.field, from, ctx),
          to: formatFieldValue(c.field, to, ctx),
          money: c.field === 'costs',
        });
      }
      continue;
    }
    out.push({
      label,
      from: formatFieldValue(c.field, c.from, ctx),
      to: formatFieldValue(c.field, c.to, ctx),
      money: c.field === 'totalCost',
    });
  }
  return out;
}

/** The file name of the RAD matrix workbook, as the server names it: `rad-53.01-2026-2030.xlsx`. */
export function matrixFileName(plan: { regionCode: string; startYear: number; endYear: number }): string {
  return `rad-${plan.regionCode}-${plan.startYear}-${plan.endYear}.xlsx`;
}
