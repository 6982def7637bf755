import type { BudgetCodeKind, BudgetCodeView, GovernmentLevel, RegionLevel, RegionView } from '@sinergi/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Read queries behind the reference endpoints. The search expressions here must stay identical
 * to the GIN indexes of the migration (idx_region_search, idx_budget_code_search) or PostgreSQL
 * will not use them.
 */
export const REGION_SEARCH_VECTOR = "to_tsvector('simple', search_text)";
export const BUDGET_CODE_SEARCH_VECTOR =
  "(setweight(to_tsvector('simple', search_text), 'A') || setweight(to_tsvector('simple', search_detail), 'B'))";
/** The same expression on the alias `b`, as the search query writes it. */
const VEC = BUDGET_CODE_SEARCH_VECTOR.replace(/search_/g, 'b.search_');

interface RegionRowSql {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

function toRegionView(r: RegionRowSql): RegionView {
  const view: RegionView = { code: r.code, name: r.name, level: r.level };
  if (r.parent_code) view.parentCode = r.parent_code;
  return view;
}

/** `pemulangan korban` → `pemulangan:* & korban:*` (or `|`); tokens are already [a-z0-9]+. */
export function prefixQuery(tokens: string[], operator: '&' | '|'): string {
  return tokens.map((t) => `${t}:*`).join(` ${operator} `);
}

export class ReferenceQueries {
  constructor(private readonly manager: EntityManager) {}

  async regionChildren(parent: string | undefined): Promise<RegionView[]> {
    const rows: RegionRowSql[] = parent
      ? await this.manager.query('SELECT code, name, level, parent_code FROM region WHERE parent_code = $1 ORDER BY code', [parent])
      : await this.manager.query('SELECT code, name, level, parent_code FROM region WHERE parent_code IS NULL ORDER BY code');
    return rows.map(toRegionView);
  }

