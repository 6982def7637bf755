import type { BudgetSource, BudgetStage, CatalogKind } from '@sinergi/contracts';
import type { EntityManager } from 'typeorm';

/** Which lines to load: by id, by what they are tagged to, or by owner and year. */
export interface LineFilter {
  ids?: string[];
  activityId?: string;
  planId?: string;
  agencyId?: string;
  villageCode?: string;
  fiscalYear?: number;
}

export interface LineRow {
  id: string;
  source: BudgetSource;
  fiscal_year: number;
  agency_id: string | null;
  agency_name: string | null;
  agency_region: string | null;
  mandates: string[] | null;
  village_code: string | null;
  village_name: string | null;
  funder: string | null;
  budget_code: string;
  budget_code_name: string | null;
  catalog_version_id: string | null;
  catalog_label: string | null;
  account_code: string;
  account_code_original: string | null;
  fund_source: string;
  migrated_from_code: string | null;
  realised_q1: string | null;
  realised_q2: string | null;
  realised_q3: string | null;
  realised_q4: string | null;
  note: string | null;
  version: number;
}

export interface StageRow {
  id: string;
  line_id: string;
  stage: BudgetStage;
  rank: number;
  amount: string;
  recorded_at: Date;
  email: string | null;
}

export interface TagRow {
  id: string;
  line_id: string;
  activity_id: string;
  share_bp: number | null;
  fixed_amount: string | null;
  version: number;
  plan_id: string;
  plan_region: string;
  activity_code: string;
  activity_title: string;
}

export interface RetiredRow {
  line_id: string;
  replacement: string | null;
}

/**
 * Reads budget lines with their stage records and tags. The arithmetic (latest stage, split,
 * warnings) is done by libs/domain on these rows, so the API and the reports apply one rule.
 */
export class BudgetLineQueries {
  constructor(private readonly m: EntityManager) {}

