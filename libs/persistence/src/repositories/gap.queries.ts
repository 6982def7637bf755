import type { BudgetSource, BudgetStage } from '@sinergi/contracts';
import type { GapActivityInput, GapDrawdownInput, GapLineInput } from '@sinergi/domain';
import type { EntityManager } from 'typeorm';
import { inForceNomenclatureSql, retiredCodeSql } from './budget-line.queries';

export interface GapPlanRow {
  id: string;
  region_code: string;
  start_year: number;
  end_year: number;
}

/** One row of the lines read: a line with the stage record that counts, and one of its tags. */
interface LineTagRow {
  id: string;
  source: BudgetSource;
  fiscal_year: number;
  agency_id: string | null;
  village_code: string | null;
  budget_code: string;
  mandates: string[] | null;
  realised: string | null;
  stage: BudgetStage | null;
  amount: string | null;
  seq: string | null;
  retired: boolean;
  tag_id: string;
  activity_id: string;
  share_bp: number | null;
  fixed_amount: string | null;
}

export interface GapData {
  activities: (GapActivityInput & { leadAgencyName: string | null })[];
  lines: GapLineInput[];
  drawdowns: GapDrawdownInput[];
}

/**
 * Loads what the gap engine needs for a set of plans in three reads side by side: the activities
 * with costs and locations; every line tagged to them with the stage record that counts, its
 * retired-code flag and all its tags (a line shared with another plan is split over all of them);
 * and the approved or disbursed tactical-fund drawdowns. Give it the DataSource's manager, not a
 * transaction's: its reads run in parallel on separate pool connections.
 */
export class GapQueries {
  constructor(private readonly m: EntityManager) {}