  async regionsByCode(codes: string[]): Promise<Map<string, RegionView>> {
    if (!codes.length) return new Map();
    const rows: RegionRowSql[] = await this.manager.query(
      'SELECT code, name, level, parent_code FROM region WHERE code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((r) => [r.code, toRegionView(r)]));
  }

  async regionDetail(code: string): Promise<(RegionView & { childCount: number }) | undefined> {
    const rows: (RegionRowSql & { child_count: number })[] = await this.manager.query(
      `SELECT r.code, r.name, r.level, r.parent_code,
              (SELECT count(*)::int FROM region c WHERE c.parent_code = r.code) AS child_count
         FROM region r WHERE r.code = $1`,
      [code],
    );
    return rows[0] && { ...toRegionView(rows[0]), childCount: rows[0].child_count };
  }

  /** Regions whose name contains every word of the query (as word prefixes), optionally within one region. */
  async searchRegions(tokens: string[], options: { level?: RegionLevel; within?: string; limit: number }): Promise<RegionView[]> {
    if (!tokens.length) return [];
    const rows: RegionRowSql[] = await this.manager.query(
      `SELECT code, name, level, parent_code FROM region
        WHERE ${REGION_SEARCH_VECTOR} @@ to_tsquery('simple', $1)
          AND ($2::text IS NULL OR level = $2)
          AND ($3::text IS NULL OR code = $3 OR code LIKE $3 || '.%')
        ORDER BY (lower(name) = $4) DESC, length(code), name
        LIMIT $5`,
      [prefixQuery(tokens, '&'), options.level ?? null, options.within ?? null, tokens.join(' '), options.limit],
    );
    return rows.map(toRegionView);
  }

  /**
   * Codes of the current catalogue versions ranked by how many of the query's words they contain,
   * a word in the name counting more than one in the output or indicator. A query that looks like
   * a code (`2.08.07`) matches codes by prefix instead.
   */
  /**
   * How telling each word is among the current codes of a kind: ln(N / codes containing it).
   * One indexed count per word, with the word as a constant so the GIN index serves it.
   */
  private async rarity(kind: BudgetCodeKind, tokens: string[]): Promise<number[]> {
    const current = 'FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id AND v.current WHERE b.kind = $1';
    const [{ n }]: { n: number }[] = await this.manager.query(`SELECT count(*)::int AS n ${current}`, [kind]);
    const counts: number[] = [];
    for (const t of tokens) {
      const [{ df }]: { df: number }[] = await this.manager.query(`SELECT count(*)::int AS df ${current} AND ${VEC} @@ to_tsquery('simple', $2)`, [kind, `${t}:*`]);
      counts.push(df);
    }
    return counts.map((df) => Math.log(Math.max(n, 1) / Math.max(df, 1)));
  }

  async searchBudgetCodes(q: {
    tokens: string[];
    codePrefix?: string;
    kind: BudgetCodeKind;
    level?: string;
    governmentLevel?: GovernmentLevel;
    /** Bidang urusan of an agency's mandate: its codes rank first among equally good matches. */
    preferBidang?: string[];
    limit: number;
  }): Promise<BudgetCodeView[]> {
    const params: unknown[] = [q.kind, q.level ?? null, q.governmentLevel ?? null, q.limit];
    const prefer = q.preferBidang?.length ? q.preferBidang : null;
    let match: string;
    let order: string;
    if (q.codePrefix) {
      params.push(q.codePrefix);
      match = `b.code LIKE $5::text || '%'`;
      // Shorter (higher-level) codes first: a programme before its kegiatan before their sub kegiatan.
      order = 'length(b.code)';
    } else {
      if (!q.tokens.length) return [];
      // Each query word weighs by its rarity among the current codes of this kind (log N/df), so
      // the word every name shares ("desa", "daerah") counts little and a telling one ("TPPO",
      // "pemulangan") much; a word in the name counts double one only in the output or indicator.
      // Then the agency's mandate, then ts_rank_cd normalised by length, so a short name that
      // says exactly the query words ranks above a long one that mentions them in passing.
      // Words found in more than half of the codes ("jumlah" begins most indicators) tell
      // nothing and would make nearly every code a candidate: they are left out.
      const idf = await this.rarity(q.kind, q.tokens);
      const telling = q.tokens.map((t, i) => ({ t, idf: idf[i] })).filter((w) => w.idf > Math.LN2);
      const words = telling.length ? telling : q.tokens.map((t, i) => ({ t, idf: idf[i] }));
      // The per-word queries are built once here, not parsed again for every candidate row.
      params.push(
        prefixQuery(words.map((w) => w.t), '|'),
        words.map((w) => `${w.t}:*A`),
        prefer,
        words.map((w) => w.idf),
        words.map((w) => `${w.t}:*`),
      );
      match = `${VEC} @@ to_tsquery('simple', $5)`;
      order = `(SELECT sum(CASE WHEN x.vec @@ in_name THEN 2 * idf WHEN x.vec @@ anywhere THEN idf ELSE 0 END)
                 FROM unnest($6::tsquery[], $9::tsquery[], $8::float8[]) AS words(in_name, anywhere, idf))
              + CASE WHEN b.bidang_urusan = ANY($7::text[]) THEN 1 ELSE 0 END DESC,
              ts_rank_cd(x.vec, to_tsquery('simple', $5), 2) DESC`;
    }
    const rows: {
      code: string;
      level: BudgetCodeView['level'];
      name: string;
      label: string;
      kind: BudgetCodeKind;
      government_level: string;
      output: string | null;
      indicator: string | null;
      unit: string | null;
      bidang_urusan: string | null;
    }[] = await this.manager.query(
      `SELECT b.code, b.level, b.name, v.label, b.kind, b.government_level, b.output, b.indicator, b.unit, b.bidang_urusan
         FROM budget_code b
         JOIN catalog_version v ON v.id = b.catalog_version_id AND v.current
         -- The row's search vector, computed once for the ranking below.
         CROSS JOIN LATERAL (SELECT ${VEC} AS vec) x
        WHERE b.kind = $1
          AND ($2::text IS NULL OR b.level = $2)
          AND ($3::text IS NULL OR b.government_level IN ($3, ''))
          AND ${match}
        ORDER BY ${order}, b.code, b.government_level
        LIMIT $4`,
      params,
    );
    return rows.map((r) => {
      const view: BudgetCodeView = { code: r.code, level: r.level, name: r.name, catalogVersion: r.label, kind: r.kind };
      if (r.government_level) view.governmentLevel = r.government_level as GovernmentLevel;
      if (r.output) view.output = r.output;
      if (r.indicator) view.indicator = r.indicator;
      if (r.unit) view.unit = r.unit;
      if (prefer) view.inMandate = !!r.bidang_urusan && prefer.includes(r.bidang_urusan);
      return view;
    });
  }
}
