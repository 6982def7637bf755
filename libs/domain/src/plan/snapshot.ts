import type { FieldChange, LegalBasis, PlanDiff, PlanStatus, YearMap } from '@sinergi/contracts';

/**
 * A plan frozen at one moment: stored as JSON at every workflow transition (immutable), and built
 * on the fly for "current", so any two can be compared with `diffSnapshots`.
 */
export interface SnapshotActivity {
  id: string;
  code: string;
  strategyCode: number;
  title: string;
  description: string | null;
  output: string | null;
  indicator: string | null;
  unit: string | null;
  baseline: string | null;
  leadAgencyId: string;
  supportingAgencyIds: string[];
  regionCodes: string[];
  targets: YearMap;
  costs: YearMap;
  priority: string;
  status: string;
}

export interface PlanSnapshot {
  id: string;
  regionCode: string;
  title: string;
  startYear: number;
  endYear: number;
  status: PlanStatus;
  legalBasis: LegalBasis | null;
  activities: SnapshotActivity[];
}

export function totalOf(costs: YearMap): bigint {
  let total = 0n;
  for (const v of Object.values(costs)) total += BigInt(v);
  return total;
}

/** Sum of all activities' costs per year. */
export function costsByYear(activities: readonly { costs: YearMap }[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const a of activities) for (const [y, v] of Object.entries(a.costs)) out.set(Number(y), (out.get(Number(y)) ?? 0n) + BigInt(v));
  return out;
}

const COMPARED: (keyof SnapshotActivity)[] = [
  'code',
  'strategyCode',
  'title',
  'description',
  'output',
  'indicator',
  'unit',
  'baseline',
  'leadAgencyId',
  'supportingAgencyIds',
  'regionCodes',
  'targets',
  'costs',
  'priority',
  'status',
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Activities added, removed and changed (field by field) from `a` to `b`, and the cost per year. */
export function diffSnapshots(a: PlanSnapshot, b: PlanSnapshot, labels: { from: number | 'current'; to: number | 'current' }): PlanDiff {
  const before = new Map(a.activities.map((x) => [x.id, x]));
  const after = new Map(b.activities.map((x) => [x.id, x]));
  const brief = (x: SnapshotActivity) => ({ id: x.id, code: x.code, title: x.title, totalCost: totalOf(x.costs).toString() });
  const byCode = (p: { code: string }, q: { code: string }) => p.code.localeCompare(q.code, undefined, { numeric: true });

  const added = b.activities.filter((x) => !before.has(x.id)).map(brief).sort(byCode);
  const removed = a.activities.filter((x) => !after.has(x.id)).map(brief).sort(byCode);
  const changed: PlanDiff['changed'] = [];
  for (const x of b.activities) {
    const old = before.get(x.id);
    if (!old) continue;
    const fields: FieldChange[] = COMPARED.filter((f) => !same(old[f], x[f])).map((f) => ({ field: f, from: old[f], to: x[f] }));
    if (fields.length) changed.push({ id: x.id, code: x.code, title: x.title, fields });
  }
  changed.sort(byCode);

  const fromCosts = costsByYear(a.activities);
  const toCosts = costsByYear(b.activities);
  const years = [...new Set([...fromCosts.keys(), ...toCosts.keys()])].sort((p, q) => p - q);
  const costByYear = years.map((year) => {
    const from = fromCosts.get(year) ?? 0n;
    const to = toCosts.get(year) ?? 0n;
    return { year, from: from.toString(), to: to.toString(), delta: (to - from).toString() };
  });
  const totalFrom = [...fromCosts.values()].reduce((s, v) => s + v, 0n);
  const totalTo = [...toCosts.values()].reduce((s, v) => s + v, 0n);
  return {
    from: labels.from,
    to: labels.to,
    added,
    removed,
    changed,
    costByYear,
    totals: { from: totalFrom.toString(), to: totalTo.toString(), delta: (totalTo - totalFrom).toString() },
  };
}
