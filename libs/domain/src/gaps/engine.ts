import { GAP_FLAGS, type AllocationSource, type BudgetSource, type GapFlag, type GovernmentLevel, type LineWarning } from '@sinergi/contracts';
import { allocateByWeights, sumMoney } from '../money';
import { latestStage, type StageRecord } from '../allocation/stages';
import { splitLine, type TagClaim } from '../allocation/split';
import { lineWarnings } from '../allocation/warnings';
import { isDesa, isWithinRegion } from '../region-code';

/**
 * The gap engine: for each activity of a plan and each fiscal year, the need (the activity's
 * costs), what is allocated to it (per budget line only its latest stage, split among the line's
 * tags by the split rule, plus approved and disbursed tactical-fund drawdowns), what is realised
 * where known, the gap and the flags. Pure: the API loads rows with one query per table and the
 * benchmark compares the totals with hand-written SQL.
 */


export interface GapActivityInput {
  id: string;
  code: string;
  title: string;
  strategyCode: number;
  leadAgencyId: string | null;
  /** Need per fiscal year. */
  costs: ReadonlyMap<number, bigint>;
  /** Where the activity happens: desa, kecamatan or the whole region (empty). */
  locations: readonly string[];
}

export interface GapLineInput {
  id: string;
  source: BudgetSource;
  fiscalYear: number;
  agencyId: string | null;
  villageCode: string | null;
  budgetCode: string;
  mandates: readonly string[];
  retired: boolean;
  stages: readonly StageRecord[];
  /** Sum of the realised quarters, null when none recorded. */
  realised: bigint | null;
  tags: readonly (TagClaim & { activityId: string })[];
}

export interface GapDrawdownInput {
  activityId: string;
  fiscalYear: number;
  amount: bigint;
  status: 'approved' | 'disbursed' | 'settled';
}

export interface GapInput {
  planLevel: GovernmentLevel;
  years: readonly number[];
  /** ISO date (YYYY-MM-DD) the report is made for: a fiscal year has begun on its 1 January. */
  today: string;
  activities: readonly GapActivityInput[];
  lines: readonly GapLineInput[];
  drawdowns: readonly GapDrawdownInput[];
}

export interface ActivityYearGap {
  activityId: string;
  fiscalYear: number;
  need: bigint;
  allocated: bigint;
  bySource: Record<AllocationSource, bigint>;
  realised: bigint;
  gap: bigint;
  flags: GapFlag[];
  /** Budget lines counted here (for the drill-down from an activity to its lines). */
  lineIds: string[];
}

const emptySources = (): Record<AllocationSource, bigint> => ({ APBD: 0n, APBDES: 0n, APBN: 0n, OTHER: 0n, POOL: 0n });

/** The flags of money against need: UNFUNDED, UNDERFUNDED, OVERFUNDED (none when they match). */
export function fundingFlag(need: bigint, allocated: bigint): GapFlag | undefined {
  if (need > 0n && allocated === 0n) return 'UNFUNDED';
  if (allocated > 0n && allocated < need) return 'UNDERFUNDED';
  if (allocated > need) return 'OVERFUNDED';
  return undefined;
}

/** Per activity and fiscal year of `input.years`, in the order of the activities then years. */
export function computeActivityGaps(input: GapInput): ActivityYearGap[] {
  const cells = new Map<string, ActivityYearGap & { flagSet: Set<GapFlag>; alignedVillages: Set<string> }>();
  const key = (activityId: string, year: number) => `${activityId}|${year}`;
  for (const a of input.activities) {
    for (const year of input.years) {
      const need = a.costs.get(year) ?? 0n;
      cells.set(key(a.id, year), {
        activityId: a.id,
        fiscalYear: year,
        need,
        allocated: 0n,
        bySource: emptySources(),
        realised: 0n,
        gap: 0n,
        flags: [],
        lineIds: [],
        flagSet: new Set(),
        alignedVillages: new Set(),
      });
    }
  }

  // A plan's lines repeat few codes: each code's warnings are worked out once.
  const warningCache = new Map<string, LineWarning[]>();
  const warningsOf = (line: GapLineInput, overAllocated: boolean): LineWarning[] => {
    const k = `${line.source}|${line.budgetCode}|${line.mandates.join(',')}|${line.retired}|${overAllocated}`;
    let found = warningCache.get(k);
    if (!found) {
      found = lineWarnings({ source: line.source, budgetCode: line.budgetCode, mandates: line.mandates, planLevel: input.planLevel, retired: line.retired, overAllocated });
      warningCache.set(k, found);
    }
    return found;
  };
  for (const line of input.lines) {
    const latest = latestStage(line.source, line.stages);
    if (!latest) continue;
    const split = splitLine(latest.amount, line.tags);
    const warnings = warningsOf(line, split.overAllocated);
    // Realised money is shared among the tags in the proportion of what each counts.
    const tagged = line.tags.map((t) => split.portions.get(t.id) ?? 0n);
    // (the untagged rest of the line takes its part, so a half-tagged line passes on half).
    const weights = [...tagged, split.untagged];
    const realisedParts =
      line.realised !== null && sumMoney(weights) > 0n
        ? allocateByWeights(line.realised < latest.amount ? line.realised : latest.amount, weights).slice(0, -1)
        : tagged.map(() => 0n);
    // "The fiscal year has begun and the line is still only RKA" (or only RKPDES for a desa).
    const stale = input.today >= `${line.fiscalYear}-01-01` && (latest.stage === 'RKA' || latest.stage === 'RKPDES');
    line.tags.forEach((tag, i) => {
      const cell = cells.get(key(tag.activityId, line.fiscalYear));
      if (!cell) return; // a tag to an activity of another plan, or a year outside the period
      cell.allocated += tagged[i];
      cell.bySource[line.source] += tagged[i];
      cell.realised += realisedParts[i];
      cell.lineIds.push(line.id);
      for (const w of warnings) if (w !== 'OVER_ALLOCATED_LINE') cell.flagSet.add(w);
      if (stale) cell.flagSet.add('STALE_STAGE');
      if (line.source === 'APBDES' && line.villageCode) cell.alignedVillages.add(line.villageCode);
    });
  }

  for (const d of input.drawdowns) {
    const cell = cells.get(key(d.activityId, d.fiscalYear));
    if (!cell) continue;
    cell.allocated += d.amount;
    cell.bySource.POOL += d.amount;
    if (d.status !== 'approved') cell.realised += d.amount;
  }

  const byId = new Map(input.activities.map((a) => [a.id, a]));
  const out: ActivityYearGap[] = [];
  for (const cell of cells.values()) {
    const activity = byId.get(cell.activityId)!;
    const funding = fundingFlag(cell.need, cell.allocated);
    if (funding) cell.flagSet.add(funding);
    if (!activity.leadAgencyId) cell.flagSet.add('NO_LEAD_AGENCY');
    // Located in desa that fund nothing of it from their APBDes (only years with a need).
    if (cell.need > 0n && activity.locations.some((code) => isDesa(code) && !cell.alignedVillages.has(code))) cell.flagSet.add('VILLAGE_UNALIGNED');
    const { flagSet, alignedVillages: _aligned, ...rest } = cell;
    out.push({ ...rest, gap: cell.need - cell.allocated, flags: GAP_FLAGS.filter((f) => flagSet.has(f)) });
  }
  return out;
}

