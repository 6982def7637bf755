import type { BudgetSource, BudgetStage } from '@sinergi/contracts';
import type { GapActivityInput, GapDrawdownInput, GapLineInput } from '@sinergi/domain';
import type { EntityManager } from 'typeorm';
import { BudgetLineQueries } from './budget-line.queries';

export interface GapPlanRow {
  id: string;
  region_code: string;
  start_year: number;
  end_year: number;
}

export interface GapData {
  activities: (GapActivityInput & { leadAgencyName: string | null })[];
  lines: GapLineInput[];
  drawdowns: GapDrawdownInput[];
}

/**
 * Loads what the gap engine needs for a set of plans, one set-based query per table: the
 * activities with costs and locations, every line tagged to them with its stages and all its tags
 * (a line shared with another plan is split over all of them), retired-code flags, and the
 * approved or disbursed tactical-fund drawdowns.
 */
export class GapQueries {
  constructor(private readonly m: EntityManager) {}

  async load(planIds: string[]): Promise<GapData> {
    const activityRows: {
      id: string;
      code: string;
      title: string;
      strategy_code: number;
      lead_agency_id: string | null;
      lead_name: string | null;
      costs: Record<string, string> | null;
      locations: string[] | null;
    }[] = await this.m.query(
      `SELECT pa.id, pa.strategy_code || '.' || pa.seq AS code, pa.title, pa.strategy_code, pa.lead_agency_id, a.short_name AS lead_name,
              (SELECT jsonb_object_agg(c.fiscal_year::text, c.amount::text) FROM plan_activity_cost c WHERE c.activity_id = pa.id) AS costs,
              (SELECT array_agg(l.region_code) FROM plan_activity_location l WHERE l.activity_id = pa.id) AS locations
         FROM plan_activity pa LEFT JOIN agency a ON a.id = pa.lead_agency_id
        WHERE pa.plan_id = ANY($1::uuid[]) AND pa.status <> 'dropped'
        ORDER BY pa.plan_id, pa.strategy_code, pa.seq`,
      [planIds],
    );
    const lineRows: {
      id: string;
      source: BudgetSource;
      fiscal_year: number;
      agency_id: string | null;
      village_code: string | null;
      budget_code: string;
      mandates: string[] | null;
      realised: string | null;
      stages: { stage: BudgetStage; amount: string; seq: number }[];
      tags: { id: string; activityId: string; shareBp: number | null; fixedAmount: string | null }[];
    }[] = await this.m.query(
      `WITH lines AS (
         SELECT DISTINCT t.line_id FROM allocation_tag t JOIN plan_activity pa ON pa.id = t.activity_id WHERE pa.plan_id = ANY($1::uuid[])
       )
       SELECT l.id, l.source, l.fiscal_year, l.agency_id, l.village_code, l.budget_code, a.mandates,
              CASE WHEN coalesce(l.realised_q1, l.realised_q2, l.realised_q3, l.realised_q4) IS NULL THEN NULL
                   ELSE (coalesce(l.realised_q1, 0) + coalesce(l.realised_q2, 0) + coalesce(l.realised_q3, 0) + coalesce(l.realised_q4, 0))::text END AS realised,
              (SELECT json_agg(json_build_object('stage', s.stage, 'amount', s.amount::text, 'seq', s.id) ORDER BY s.id) FROM budget_line_stage s WHERE s.line_id = l.id) AS stages,
              (SELECT json_agg(json_build_object('id', t.id, 'activityId', t.activity_id, 'shareBp', t.share_bp, 'fixedAmount', t.fixed_amount::text) ORDER BY t.created_at, t.id)
                 FROM allocation_tag t WHERE t.line_id = l.id) AS tags
         FROM budget_line l JOIN lines x ON x.line_id = l.id LEFT JOIN agency a ON a.id = l.agency_id`,
      [planIds],
    );
    const retired = new Set((await new BudgetLineQueries(this.m).retired(lineRows.filter((l) => l.source === 'APBD').map((l) => l.id))).map((r) => r.line_id));
    const drawdownRows: { activity_id: string; fiscal_year: number; amount: string; status: GapDrawdownInput['status'] }[] = await this.m.query(
      `SELECT d.activity_id, p.fiscal_year, d.amount::text AS amount, d.status
         FROM fund_drawdown d JOIN fund_pool p ON p.id = d.pool_id JOIN plan_activity pa ON pa.id = d.activity_id
        WHERE pa.plan_id = ANY($1::uuid[]) AND d.status IN ('approved', 'disbursed', 'settled')`,
      [planIds],
    );
    return {
      activities: activityRows.map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        strategyCode: a.strategy_code,
        leadAgencyId: a.lead_agency_id,
        leadAgencyName: a.lead_name,
        costs: new Map(Object.entries(a.costs ?? {}).map(([y, v]) => [Number(y), BigInt(v)])),
        locations: a.locations ?? [],
      })),
      lines: lineRows.map((l) => ({
        id: l.id,
        source: l.source,
        fiscalYear: l.fiscal_year,
        agencyId: l.agency_id,
        villageCode: l.village_code,
        budgetCode: l.budget_code,
        mandates: l.mandates ?? [],
        retired: retired.has(l.id),
        realised: l.realised === null ? null : BigInt(l.realised),
        stages: (l.stages ?? []).map((s) => ({ stage: s.stage, amount: BigInt(s.amount), seq: Number(s.seq) })),
        tags: (l.tags ?? []).map((t) => ({ id: t.id, activityId: t.activityId, shareBp: t.shareBp, fixedAmount: t.fixedAmount === null ? null : BigInt(t.fixedAmount) })),
      })),
      drawdowns: drawdownRows.map((d) => ({ activityId: d.activity_id, fiscalYear: d.fiscal_year, amount: BigInt(d.amount), status: d.status })),
    };
  }
}
