import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BudgetCodeView, CatalogVersionView, FundSourceView, RegionDetail, RegionView, StrategyView } from '@sinergi/contracts';
import { cleanCodeText, DomainError, isRegionCode, parseApbdesCode, regionLineage, searchTokens } from '@sinergi/domain';
import { CatalogVersionEntity, FundSourceEntity, ReferenceQueries, StrategyEntity } from '@sinergi/persistence';
import type { DataSource } from 'typeorm';
import type { BudgetCodeQueryDto, RegionQueryDto } from './reference.dto';

@Injectable()
export class ReferenceService {
  private readonly queries: ReferenceQueries;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.queries = new ReferenceQueries(dataSource.manager);
  }

  async regionChildren(parent?: string): Promise<RegionView[]> {
    if (parent && !(await this.queries.regionDetail(parent))) throw DomainError.notFound(`Wilayah ${parent}`);
    return this.queries.regionChildren(parent);
  }

  /** Search results carry their ancestors so "Oesao" can be told apart from the other Oesao. */
  async searchRegions(query: RegionQueryDto): Promise<RegionDetail[]> {
    const tokens = searchTokens(query.q ?? '');
    const found = await this.queries.searchRegions(tokens, { level: query.level, within: query.within, limit: query.limit ?? 20 });
    return this.withPaths(found);
  }

  async regionDetail(code: string): Promise<RegionDetail> {
    if (!isRegionCode(code)) throw DomainError.invalidField('code', 'bukan kode wilayah Kemendagri (contoh 53.01.04.2003)');
    const region = await this.queries.regionDetail(code);
    if (!region) throw DomainError.notFound(`Wilayah ${code}`);
    const [withPath] = await this.withPaths([region]);
    return { ...withPath, childCount: region.childCount };
  }

  private async withPaths(regions: RegionView[]): Promise<RegionDetail[]> {
    const ancestors = new Set<string>();
    for (const r of regions) for (const c of regionLineage(r.code).slice(0, -1)) ancestors.add(c);
    const names = await this.queries.regionsByCode([...ancestors]);
    return regions.map((r) => ({
      ...r,
      path: regionLineage(r.code)
        .slice(0, -1)
        .map((c) => names.get(c))
        .filter((x): x is RegionView => !!x),
      childCount: 0,
    }));
  }

  searchBudgetCodes(query: BudgetCodeQueryDto): Promise<BudgetCodeView[]> {
    const text = (query.q ?? '').trim();
    // "2.08.07" or "04.04.02." is a code prefix, not words.
    const kind = query.kind ?? 'APBD';
    let asCode = cleanCodeText(text).replace(/\.$/, '');
    const looksLikeCode = /^[\dX][\dX.]*$/.test(asCode);
    // The Siskeudes spelling 04.04.02. and the Permendagri spelling 4.4.02 are the same code.
    if (looksLikeCode && kind === 'APBDES') asCode = parseApbdesCode(asCode)?.code ?? asCode;
    return this.queries.searchBudgetCodes({
      tokens: looksLikeCode ? [] : searchTokens(text),
      codePrefix: looksLikeCode ? asCode : undefined,
      kind,
      level: query.level,
      governmentLevel: query.governmentLevel,
      limit: query.limit ?? 20,
    });
  }

  async strategies(): Promise<StrategyView[]> {
    const rows = await this.dataSource.getRepository(StrategyEntity).find({ order: { code: 'ASC' } });
    return rows.map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn }));
  }

  async fundSources(): Promise<FundSourceView[]> {
    const rows = await this.dataSource.getRepository(FundSourceEntity).find({ order: { code: 'ASC' } });
    return rows.map((s) => ({ code: s.code, name: s.name }));
  }

  async catalogs(): Promise<CatalogVersionView[]> {
    const rows = await this.dataSource.getRepository(CatalogVersionEntity).find({ order: { kind: 'ASC', importedAt: 'ASC' } });
    return rows.map((v) => ({
      id: v.id,
      kind: v.kind,
      label: v.label,
      source: v.source,
      rowCount: v.rowCount,
      importedAt: v.importedAt.toISOString(),
      current: v.current,
      inForceFrom: v.inForceFrom ?? undefined,
    }));
  }
}