  async load(planIds: string[]): Promise<GapData> {
    // Independent reads run side by side on separate pool connections: the report's latency is
    // mostly the index look-ups of the lines read, which the others hide behind.
    const [activityRows, lines, drawdownRows] = await Promise.all([this.activityRows(planIds), this.lineRows(planIds), this.drawdownRows(planIds)]);
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
      lines,
      drawdowns: drawdownRows.map((d) => ({ activityId: d.activity_id, fiscalYear: d.fiscal_year, amount: BigInt(d.amount), status: d.status })),
    };
  }

  private activityRows(planIds: string[]): Promise<
    {
      id: string;
      code: string;
      title: string;
      strategy_code: number;
      lead_agency_id: string | null;
      lead_name: string | null;
      costs: Record<string, string> | null;
      locations: string[] | null;
    }[]
  > {
    return this.m.query(
      `SELECT pa.id, pa.strategy_code || '.' || pa.seq AS code, pa.title, pa.strategy_code, pa.lead_agency_id, a.short_name AS lead_name,
              (SELECT jsonb_object_agg(c.fiscal_year::text, c.amount::text) FROM plan_activity_cost c WHERE c.activity_id = pa.id) AS costs,
              (SELECT array_agg(l.region_code) FROM plan_activity_location l WHERE l.activity_id = pa.id) AS locations
         FROM plan_activity pa LEFT JOIN agency a ON a.id = pa.lead_agency_id
        WHERE pa.plan_id = ANY($1::uuid[]) AND pa.status <> 'dropped'
        ORDER BY pa.plan_id, pa.strategy_code, pa.seq`,
      [planIds],
    );
  }

  /**
   * Lines tagged to the plans in one read, a row per tag of the plans: the line, only its stage
   * record that counts (highest rank, newest record; the engine needs no other), whether its code
   * is retired for its year, and the tag. A line's tags of other plans matter only for the split,
   * and a 100 % share is alone on its line (the write path refuses anything beside it), so they
   * are fetched in a second read only for lines carrying a smaller share or a fixed sum — in a
   * national dataset, none.
   */
  private async lineRows(planIds: string[]): Promise<GapLineInput[]> {
    const rows: LineTagRow[] = await this.m.query(
      `WITH mine AS (
         SELECT t.id, t.line_id, t.activity_id, t.share_bp, t.fixed_amount, t.created_at
           FROM allocation_tag t JOIN plan_activity pa ON pa.id = t.activity_id
          WHERE pa.plan_id = ANY($1::uuid[])
       ), l AS (
         SELECT l.* FROM budget_line l WHERE l.id IN (SELECT line_id FROM mine)
       ), in_force AS (${inForceNomenclatureSql("l WHERE l.source = 'APBD'")})
       SELECT l.id, l.source, l.fiscal_year, l.agency_id, l.village_code, l.budget_code, a.mandates,
              CASE WHEN coalesce(l.realised_q1, l.realised_q2, l.realised_q3, l.realised_q4) IS NULL THEN NULL
                   ELSE (coalesce(l.realised_q1, 0) + coalesce(l.realised_q2, 0) + coalesce(l.realised_q3, 0) + coalesce(l.realised_q4, 0))::text END AS realised,
              st.stage, st.amount::text AS amount, st.id::text AS seq,
              CASE WHEN l.source = 'APBD' AND f.id IS NOT NULL THEN coalesce(${retiredCodeSql('l', 'f')}, false) ELSE false END AS retired,
              m.id AS tag_id, m.activity_id, m.share_bp, m.fixed_amount::text AS fixed_amount
         FROM l
         JOIN mine m ON m.line_id = l.id
         LEFT JOIN agency a ON a.id = l.agency_id
         LEFT JOIN in_force f ON f.fiscal_year = l.fiscal_year
         LEFT JOIN LATERAL (
           SELECT s.stage, s.amount, s.id FROM budget_line_stage s WHERE s.line_id = l.id ORDER BY s.rank DESC, s.id DESC LIMIT 1
         ) st ON true`,
      [planIds],
    );
    const lines = new Map<string, GapLineInput & { tags: GapLineInput['tags'][number][] }>();
    const shared: string[] = [];
    for (const r of rows) {
      let line = lines.get(r.id);
      if (!line) {
        line = {
          id: r.id,
          source: r.source,
          fiscalYear: r.fiscal_year,
          agencyId: r.agency_id,
          villageCode: r.village_code,
          budgetCode: r.budget_code,
          mandates: r.mandates ?? [],
          retired: r.retired,
          realised: r.realised === null ? null : BigInt(r.realised),
          stages: r.stage === null ? [] : [{ stage: r.stage, amount: BigInt(r.amount!), seq: Number(r.seq) }],
          tags: [],
        };
        lines.set(r.id, line);
      }
      line.tags.push({ id: r.tag_id, activityId: r.activity_id, shareBp: r.share_bp, fixedAmount: r.fixed_amount === null ? null : BigInt(r.fixed_amount) });
      if (r.share_bp !== 10000) shared.push(r.id);
    }
    if (shared.length) {
      // Lines that may carry tags of other plans: all their tags, in the split's order (the rows
      // above come unordered; a lone 100 % tag needs no order).
      const tags: { id: string; line_id: string; activity_id: string; share_bp: number | null; fixed_amount: string | null }[] = await this.m.query(
        `SELECT t.id, t.line_id, t.activity_id, t.share_bp, t.fixed_amount::text AS fixed_amount FROM allocation_tag t
          WHERE t.line_id = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
        [[...new Set(shared)]],
      );
      for (const id of new Set(shared)) lines.get(id)!.tags.length = 0;
      for (const t of tags) lines.get(t.line_id)!.tags.push({ id: t.id, activityId: t.activity_id, shareBp: t.share_bp, fixedAmount: t.fixed_amount === null ? null : BigInt(t.fixed_amount) });
    }
    return [...lines.values()];
  }

  private drawdownRows(planIds: string[]): Promise<{ activity_id: string; fiscal_year: number; amount: string; status: GapDrawdownInput['status'] }[]> {
    return this.m.query(
      `SELECT d.activity_id, p.fiscal_year, d.amount::text AS amount, d.status
         FROM fund_drawdown d JOIN fund_pool p ON p.id = d.pool_id JOIN plan_activity pa ON pa.id = d.activity_id
        WHERE pa.plan_id = ANY($1::uuid[]) AND d.status IN ('approved', 'disbursed', 'settled')`,
      [planIds],
    );
  }

  /**
   * For a roll-up (a province and its regencies, or the whole country): per region the plan in
   * force for the fiscal year — adopted before revision, review, consultation, draft; newest first.
   */
  async plansInForce(regionCode: string | undefined, fiscalYear: number): Promise<{ id: string; region_code: string; title: string; status: string }[]> {
    return this.m.query(
      `SELECT DISTINCT ON (p.region_code) p.id, p.region_code, p.title, p.status
         FROM action_plan p
        WHERE $2 BETWEEN p.start_year AND p.end_year AND ($1::text IS NULL OR p.region_code = $1 OR p.region_code LIKE $1 || '.%')
        ORDER BY p.region_code,
                 array_position(ARRAY['adopted', 'revision', 'review', 'consultation', 'draft'], p.status),
                 p.created_at DESC`,
      [regionCode ?? null, fiscalYear],
    );
  }

  /**
   * Need and allocation per plan and strategy for one fiscal year, computed in SQL for roll-ups
   * over hundreds of plans. The split is the same as `splitLine` in libs/domain: per line the latest
   * stage; share tags take amount × min(Σbp, 10000) / 10000 cut by the largest remainder (ties to
   * the earlier tag); fixed sums take what shares leave, scaled the same way when it is too little.
   * The common case (a line with one 100 % tag) skips the window arithmetic.
   */
  async rollup(planIds: string[], fiscalYear: number): Promise<{ plan_id: string; strategy_code: number; need: string; allocated: string; activities: number; unfunded: number }[]> {
    return this.m.query(
      `WITH acts AS (
         SELECT pa.id, pa.plan_id, pa.strategy_code FROM plan_activity pa WHERE pa.plan_id = ANY($1::uuid[]) AND pa.status <> 'dropped'
       ), tagged AS (
         SELECT t.line_id, t.activity_id, t.share_bp FROM allocation_tag t JOIN acts a ON a.id = t.activity_id
           JOIN budget_line l ON l.id = t.line_id WHERE l.fiscal_year = $2
       ), latest AS (
         SELECT DISTINCT ON (s.line_id) s.line_id, s.amount FROM budget_line_stage s
          WHERE s.line_id IN (SELECT line_id FROM tagged)
          ORDER BY s.line_id, s.rank DESC, s.id DESC
       ), simple AS (
         -- A 100 % share is alone on its line (the write path refuses anything beside it), so it
         -- takes the whole line without the remainder arithmetic below.
         SELECT t.activity_id, lt.amount AS part FROM tagged t JOIN latest lt ON lt.line_id = t.line_id WHERE t.share_bp = 10000
       ), tags AS (
         SELECT t.id, t.line_id, t.activity_id, t.share_bp, t.fixed_amount, lt.amount,
                coalesce(sum(t.share_bp) OVER w, 0) AS bp_total,
                coalesce(sum(t.fixed_amount) OVER w, 0)::bigint AS fixed_total,
                row_number() OVER (PARTITION BY t.line_id ORDER BY t.created_at, t.id) AS ord
           FROM allocation_tag t JOIN latest lt ON lt.line_id = t.line_id
          WHERE t.line_id IN (SELECT line_id FROM tagged WHERE share_bp IS DISTINCT FROM 10000)
         WINDOW w AS (PARTITION BY t.line_id)
       ), split AS (
         SELECT *, (amount * least(bp_total, 10000)) / 10000 AS shared_total FROM tags
       ), shares AS (
         SELECT activity_id, line_id, ord, shared_total,
                shared_total * share_bp / bp_total AS base, shared_total * share_bp % bp_total AS rem
           FROM split WHERE share_bp IS NOT NULL
       ), share_parts AS (
         SELECT activity_id,
                base + CASE WHEN row_number() OVER (PARTITION BY line_id ORDER BY rem DESC, ord)
                                 <= shared_total - sum(base) OVER (PARTITION BY line_id) THEN 1 ELSE 0 END AS part
           FROM shares
       ), fixed AS (
         SELECT activity_id, line_id, ord, fixed_amount, fixed_total, amount - shared_total AS room
           FROM split WHERE share_bp IS NULL
       ), fixed_scaled AS (
         SELECT activity_id, line_id, ord, fixed_amount, fixed_total, room,
                CASE WHEN fixed_total <= room THEN fixed_amount ELSE room * fixed_amount / fixed_total END AS base,
                CASE WHEN fixed_total <= room THEN 0 ELSE room * fixed_amount % fixed_total END AS rem
           FROM fixed
       ), fixed_parts AS (
         SELECT activity_id,
                base + CASE WHEN fixed_total > room AND row_number() OVER (PARTITION BY line_id ORDER BY rem DESC, ord)
                                 <= room - sum(base) OVER (PARTITION BY line_id) THEN 1 ELSE 0 END AS part
           FROM fixed_scaled
       ), pool AS (
         SELECT d.activity_id, d.amount AS part FROM fund_drawdown d JOIN fund_pool p ON p.id = d.pool_id JOIN acts a ON a.id = d.activity_id
          WHERE p.fiscal_year = $2 AND d.status IN ('approved', 'disbursed', 'settled')
       ), allocated AS (
         SELECT activity_id, sum(part) AS amount FROM (
           SELECT * FROM simple UNION ALL SELECT * FROM share_parts UNION ALL SELECT * FROM fixed_parts UNION ALL SELECT * FROM pool
         ) x GROUP BY activity_id
       ), per_activity AS (
         SELECT a.plan_id, a.strategy_code, coalesce(c.amount, 0) AS need, coalesce(al.amount, 0) AS allocated
           FROM acts a
           LEFT JOIN plan_activity_cost c ON c.activity_id = a.id AND c.fiscal_year = $2
           LEFT JOIN allocated al ON al.activity_id = a.id
       )
       SELECT plan_id, strategy_code, sum(need)::text AS need, sum(allocated)::text AS allocated, count(*)::int AS activities,
              count(*) FILTER (WHERE need > 0 AND allocated = 0)::int AS unfunded
         FROM per_activity GROUP BY plan_id, strategy_code`,
      [planIds, fiscalYear],
    );
  }
}
