import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GAP_FLAGS, type AllocationSource, type GapDeadlines, type GapFlag, type GapReport, type GapRollup } from '@sinergi/contracts';
import {
  computeActivityGaps,
  datedSteps,
  isDesa,
  stepFor,
  DomainError,
  governmentLevelOfRegion,
  locatedIn,
  rollUp,
  sumMoney,
  totalsOf,
  villageCoverage,
  type ActivityYearGap,
} from '@sinergi/domain';
import { GapQueries } from '@sinergi/persistence';
import type { DataSource } from 'typeorm';
import type { GapQueryDto } from './gaps.dto';
import { calendarSteps } from './planning-calendar';

const SOURCES: AllocationSource[] = ['APBD', 'APBDES', 'APBN', 'OTHER', 'POOL'];

/**
 * GET /api/plans/:id/gaps: loads the plan's activities, tagged lines and drawdowns in a handful of
 * set-based queries and lets the domain engine compute every cell; filters narrow the activities
 * before the totals and roll-ups, so what is shown always adds up.
 */
@Injectable()
export class GapsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async planReport(planId: string, query: GapQueryDto, today = new Date()): Promise<GapReport> {
    const m = this.dataSource.manager;
    // Every read that does not depend on another runs side by side on its own pool connection:
    // the report's latency is mostly the lines read, which the others hide behind.
    const [plans, data, strategies, agencies, calendar] = await Promise.all([
      m.query('SELECT region_code, start_year, end_year FROM action_plan WHERE id = $1', [planId]) as Promise<{ region_code: string; start_year: number; end_year: number }[]>,
      new GapQueries(m).load([planId]),
      m.query('SELECT code, name FROM strategy') as Promise<{ code: number; name: string }[]>,
      m.query('SELECT DISTINCT a.id, a.name, a.short_name FROM agency a JOIN plan_activity pa ON pa.lead_agency_id = a.id WHERE pa.plan_id = $1', [planId]) as Promise<
        { id: string; name: string; short_name: string }[]
      >,
      calendarSteps(m),
    ]);
    if (!plans.length) throw DomainError.notFound('Rencana aksi');
    const plan = plans[0];
    const years: number[] = [];
    for (let y = plan.start_year; y <= plan.end_year; y++) years.push(y);
    const thisYear = today.getUTCFullYear();
    const fiscalYear = query.fiscalYear ?? (years.includes(thisYear) ? thisYear : plan.start_year);
    if (!years.includes(fiscalYear)) {
      throw DomainError.invalidField('fiscalYear', `di luar periode rencana ${plan.start_year}–${plan.end_year}`);
    }
    // The names of the desa and kecamatan shown: asked for now, awaited after the engine has run.
    const regionsRead = this.regionNames(data.activities.flatMap((a) => a.locations).concat(data.lines.map((l) => l.villageCode ?? '').filter(Boolean)));
    const cells = computeActivityGaps({
      planLevel: governmentLevelOfRegion(plan.region_code),
      years,
      today: today.toISOString().slice(0, 10),
      activities: data.activities,
      lines: data.lines,
      drawdowns: data.drawdowns,
    });
    const activityById = new Map(data.activities.map((a) => [a.id, a]));
    // Filters on the activity (strategy, lead agency, location) apply to every year; the flag
    // filter to the chosen year's cell.
    const keep = new Set(
      data.activities
        .filter((a) => query.strategyCode === undefined || a.strategyCode === query.strategyCode)
        .filter((a) => !query.agencyId || a.leadAgencyId === query.agencyId)
        .filter((a) => !query.regionCode || locatedIn(a, query.regionCode) || (!a.locations.length && query.regionCode.startsWith(plan.region_code)))
        .map((a) => a.id),
    );
    const yearCells = cells.filter((c) => c.fiscalYear === fiscalYear && keep.has(c.activityId));
    const shown = query.flag ? yearCells.filter((c) => c.flags.includes(query.flag as GapFlag)) : yearCells;
    const shownIds = new Set(shown.map((c) => c.activityId));

    const regions = await regionsRead;
    const strategyName = new Map(strategies.map((s) => [Number(s.code), s.name]));
    const agencyById = new Map(agencies.map((a) => [a.id, a]));

