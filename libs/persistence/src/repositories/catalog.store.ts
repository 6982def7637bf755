import type { CatalogKind } from '@sinergi/contracts';
import type {
  AccountCodeRow,
  BudgetCodeRow,
  CatalogRow,
  CrosswalkRow,
  FundSourceRow,
  RegionRow,
  StrategyRow,
} from '@sinergi/domain';
import type { EntityManager } from 'typeorm';

/**
 * Bulk writes of catalogue rows. Each batch is one INSERT … SELECT FROM unnest(…) ON CONFLICT
 * statement, so 91,599 regions go in a couple of dozen round trips. A row whose values did not
 * change is not touched (the WHERE on DO UPDATE), which is how a re-import counts "unchanged".
 */
const BATCH = 5000;

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

interface Spec<R> {
  table: string;
  columns: { name: string; type: string; value: (r: R) => unknown }[];
  conflict: string[];
  /** Columns compared to decide whether a conflicting row changed. */
  compare: string[];
}

const withVersion = <R>(columns: Spec<R>['columns']): Spec<R>['columns'] => [
  { name: 'catalog_version_id', type: 'uuid', value: () => undefined },
  ...columns,
];

const SPECS: Partial<Record<CatalogKind, Spec<never>>> = {
  REGIONS: {
    table: 'region',
    columns: withVersion<RegionRow>([
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'level', type: 'text', value: (r) => r.level },
      { name: 'parent_code', type: 'text', value: (r) => r.parentCode },
      { name: 'search_text', type: 'text', value: (r) => r.searchText },
    ]),
    conflict: ['code'],
    compare: ['name', 'level', 'parent_code'],
  } as Spec<never>,
  APBD_NOMENCLATURE: budgetCodeSpec(),
  APBDES_ACTIVITIES: budgetCodeSpec(),
  APBD_ACCOUNTS: accountSpec(),
  APBDES_ACCOUNTS: accountSpec(),
  APBD_CROSSWALK: {
    table: 'code_crosswalk',
    columns: withVersion<CrosswalkRow>([
      { name: 'previous_code', type: 'text', value: (r) => r.previousCode },
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'government_level', type: 'text', value: (r) => r.governmentLevel },
    ]),
    conflict: ['catalog_version_id', 'previous_code', 'government_level'],
    compare: ['code'],
  } as Spec<never>,
  FUND_SOURCES: {
    table: 'fund_source',
    columns: withVersion<FundSourceRow>([
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'name', type: 'text', value: (r) => r.name },
    ]),
    conflict: ['code'],
    compare: ['name'],
  } as Spec<never>,
  RAN_STRATEGIES: {
    table: 'strategy',
    columns: withVersion<StrategyRow>([
      { name: 'code', type: 'integer', value: (r) => r.code },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'name_en', type: 'text', value: (r) => r.nameEn },
    ]),
    conflict: ['code'],
    compare: ['name', 'name_en'],
  } as Spec<never>,
};

function budgetCodeSpec(): Spec<never> {
  return {
    table: 'budget_code',
    columns: withVersion<BudgetCodeRow>([
      { name: 'kind', type: 'text', value: (r) => r.kind },
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'level', type: 'text', value: (r) => r.level },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'government_level', type: 'text', value: (r) => r.governmentLevel },
      { name: 'bidang_urusan', type: 'text', value: (r) => r.bidangUrusan },
      { name: 'output', type: 'text', value: (r) => r.output },
      { name: 'indicator', type: 'text', value: (r) => r.indicator },
      { name: 'unit', type: 'text', value: (r) => r.unit },
      { name: 'previous_code', type: 'text', value: (r) => r.previousCode },
      { name: 'search_text', type: 'text', value: (r) => r.searchText },
      { name: 'search_detail', type: 'text', value: (r) => r.searchDetail },
    ]),
    conflict: ['catalog_version_id', 'code', 'government_level'],
    compare: ['level', 'name', 'bidang_urusan', 'output', 'indicator', 'unit', 'previous_code'],
  } as Spec<never>;
}

function accountSpec(): Spec<never> {
  return {
    table: 'account_code',
    columns: withVersion<AccountCodeRow>([
      { name: 'kind', type: 'text', value: (r) => r.kind },
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'level', type: 'text', value: (r) => r.level },
      { name: 'name', type: 'text', value: (r) => r.name },
    ]),
    conflict: ['catalog_version_id', 'code'],
    compare: ['level', 'name'],
  } as Spec<never>;
}

export class CatalogStore {
  constructor(private readonly manager: EntityManager) {}

  async findVersion(kind: CatalogKind, label: string): Promise<{ id: string; checksum: string | null } | undefined> {
    const rows: { id: string; checksum: string | null }[] = await this.manager.query(
      'SELECT id, checksum FROM catalog_version WHERE kind = $1 AND label = $2',
      [kind, label],
    );
    return rows[0];
  }

  /** Creates the version (or refreshes its metadata) and returns its id. */
  async saveVersion(v: {
    kind: CatalogKind;
    label: string;
    source: string;
    checksum: string;
    rowCount: number;
    importedBy: string | null;
    inForceFrom: number | null;
  }): Promise<string> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO catalog_version (kind, label, source, checksum, row_count, imported_by, in_force_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (kind, label) DO UPDATE
         SET source = excluded.source, checksum = excluded.checksum, row_count = excluded.row_count,
             imported_by = excluded.imported_by, imported_at = now(),
             in_force_from = coalesce(excluded.in_force_from, catalog_version.in_force_from)
       RETURNING id`,
      [v.kind, v.label, v.source, v.checksum, v.rowCount, v.importedBy, v.inForceFrom],
    );
    return rows[0].id;
  }

  /** Makes `versionId` the one new work uses for its kind. */
  async makeCurrent(kind: CatalogKind, versionId: string): Promise<void> {
    await this.manager.query('UPDATE catalog_version SET current = (id = $2) WHERE kind = $1', [kind, versionId]);
  }

  async upsert(kind: CatalogKind, versionId: string, rows: CatalogRow[]): Promise<UpsertCounts> {
    const spec = SPECS[kind] as Spec<CatalogRow> | undefined;
    if (!spec) throw new Error(`no storage for catalogue kind ${kind}`);
    const names = spec.columns.map((c) => c.name);
    const unnest = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const updates = names.filter((n) => !spec.conflict.includes(n)).map((n) => `${n} = excluded.${n}`);
    const changed = spec.compare.map((n) => `t.${n} IS DISTINCT FROM excluded.${n}`).join(' OR ');
    // Regions and strategies are not per version: a newer import takes them over, so a changed
    // version id alone counts as an update there.
    const versionTakeover = spec.conflict.includes('catalog_version_id') ? '' : ' OR t.catalog_version_id IS DISTINCT FROM excluded.catalog_version_id';
    const sql = `INSERT INTO ${spec.table} AS t (${names.join(', ')})
      SELECT * FROM unnest(${unnest})
      ON CONFLICT (${spec.conflict.join(', ')}) DO UPDATE SET ${updates.join(', ')}
      WHERE ${changed}${versionTakeover}
      RETURNING (xmax = 0) AS inserted`;
    const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const params = spec.columns.map((c) => (c.name === 'catalog_version_id' ? batch.map(() => versionId) : batch.map((r) => c.value(r as never))));
      const result: { inserted: boolean }[] = await this.manager.query(sql, params);
      const created = result.filter((r) => r.inserted).length;
      counts.created += created;
      counts.updated += result.length - created;
      counts.unchanged += batch.length - result.length;
    }
    return counts;
  }
}
