import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LineWarning, TaggingCoverage, VillageActivityView, VillageApbdesLine } from '@sinergi/contracts';
import { assertHasApbdes, DomainError, isWithinRegion, sumMoney } from '@sinergi/domain';
import { RegionEntity } from '@sinergi/persistence';
import type { DataSource } from 'typeorm';
import { loadLineViews } from './line-views';

/**
 * The two read models built on tagged lines besides the per-activity list: a desa's view (its
 * APBDes lines and the plan activities that concern it) and a planner's tagging coverage.
 */
@Injectable()
export class VillageAndCoverageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** GET /api/villages/:code/apbdes: the desa's lines, tagged or not. A kelurahan is refused (422 NO_APBDES). */
  async apbdes(code: string, fiscalYear: number | undefined): Promise<VillageApbdesLine[]> {
    await this.assertVillage(code);
    const lines = await loadLineViews(this.dataSource.manager, { villageCode: code, fiscalYear });
    return lines.map((l) => ({
      id: l.id,
      budgetCode: l.budgetCode ?? '',
      budgetCodeName: l.budgetCodeName,
      fundSource: l.fundSource ?? 'DLL',
      stage: l.stage,
      amount: l.amount,
      fiscalYear: l.fiscalYear,
      tagged: l.tags.length > 0,
      tags: l.tags,
      untagged: l.untagged,
    }));
  }

  /**
   * GET /api/villages/:code/activities: activities of the plans above the desa that are located in
   * it, in its kecamatan, or in the whole plan region (no location given), and whether this desa's
   * APBDes already supports them.
   */
  async activities(code: string): Promise<VillageActivityView[]> {
    await this.assertVillage(code);
    const m = this.dataSource.manager;
    const rows: {
      id: string;
      plan_id: string;
      plan_title: string;
      plan_region: string;
      strategy_code: number;
      code: string;
      title: string;
      output: string | null;
      locations: string[] | null;
      costs: Record<string, string> | null;
    }[] = await m.query(
      `SELECT pa.id, pa.plan_id, p.title AS plan_title, p.region_code AS plan_region, pa.strategy_code,
              pa.strategy_code || '.' || pa.seq AS code, pa.title, pa.output,
              (SELECT array_agg(l.region_code ORDER BY l.region_code) FROM plan_activity_location l WHERE l.activity_id = pa.id) AS locations,
              (SELECT jsonb_object_agg(c.fiscal_year::text, c.amount::text) FROM plan_activity_cost c WHERE c.activity_id = pa.id) AS costs
         FROM plan_activity pa JOIN action_plan p ON p.id = pa.plan_id
        WHERE $1 LIKE p.region_code || '.%' AND pa.status <> 'dropped'
        ORDER BY p.start_year DESC, p.title, pa.strategy_code, pa.seq`,
      [code],
    );
    const lines = await loadLineViews(m, { villageCode: code });
    const allocated = new Map<string, Map<number, bigint[]>>();
    for (const line of lines) {
      for (const tag of line.tags) {
        const years = allocated.get(tag.activityId) ?? new Map<number, bigint[]>();
        years.set(line.fiscalYear, [...(years.get(line.fiscalYear) ?? []), BigInt(tag.allocated)]);
        allocated.set(tag.activityId, years);
      }
    }
    const out: VillageActivityView[] = [];
    for (const r of rows) {
      const locations = r.locations ?? [];
      let scope: VillageActivityView['scope'] | undefined;
      if (!locations.length || locations.includes(r.plan_region)) scope = 'region';
      if (locations.some((l) => l !== code && l !== r.plan_region && isWithinRegion(code, l))) scope = 'district';
      if (locations.includes(code)) scope = 'village';
      if (!scope) continue;
      const years = allocated.get(r.id) ?? new Map<number, bigint[]>();
      const villageAllocated: Record<string, string> = {};
      for (const [year, parts] of years) villageAllocated[String(year)] = sumMoney(parts).toString();
      out.push({
        planId: r.plan_id,
        planTitle: r.plan_title,
        activityId: r.id,
        code: r.code,
        title: r.title,
        strategyCode: r.strategy_code,
        output: r.output ?? undefined,
        scope,
        costs: r.costs ?? {},
        villageAllocated,
        supported: years.size > 0,
      });
    }
    return out;
  }

  /** GET /api/plans/:id/tagging-coverage: which activities have no line, which agencies entered nothing. */
  async coverage(planId: string): Promise<TaggingCoverage> {
    const m = this.dataSource.manager;
    const plans: { start_year: number; end_year: number }[] = await m.query('SELECT start_year, end_year FROM action_plan WHERE id = $1', [planId]);
    if (!plans.length) throw DomainError.notFound('Rencana aksi');
    const years: number[] = [];
    for (let y = plans[0].start_year; y <= plans[0].end_year; y++) years.push(y);
    const activities: {
      id: string;
      code: string;
      title: string;
      strategy_code: number;
      lead_agency_id: string;
      lead_name: string;
      costs: Record<string, string> | null;
    }[] = await m.query(
      `SELECT pa.id, pa.strategy_code || '.' || pa.seq AS code, pa.title, pa.strategy_code, pa.lead_agency_id, a.short_name AS lead_name,
              (SELECT jsonb_object_agg(c.fiscal_year::text, c.amount::text) FROM plan_activity_cost c WHERE c.activity_id = pa.id) AS costs
         FROM plan_activity pa JOIN agency a ON a.id = pa.lead_agency_id
        WHERE pa.plan_id = $1 ORDER BY pa.strategy_code, pa.seq`,
      [planId],
    );
    const agencies: { id: string; name: string; short_name: string; activity_count: number }[] = await m.query(
      `SELECT a.id, a.name, a.short_name, count(DISTINCT x.activity_id)::int AS activity_count
         FROM (SELECT id AS activity_id, lead_agency_id AS agency_id FROM plan_activity WHERE plan_id = $1
               UNION SELECT paa.activity_id, paa.agency_id FROM plan_activity_agency paa JOIN plan_activity pa ON pa.id = paa.activity_id WHERE pa.plan_id = $1) x
         JOIN agency a ON a.id = x.agency_id
        GROUP BY a.id ORDER BY a.name`,
      [planId],
    );
    const lines = await loadLineViews(m, { planId });
    const perActivity = new Map<string, { years: Map<number, bigint>; lines: Set<string>; warnings: Set<LineWarning> }>();
    const perAgency = new Map<string, { lines: Set<string>; allocated: bigint }>();
    for (const line of lines) {
      for (const tag of line.tags) {
        if (tag.planId !== planId) continue;
        const a = perActivity.get(tag.activityId) ?? { years: new Map<number, bigint>(), lines: new Set<string>(), warnings: new Set<LineWarning>() };
        a.years.set(line.fiscalYear, (a.years.get(line.fiscalYear) ?? 0n) + BigInt(tag.allocated));
        a.lines.add(line.id);
        line.warnings.forEach((w) => a.warnings.add(w));
        perActivity.set(tag.activityId, a);
        if (line.agencyId) {
          const g = perAgency.get(line.agencyId) ?? { lines: new Set<string>(), allocated: 0n };
          g.lines.add(line.id);
          g.allocated += BigInt(tag.allocated);
          perAgency.set(line.agencyId, g);
        }
      }
    }
    const activityViews = activities.map((a) => {
      const got = perActivity.get(a.id);
      const allocated: Record<string, string> = {};
      for (const [y, v] of got?.years ?? []) allocated[String(y)] = v.toString();
      return {
        activityId: a.id,
        code: a.code,
        title: a.title,
        strategyCode: a.strategy_code,
        leadAgencyId: a.lead_agency_id,
        leadAgencyName: a.lead_name,
        need: a.costs ?? {},
        allocated,
        lineCount: got?.lines.size ?? 0,
        warnings: [...(got?.warnings ?? [])],
      };
    });
    const agencyViews = agencies.map((a) => ({
      agencyId: a.id,
      name: a.name,
      shortName: a.short_name,
      activityCount: a.activity_count,
      lineCount: perAgency.get(a.id)?.lines.size ?? 0,
      allocated: (perAgency.get(a.id)?.allocated ?? 0n).toString(),
    }));
    const need = sumMoney(activityViews.flatMap((a) => Object.values(a.need).map(BigInt)));
    const allocatedTotal = sumMoney(activityViews.flatMap((a) => Object.values(a.allocated).map(BigInt)));
    return {
      planId,
      fiscalYears: years,
      activities: activityViews,
      agencies: agencyViews,
      totals: {
        need: need.toString(),
        allocated: allocatedTotal.toString(),
        activitiesWithoutLines: activityViews.filter((a) => a.lineCount === 0).length,
        agenciesWithoutLines: agencyViews.filter((a) => a.lineCount === 0).length,
      },
    };
  }

  private async assertVillage(code: string): Promise<void> {
    assertHasApbdes(code, 'code');
    if (!(await this.dataSource.manager.exists(RegionEntity, { where: { code } }))) throw DomainError.notFound('Desa');
  }
}