    const byStrategy = [...rollUp(shown, (c) => activityById.get(c.activityId)?.strategyCode)]
      .sort(([a], [b]) => a - b)
      .map(([strategyCode, t]) => ({ strategyCode, name: strategyName.get(strategyCode) ?? '', ...money(t), activities: t.activities, unfunded: t.unfunded }));
    const byAgency = [...rollUp(shown, (c) => activityById.get(c.activityId)?.leadAgencyId ?? undefined)]
      .map(([agencyId, t]) => ({
        agencyId,
        name: agencyById.get(agencyId)?.name ?? '',
        shortName: agencyById.get(agencyId)?.short_name ?? '',
        ...money(t),
        activities: t.activities,
        unfunded: t.unfunded,
      }))
      .sort((a, b) => cmpBig(BigInt(b.gap), BigInt(a.gap)) || a.name.localeCompare(b.name));
    const byYear = years.map((y) => ({ fiscalYear: y, ...money(totalsOf(cells.filter((c) => c.fiscalYear === y && keep.has(c.activityId) && shownIds.has(c.activityId)))) }));
    const byVillage = villageCoverage(
      data.activities.filter((a) => shownIds.has(a.id)),
      shown,
      data.lines,
    ).map((v) => {
      const district = v.villageCode.split('.').slice(0, 3).join('.');
      return { ...v, allocated: v.allocated.toString(), villageName: regions.get(v.villageCode) ?? '', districtCode: district, districtName: regions.get(district) ?? '' };
    });
    const flagCounts = Object.fromEntries(GAP_FLAGS.map((f) => [f, yearCells.filter((c) => c.flags.includes(f)).length])) as Record<GapFlag, number>;
    const bySource = Object.fromEntries(SOURCES.map((s) => [s, sumMoney(shown.map((c) => c.bySource[s])).toString()])) as Record<AllocationSource, string>;