export interface MoneyTotals {
  need: bigint;
  allocated: bigint;
  gap: bigint;
}

export function totalsOf(cells: readonly Pick<ActivityYearGap, 'need' | 'allocated'>[]): MoneyTotals {
  const need = sumMoney(cells.map((c) => c.need));
  const allocated = sumMoney(cells.map((c) => c.allocated));
  return { need, allocated, gap: need - allocated };
}

/** Groups cells by a key and totals each group, in first-seen order (callers sort). */
export function rollUp<K>(cells: readonly ActivityYearGap[], keyOf: (c: ActivityYearGap) => K | undefined): Map<K, MoneyTotals & { activities: number; unfunded: number }> {
  const groups = new Map<K, ActivityYearGap[]>();
  for (const c of cells) {
    const k = keyOf(c);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const out = new Map<K, MoneyTotals & { activities: number; unfunded: number }>();
  for (const [k, list] of groups) {
    out.set(k, {
      ...totalsOf(list),
      activities: new Set(list.map((c) => c.activityId)).size,
      unfunded: list.filter((c) => c.flags.includes('UNFUNDED')).length,
    });
  }
  return out;
}

/** The desa an activity concerns and whether each funds it (the village coverage table). */
export function villageCoverage(
  activities: readonly GapActivityInput[],
  cells: readonly ActivityYearGap[],
  lines: readonly GapLineInput[],
): { villageCode: string; activities: number; aligned: number; allocated: bigint }[] {
  const located = new Map<string, Set<string>>();
  for (const a of activities) for (const code of a.locations) if (isDesa(code)) located.set(code, (located.get(code) ?? new Set()).add(a.id));
  const cellActivities = new Set(cells.map((c) => c.activityId));
  const years = new Set(cells.map((c) => c.fiscalYear));
  const aligned = new Map<string, Set<string>>();
  const allocated = new Map<string, bigint>();
  for (const line of lines) {
    if (line.source !== 'APBDES' || !line.villageCode || !years.has(line.fiscalYear)) continue;
    const latest = latestStage(line.source, line.stages);
    if (!latest) continue;
    const split = splitLine(latest.amount, line.tags);
    for (const tag of line.tags) {
      if (!cellActivities.has(tag.activityId)) continue;
      aligned.set(line.villageCode, (aligned.get(line.villageCode) ?? new Set()).add(tag.activityId));
      allocated.set(line.villageCode, (allocated.get(line.villageCode) ?? 0n) + (split.portions.get(tag.id) ?? 0n));
    }
  }
  const codes = new Set([...located.keys(), ...aligned.keys()]);
  return [...codes].sort().map((villageCode) => ({
    villageCode,
    activities: new Set([...(located.get(villageCode) ?? []), ...(aligned.get(villageCode) ?? [])]).size,
    aligned: aligned.get(villageCode)?.size ?? 0,
    allocated: allocated.get(villageCode) ?? 0n,
  }));
}

/** Whether an activity's location list places it in (or over) a region: for kecamatan roll-ups. */
export function locatedIn(activity: GapActivityInput, regionCode: string): boolean {
  return activity.locations.some((l) => isWithinRegion(l, regionCode) || isWithinRegion(regionCode, l));
}
