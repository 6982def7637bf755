import type { PlanStatus, PlanSummary, YearMap } from '@sinergi/contracts';
import type { SnapshotActivity } from '@sinergi/domain';
import type { EntityManager } from 'typeorm';

/**
 * Reads and writes of plan activities with their per-year costs, supporting agencies and
 * locations. A whole plan loads in four set-based queries however many activities it has.
 */
export class PlanQueries {
  constructor(private readonly manager: EntityManager) {}

  async listPlans(filter: { regionCode?: string; status?: PlanStatus }): Promise<PlanSummary[]> {
    const rows: {
      id: string;
      region_code: string;
      region_name: string;
      title: string;
      start_year: number;
      end_year: number;
      status: PlanStatus;
      version: number;
      activity_count: number;
      total_cost: string;
      updated_at: Date;
    }[] = await this.manager.query(
      `SELECT p.id, p.region_code, r.name AS region_name, p.title, p.start_year, p.end_year, p.status, p.version, p.updated_at,
              (SELECT count(*)::int FROM plan_activity a WHERE a.plan_id = p.id) AS activity_count,
              (SELECT coalesce(sum(c.amount), 0)::text FROM plan_activity a JOIN plan_activity_cost c ON c.activity_id = a.id WHERE a.plan_id = p.id) AS total_cost
         FROM action_plan p JOIN region r ON r.code = p.region_code
        WHERE ($1::text IS NULL OR p.region_code = $1 OR p.region_code LIKE $1 || '.%')
          AND ($2::text IS NULL OR p.status = $2)
        ORDER BY p.updated_at DESC`,
      [filter.regionCode ?? null, filter.status ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      regionName: r.region_name,
      title: r.title,
      startYear: r.start_year,
      endYear: r.end_year,
      status: r.status,
      version: r.version,
      activityCount: r.activity_count,
      totalCost: r.total_cost,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  /** Every activity of a plan (or the listed ones) with its costs, agencies and locations. */
  async activities(planId: string, onlyIds?: string[]): Promise<(SnapshotActivity & { version: number })[]> {
    const ids = onlyIds ?? null;
    const acts: {
      id: string;
      strategy_code: number;
      seq: number;
      title: string;
      description: string | null;
      output: string | null;
      indicator: string | null;
      unit: string | null;
      baseline: string | null;
      lead_agency_id: string;
      targets: Record<string, string>;
      priority: string;
      status: string;
      version: number;
    }[] = await this.manager.query(
      `SELECT id, strategy_code, seq, title, description, output, indicator, unit, baseline, lead_agency_id, targets, priority, status, version
         FROM plan_activity WHERE plan_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY strategy_code, seq`,
      [planId, ids],
    );
    const costs: { activity_id: string; fiscal_year: number; amount: string }[] = await this.manager.query(
      `SELECT c.activity_id, c.fiscal_year, c.amount::text AS amount FROM plan_activity_cost c JOIN plan_activity a ON a.id = c.activity_id
        WHERE a.plan_id = $1 AND ($2::uuid[] IS NULL OR a.id = ANY($2)) ORDER BY c.fiscal_year`,
      [planId, ids],
    );
    const agencies: { activity_id: string; agency_id: string }[] = await this.manager.query(
      `SELECT s.activity_id, s.agency_id FROM plan_activity_agency s JOIN plan_activity a ON a.id = s.activity_id
        WHERE a.plan_id = $1 AND ($2::uuid[] IS NULL OR a.id = ANY($2)) ORDER BY s.agency_id`,
      [planId, ids],
    );
    const locations: { activity_id: string; region_code: string }[] = await this.manager.query(
      `SELECT l.activity_id, l.region_code FROM plan_activity_location l JOIN plan_activity a ON a.id = l.activity_id
        WHERE a.plan_id = $1 AND ($2::uuid[] IS NULL OR a.id = ANY($2)) ORDER BY l.region_code`,
      [planId, ids],
    );
    const group = <T extends { activity_id: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.activity_id, [...(m.get(r.activity_id) ?? []), r]);
      return m;
    };
    const costsBy = group(costs);
    const agenciesBy = group(agencies);
    const locationsBy = group(locations);
    return acts.map((a) => {
      const yearCosts: YearMap = {};
      for (const c of costsBy.get(a.id) ?? []) yearCosts[String(c.fiscal_year)] = c.amount;
      return {
        id: a.id,
        code: `${a.strategy_code}.${a.seq}`,
        strategyCode: a.strategy_code,
        title: a.title,
        description: a.description,
        output: a.output,
        indicator: a.indicator,
        unit: a.unit,
        baseline: a.baseline,
        leadAgencyId: a.lead_agency_id,
        supportingAgencyIds: (agenciesBy.get(a.id) ?? []).map((r) => r.agency_id),
        regionCodes: (locationsBy.get(a.id) ?? []).map((r) => r.region_code),
        targets: sortYears(a.targets),
        costs: yearCosts,
        priority: a.priority,
        status: a.status,
        version: a.version,
      };
    });
  }

  /** The next free number within a strategy; the caller holds the plan row's lock. */
  async nextSeq(planId: string, strategyCode: number): Promise<number> {
    const [row]: { next: number }[] = await this.manager.query(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM plan_activity WHERE plan_id = $1 AND strategy_code = $2',
      [planId, strategyCode],
    );
    return row.next;
  }

  async replaceCosts(activityId: string, costs: Map<number, bigint>): Promise<void> {
    await this.manager.query('DELETE FROM plan_activity_cost WHERE activity_id = $1', [activityId]);
    if (!costs.size) return;
    const years = [...costs.keys()];
    await this.manager.query(
      'INSERT INTO plan_activity_cost (activity_id, fiscal_year, amount) SELECT $1, y, a FROM unnest($2::int[], $3::bigint[]) AS t(y, a)',
      [activityId, years, years.map((y) => costs.get(y)!.toString())],
    );
  }

  async replaceAgencies(activityId: string, agencyIds: string[]): Promise<void> {
    await this.manager.query('DELETE FROM plan_activity_agency WHERE activity_id = $1', [activityId]);
    if (agencyIds.length) {
      await this.manager.query('INSERT INTO plan_activity_agency (activity_id, agency_id) SELECT $1, unnest($2::uuid[])', [activityId, agencyIds]);
    }
  }

  async replaceLocations(activityId: string, regionCodes: string[]): Promise<void> {
    await this.manager.query('DELETE FROM plan_activity_location WHERE activity_id = $1', [activityId]);
    if (regionCodes.length) {
      await this.manager.query('INSERT INTO plan_activity_location (activity_id, region_code) SELECT $1, unnest($2::text[])', [activityId, regionCodes]);
    }
  }

  /** Ids among `ids` that are not agencies (for a 400 naming the field). */
  async missingAgencies(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.manager.query('SELECT id FROM agency WHERE id = ANY($1::uuid[])', [ids]);
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }

  async missingRegions(codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: { code: string }[] = await this.manager.query('SELECT code FROM region WHERE code = ANY($1::text[])', [codes]);
    const found = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !found.has(c));
  }

  /** Years with money planned outside `start..end` (a period may not shrink past them). */
  async costYearsOutside(planId: string, startYear: number, endYear: number): Promise<number[]> {
    const rows: { fiscal_year: number }[] = await this.manager.query(
      `SELECT DISTINCT c.fiscal_year FROM plan_activity_cost c JOIN plan_activity a ON a.id = c.activity_id
        WHERE a.plan_id = $1 AND (c.fiscal_year < $2 OR c.fiscal_year > $3) ORDER BY 1`,
      [planId, startYear, endYear],
    );
    return rows.map((r) => r.fiscal_year);
  }
}

function sortYears(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}