    const deadlines = this.deadlines(today, years, calendar, cells.filter((c) => keep.has(c.activityId)), activityById, agencyById, regions);
    return {
      planId,
      regionCode: plan.region_code,
      fiscalYear,
      years,
      totals: { ...money(totalsOf(shown)), realised: sumMoney(shown.map((c) => c.realised)).toString(), bySource },
      activities: shown.map((c) => activityView(c, activityById.get(c.activityId)!, agencyById)),
      byStrategy,
      byAgency,
      byYear,
      byVillage,
      flagCounts,
      deadlines,
    };
  }

  /**
   * "Before which deadline": for next fiscal year's unfunded or under-funded activities, the
   * planning step that can still carry each of them, and who must carry it — the desa when the
   * activity is located only in desa, else its lead agency.
   */
  private deadlines(
    today: Date,
    years: number[],
    calendar: Awaited<ReturnType<typeof calendarSteps>>,
    cells: ActivityYearGap[],
    activities: Map<string, { id: string; code: string; title: string; leadAgencyId: string | null; locations: readonly string[] }>,
    agencies: Map<string, { name: string; short_name: string }>,
    regions: Map<string, string>,
  ): GapDeadlines | undefined {
    const fiscalYear = today.getUTCFullYear() + 1;
    if (!years.includes(fiscalYear)) return undefined;
    const iso = today.toISOString().slice(0, 10);
    const steps = datedSteps(calendar, fiscalYear, iso);
    const advice: GapDeadlines['advice'] = [];
    for (const c of cells) {
      if (c.fiscalYear !== fiscalYear || !(c.flags.includes('UNFUNDED') || c.flags.includes('UNDERFUNDED'))) continue;
      const a = activities.get(c.activityId)!;
      const villageOnly = a.locations.length > 0 && a.locations.every(isDesa);
      const step = stepFor(steps, villageOnly ? 'village' : 'lead_agency');
      if (!step) continue;
      const lead = a.leadAgencyId ? agencies.get(a.leadAgencyId) : undefined;
      advice.push({
        activityId: a.id,
        code: a.code,
        title: a.title,
        gap: c.gap.toString(),
        carrierName: villageOnly ? a.locations.map((l) => `Desa ${regions.get(l) ?? l}`).join(', ') : (lead?.short_name || lead?.name) ?? '—',
        step,
      });
    }
    return { fiscalYear, today: iso, steps, advice };
  }

  /**
   * A roll-up over many plans (a province's own plan and its regencies', or the whole country),
   * computed in SQL with the same split rule as the engine: at national scale this is hundreds of
   * thousands of lines, which a set-based query sums faster than rows shipped to the API.
   */
  async rollup(regionCode: string | undefined, fiscalYear: number): Promise<GapRollup> {
    const q = new GapQueries(this.dataSource.manager);
    const plans = await q.plansInForce(regionCode, fiscalYear);
    const rows = plans.length ? await q.rollup(plans.map((p) => p.id), fiscalYear) : [];
    const [names, strategies] = await Promise.all([
      this.regionNames(plans.map((p) => p.region_code)),
      this.dataSource.manager.query('SELECT code, name FROM strategy') as Promise<{ code: number; name: string }[]>,
    ]);
    const group = <K>(keyOf: (r: (typeof rows)[number]) => K) => {
      const out = new Map<K, { need: bigint; allocated: bigint; activities: number; unfunded: number }>();
      for (const r of rows) {
        const g = out.get(keyOf(r)) ?? { need: 0n, allocated: 0n, activities: 0, unfunded: 0 };
        g.need += BigInt(r.need);
        g.allocated += BigInt(r.allocated);
        g.activities += r.activities;
        g.unfunded += r.unfunded;
        out.set(keyOf(r), g);
      }
      return out;
    };
    const view = (g: { need: bigint; allocated: bigint; activities: number; unfunded: number }) => ({
      ...money({ need: g.need, allocated: g.allocated, gap: g.need - g.allocated }),
      activities: g.activities,
      unfunded: g.unfunded,
    });
    const perPlan = group((r) => r.plan_id);
    const perStrategy = group((r) => Number(r.strategy_code));
    const all = group(() => 'all').get('all') ?? { need: 0n, allocated: 0n, activities: 0, unfunded: 0 };
    const strategyName = new Map(strategies.map((s) => [Number(s.code), s.name]));
    return {
      regionCode,
      fiscalYear,
      totals: { ...view(all), plans: plans.length },
      byPlan: plans.map((p) => ({
        planId: p.id,
        regionCode: p.region_code,
        regionName: names.get(p.region_code) ?? '',
        title: p.title,
        status: p.status,
        ...view(perPlan.get(p.id) ?? { need: 0n, allocated: 0n, activities: 0, unfunded: 0 }),
      })),
      byStrategy: [...perStrategy].sort(([a], [b]) => a - b).map(([strategyCode, g]) => ({ strategyCode, name: strategyName.get(strategyCode) ?? '', ...view(g) })),
    };
  }

  async planHeader(planId: string): Promise<{ title: string; regionName: string }> {
    const rows: { title: string; region_name: string }[] = await this.dataSource.manager.query(
      'SELECT p.title, r.name AS region_name FROM action_plan p JOIN region r ON r.code = p.region_code WHERE p.id = $1',
      [planId],
    );
    if (!rows.length) throw DomainError.notFound('Rencana aksi');
    return { title: rows[0].title, regionName: rows[0].region_name };
  }

  private async regionNames(codes: string[]): Promise<Map<string, string>> {
    const all = new Set<string>();
    for (const c of codes) {
      all.add(c);
      const parts = c.split('.');
      if (parts.length === 4) all.add(parts.slice(0, 3).join('.'));
    }
    if (!all.size) return new Map();
    const rows: { code: string; name: string }[] = await this.dataSource.manager.query('SELECT code, name FROM region WHERE code = ANY($1::text[])', [[...all]]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}

function money(t: { need: bigint; allocated: bigint; gap: bigint }) {
  return { need: t.need.toString(), allocated: t.allocated.toString(), gap: t.gap.toString() };
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function activityView(
  c: ActivityYearGap,
  a: { id: string; code: string; title: string; strategyCode: number; leadAgencyId: string | null; leadAgencyName: string | null },
  agencies: Map<string, { name: string; short_name: string }>,
) {
  return {
    activityId: c.activityId,
    code: a.code,
    title: a.title,
    strategyCode: a.strategyCode,
    leadAgencyId: a.leadAgencyId ?? undefined,
    leadAgencyName: a.leadAgencyId ? agencies.get(a.leadAgencyId)?.short_name || agencies.get(a.leadAgencyId)?.name : undefined,
    need: c.need.toString(),
    allocated: c.allocated.toString(),
    gap: c.gap.toString(),
    realised: c.realised.toString(),
    bySource: Object.fromEntries(SOURCES.map((s) => [s, c.bySource[s].toString()])) as Record<AllocationSource, string>,
    flags: c.flags,
    lineIds: c.lineIds,
  };
}