  async lines(filter: LineFilter): Promise<LineRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.ids) add('l.id = ANY(?::uuid[])', filter.ids);
    if (filter.activityId) add('l.id IN (SELECT line_id FROM allocation_tag WHERE activity_id = ?)', filter.activityId);
    if (filter.planId) {
      add('l.id IN (SELECT t.line_id FROM allocation_tag t JOIN plan_activity pa ON pa.id = t.activity_id WHERE pa.plan_id = ?)', filter.planId);
    }
    if (filter.agencyId) add('l.agency_id = ?', filter.agencyId);
    if (filter.villageCode) add('l.village_code = ?', filter.villageCode);
    if (filter.fiscalYear !== undefined) add('l.fiscal_year = ?', filter.fiscalYear);
    return this.m.query(
      `SELECT l.id, l.source, l.fiscal_year, l.agency_id, a.name AS agency_name, a.region_code AS agency_region, a.mandates,
              l.village_code, r.name AS village_name, l.funder, l.budget_code, bc.name AS budget_code_name,
              l.catalog_version_id, v.label AS catalog_label, l.account_code, l.account_code_original, l.fund_source,
              l.migrated_from_code, l.realised_q1, l.realised_q2, l.realised_q3, l.realised_q4, l.note, l.version
         FROM budget_line l
         LEFT JOIN agency a ON a.id = l.agency_id
         LEFT JOIN region r ON r.code = l.village_code
         LEFT JOIN catalog_version v ON v.id = l.catalog_version_id
         LEFT JOIN LATERAL (
           SELECT b.name FROM budget_code b
            WHERE b.catalog_version_id = l.catalog_version_id AND b.code = l.budget_code AND b.level IN ('sub_kegiatan', 'kegiatan')
            LIMIT 1) bc ON true
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.fiscal_year, l.source, l.budget_code, l.account_code, l.fund_source, l.created_at`,
      params,
    );
  }

  async stages(lineIds: string[]): Promise<StageRow[]> {
    if (!lineIds.length) return [];
    return this.m.query(
      `SELECT s.id::text AS id, s.line_id, s.stage, s.rank, s.amount::text AS amount, s.recorded_at, u.email
         FROM budget_line_stage s LEFT JOIN app_user u ON u.id = s.recorded_by
        WHERE s.line_id = ANY($1::uuid[]) ORDER BY s.id`,
      [lineIds],
    );
  }

  async tags(lineIds: string[]): Promise<TagRow[]> {
    if (!lineIds.length) return [];
    return this.m.query(
      `SELECT t.id, t.line_id, t.activity_id, t.share_bp, t.fixed_amount::text AS fixed_amount, t.version,
              pa.plan_id, p.region_code AS plan_region, pa.strategy_code || '.' || pa.seq AS activity_code, pa.title AS activity_title
         FROM allocation_tag t
         JOIN plan_activity pa ON pa.id = t.activity_id
         JOIN action_plan p ON p.id = pa.plan_id
        WHERE t.line_id = ANY($1::uuid[])
        ORDER BY t.created_at, t.id`,
      [lineIds],
    );
  }

  /**
   * APBD lines whose code is retired for their fiscal year: the nomenclature version in force for
   * that year is newer than the line's version and no longer has the code. `replacement` is the
   * crosswalk's new code when the version in force has it.
   */
  async retired(lineIds: string[]): Promise<RetiredRow[]> {
    if (!lineIds.length) return [];
    return this.m.query(
      `WITH l AS (
         SELECT id, fiscal_year, budget_code, catalog_version_id FROM budget_line WHERE id = ANY($1::uuid[]) AND source = 'APBD'
       ), in_force AS (${inForceNomenclatureSql('l')})
       SELECT l.id AS line_id, cw.code AS replacement
         FROM l
         JOIN in_force f ON f.fiscal_year = l.fiscal_year
         LEFT JOIN LATERAL (
           SELECT c.code FROM code_crosswalk c
             JOIN budget_code b ON b.catalog_version_id = f.id AND b.code = c.code AND b.level = 'sub_kegiatan'
            WHERE c.previous_code = l.budget_code
            LIMIT 1) cw ON true
        WHERE ${retiredCodeSql('l', 'f')}`,
      [lineIds],
    );
  }

  /** Ids of every APBD line with a retired code, optionally only those tagged to a plan. */
  async retiredLineIds(planId?: string): Promise<string[]> {
    const rows: { id: string }[] = await this.m.query(
      `SELECT l.id FROM budget_line l WHERE l.source = 'APBD' ${planId ? 'AND l.id IN (SELECT t.line_id FROM allocation_tag t JOIN plan_activity pa ON pa.id = t.activity_id WHERE pa.plan_id = $1)' : ''}`,
      planId ? [planId] : [],
    );
    const retired = await this.retired(rows.map((r) => r.id));
    return retired.map((r) => r.line_id);
  }

  /**
   * The catalogue version a code is resolved against for a fiscal year: the one in force for the
   * year if it has the code, else the newest version that has it (the line is then flagged as a
   * retired code when that version is older). Matching government level first, for the codes of
   * special-autonomy kegiatan that exist under both levels.
   */
  async resolveCode(kind: CatalogKind, code: string, level: string, fiscalYear: number, governmentLevel: string): Promise<{ versionId: string; name: string } | undefined> {
    const rows: { version_id: string; name: string }[] = await this.m.query(
      `SELECT b.catalog_version_id AS version_id, b.name
         FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id
        WHERE v.kind = $1 AND b.code = $2 AND b.level = $3
        ORDER BY (b.government_level = $5) DESC,
                 (v.in_force_from IS NOT NULL AND v.in_force_from <= $4) DESC,
                 v.in_force_from DESC NULLS LAST, v.current DESC, v.imported_at DESC
        LIMIT 1`,
      [kind, code, level, fiscalYear, governmentLevel],
    );
    return rows[0] ? { versionId: rows[0].version_id, name: rows[0].name } : undefined;
  }
}

/**
 * The APBD nomenclature in force per fiscal year of the lines in `lines` (a CTE with a
 * `fiscal_year` column): looked up once per year rather than per line. Columns: fiscal_year, id,
 * in_force_from.
 */
export function inForceNomenclatureSql(lines: string): string {
  return `SELECT y.fiscal_year, f.id, f.in_force_from
            FROM (SELECT DISTINCT fiscal_year FROM ${lines}) y
            CROSS JOIN LATERAL (
              SELECT v.id, v.in_force_from FROM catalog_version v
               WHERE v.kind = 'APBD_NOMENCLATURE' AND v.in_force_from <= y.fiscal_year
               ORDER BY v.in_force_from DESC, v.imported_at DESC LIMIT 1) f`;
}

/**
 * "This APBD line's code is retired for its fiscal year": the nomenclature in force for the year
 * (`inForce`, a row of {@link inForceNomenclatureSql}) is newer than the line's version and no
 * longer has the code. A boolean SQL expression over the aliases given.
 */
export function retiredCodeSql(line: string, inForce: string): string {
  return `(${inForce}.id <> ${line}.catalog_version_id
           AND coalesce((SELECT lv.in_force_from FROM catalog_version lv WHERE lv.id = ${line}.catalog_version_id), 0) < ${inForce}.in_force_from
           AND NOT EXISTS (SELECT 1 FROM budget_code b WHERE b.catalog_version_id = ${inForce}.id AND b.code = ${line}.budget_code))`;
}
