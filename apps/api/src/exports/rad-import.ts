import { Body, Controller, HttpCode, Injectable, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConsumes, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { ActivityInput, FieldError, ImportError, UserView } from '@sinergi/contracts';
import { canPlanInRegion, DomainError, isWithinRegion, validateActivity } from '@sinergi/domain';
import { ActionPlanEntity, AgencyEntity } from '@sinergi/persistence';
import { columnLetter, normaliseHeader, parseAmountText, readRadMatrix, UnreadableFileError, type MatrixCell, type MatrixRead } from '@sinergi/xlsx';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { Roles, CurrentUser } from '../common/access.decorators';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE } from '../common/patterns';
import { UPLOAD_LIMITS } from '../common/uploads';
import { createActivity } from '../plans/activity-writer';
import { PlansService } from '../plans/plans.service';

export class RadImportDto {
  @ApiPropertyOptional({ example: '53.01', description: "Default: the planner's region" })
  @IsOptional()
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Default: the cover sheet title, else one made from the region and period' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

interface PreparedActivity {
  row: number;
  input: ActivityInput;
  /** Supporting institutions not yet known in the region: created on commit. */
  newSupporting: string[];
}

export interface RadImportPreview {
  dryRun: boolean;
  valid: true;
  id?: string;
  title: string;
  regionCode: string;
  startYear: number;
  endYear: number;
  activities: number;
  rows: { row: number; strategyCode: number; title: string; leadAgency: string; totalCost: string }[];
  newInstitutions: string[];
  warnings: ImportError[];
}

/** Splits a cell listing several institutions or places ("Polres; Kejari, Dinsos"). Not on "dan": names contain it. */
function splitList(text: string): string[] {
  return text
    .split(/[;,\n/]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const PLACE_PREFIX = /^(desa|kelurahan|kel|kecamatan|kec)\.?\s+/i;
/** "Desa Oesao" is the desa, not the kelurahan of the same name. */
const PREFIX_LEVEL: Record<string, string> = { desa: 'village', kelurahan: 'urban_village', kel: 'urban_village', kecamatan: 'district', kec: 'district' };

/**
 * POST /api/plans/import: a region's existing RAD matrix in Excel becomes a draft plan. Every row
 * is checked first; any problem returns all of them with sheet, row and column, and nothing is
 * written. Unknown supporting institutions are never refused: they are listed and created with
 * the plan. A dry run shows what would be created.
 */
@Injectable()
export class RadImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  async import(actor: UserView, bytes: Buffer, dto: RadImportDto): Promise<RadImportPreview> {
    const regionCode = dto.regionCode ?? actor.regionCode;
    if (!regionCode) throw DomainError.invalidField('regionCode', 'isi kode wilayah rencana (contoh 53.01)');
    if (!canPlanInRegion(actor, regionCode)) throw DomainError.forbidden('Hanya perencana Bappeda wilayah ini (atau admin) yang mengimpor RAD');
    let read: MatrixRead | undefined;
    try {
      const result = await readRadMatrix(bytes);
      if (result.errors.length) throw new DomainError('IMPORT_INVALID', result.errors[0].message, result.errors);
      read = result.read;
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new DomainError('IMPORT_INVALID', error.message, []);
      throw error;
    }
    const m = this.dataSource.manager;
    const [regionRows, strategies, agencies, places] = await Promise.all([
      m.query('SELECT name FROM region WHERE code = $1', [regionCode]) as Promise<{ name: string }[]>,
      m.query('SELECT code, name FROM strategy ORDER BY code') as Promise<{ code: number; name: string }[]>,
      m.find(AgencyEntity),
      m.query(`SELECT code, name, level FROM region WHERE code LIKE $1 || '.%' AND level IN ('district', 'village', 'urban_village')`, [regionCode]) as Promise<
        { code: string; name: string; level: string }[]
      >,
    ]);
    if (!regionRows.length) throw DomainError.invalidField('regionCode', 'wilayah tidak ditemukan');
    const prepared = this.prepare(read!, regionCode, strategies, agencies, places);
    if (prepared.errors.length) {
      throw new DomainError('IMPORT_INVALID', `${prepared.errors.length} masalah di berkas; tidak ada yang disimpan`, prepared.errors.slice(0, 500));
    }
    const title = dto.title?.trim() || read!.title || `RAD PP-TPPO ${regionRows[0].name} ${prepared.startYear}–${prepared.endYear} (impor)`;
    const agencyName = new Map(agencies.map((a) => [a.id, a.shortName || a.name]));
    const preview: RadImportPreview = {
      dryRun: dto.dryRun === 'true',
      valid: true,
      title,
      regionCode,
      startYear: prepared.startYear,
      endYear: prepared.endYear,
      activities: prepared.activities.length,
      rows: prepared.activities.map((a) => ({
        row: a.row,
        strategyCode: a.input.strategyCode,
        title: a.input.title,
        leadAgency: agencyName.get(a.input.leadAgencyId) ?? '',
        totalCost: Object.values(a.input.costs)
          .reduce((s, v) => s + BigInt(v), 0n)
          .toString(),
      })),
      newInstitutions: [...new Set(prepared.activities.flatMap((a) => a.newSupporting))],
      warnings: prepared.warnings,
    };
    if (preview.dryRun) return preview;
    preview.id = await this.dataSource.transaction((tx) => this.commit(tx, actor, preview, prepared.activities));
    return preview;
  }

  private async commit(m: EntityManager, actor: UserView, preview: RadImportPreview, activities: PreparedActivity[]): Promise<string> {
    const { id } = await this.plans.create(actor, { regionCode: preview.regionCode, title: preview.title, startYear: preview.startYear, endYear: preview.endYear }, m);
    const plan = await m.findOneOrFail(ActionPlanEntity, { where: { id } });
    const created = new Map<string, string>();
    for (const name of preview.newInstitutions) {
      const agency = await m.save(AgencyEntity, m.create(AgencyEntity, { name, shortName: name.slice(0, 40), kind: 'other', regionCode: preview.regionCode, mandates: [] }));
      created.set(normaliseHeader(name), agency.id);
      await recordAudit(m, { actorId: actor.id, entity: 'agency', entityId: agency.id, action: 'create', newValue: { name, via: 'impor matriks RAD' } });
    }
    for (const a of activities) {
      const supportingAgencyIds = [...(a.input.supportingAgencyIds ?? []), ...a.newSupporting.map((n) => created.get(normaliseHeader(n))!)];
      await createActivity(m, plan, { ...a.input, supportingAgencyIds }, actor.id, 'impor matriks RAD');
    }
    await recordAudit(m, { actorId: actor.id, entity: 'action_plan', entityId: id, action: 'imported', newValue: { activities: activities.length, newInstitutions: preview.newInstitutions } });
    return id;
  }

  /** Turns the read rows into activity inputs, collecting every problem with its cell. */
  private prepare(
    read: MatrixRead,
    regionCode: string,
    strategies: { code: number; name: string }[],
    agencies: AgencyEntity[],
    places: { code: string; name: string; level: string }[],
  ): { activities: PreparedActivity[]; errors: ImportError[]; warnings: ImportError[]; startYear: number; endYear: number } {
    const sheet = read.layout.sheet;
    const errors: ImportError[] = [];
    const warnings: ImportError[] = [];
    const problem = (row: number, cell: MatrixCell | undefined, fallbackColumn: string, message: string, list = errors) =>
      list.push({ sheet, row, column: cell?.column ?? fallbackColumn, message });
    const years = [...new Set([...read.layout.years.need.keys(), ...read.layout.years.target.keys()])].sort();
    const startYear = years[0];
    const endYear = years[years.length - 1];
    const period = { startYear, endYear };
    if (endYear - startYear >= 10) errors.push({ sheet, row: read.layout.headerRow, column: '', message: `periode ${startYear}–${endYear} lebih dari 10 tahun` });

    // Agencies of the region (and the province above a regency): by name or short name.
    const inRegion = agencies.filter((a) => isWithinRegion(a.regionCode, regionCode) || isWithinRegion(regionCode, a.regionCode));
    const agencyBy = new Map<string, AgencyEntity>();
    for (const a of inRegion) {
      agencyBy.set(normaliseHeader(a.name), a);
      if (a.shortName) agencyBy.set(normaliseHeader(a.shortName), a);
    }
    const placeBy = new Map<string, { code: string; level: string }[]>();
    for (const p of places) {
      const key = normaliseHeader(p.name);
      placeBy.set(key, [...(placeBy.get(key) ?? []), { code: p.code, level: p.level }]);
    }
    const strategyOf = (text: string): number | undefined => {
      const n = normaliseHeader(text);
      const number = /^([1-6])\b/.exec(n);
      if (number) return Number(number[1]);
      const exact = strategies.find((s) => normaliseHeader(s.name) === n);
      if (exact) return exact.code;
      const containing = strategies.filter((s) => normaliseHeader(s.name).includes(n));
      return containing.length === 1 ? containing[0].code : undefined;
    };
    const colOf = (field: keyof typeof read.layout.fields) => {
      const c = read.layout.fields[field];
      return c ? columnLetter(c) : '';
    };

    const activities: PreparedActivity[] = [];
    let currentStrategy: number | undefined;
    for (const r of read.rows) {
      const { cells } = r;
      const activityCell = cells.activity;
      if (!activityCell) {
        // A strategy row (often a merged cell over its activities), the totals row, or a note.
        if (cells.strategy && !/^(jumlah|total)\b/i.test(cells.strategy.text)) {
          const code = strategyOf(cells.strategy.text);
          if (code === undefined) problem(r.row, cells.strategy, colOf('strategy'), `strategi "${cells.strategy.text}" tidak dikenali (1–6 atau nama strategi RAN)`);
          else currentStrategy = code;
        }
        continue;
      }
      if (/^(jumlah|total)\b/i.test(activityCell.text)) continue;
      const strategyCode = cells.strategy ? strategyOf(cells.strategy.text) : currentStrategy;
      if (strategyCode === undefined) {
        problem(r.row, cells.strategy, colOf('strategy') || colOf('activity'), cells.strategy ? `strategi "${cells.strategy.text}" tidak dikenali` : 'strategi tidak diketahui untuk kegiatan ini');
        continue;
      }
      const lead = cells.lead ? agencyBy.get(normaliseHeader(cells.lead.text)) : undefined;
      if (!cells.lead) problem(r.row, undefined, colOf('lead'), 'penanggung jawab wajib diisi');
      else if (!lead) problem(r.row, cells.lead, colOf('lead'), `penanggung jawab "${cells.lead.text}" bukan instansi di wilayah ini; tambahkan dahulu di Administrasi → Instansi`);
      const supportingAgencyIds: string[] = [];
      const newSupporting: string[] = [];
      for (const name of cells.supporting ? splitList(cells.supporting.text) : []) {
        const known = agencyBy.get(normaliseHeader(name));
        if (known) {
          if (known.id !== lead?.id && !supportingAgencyIds.includes(known.id)) supportingAgencyIds.push(known.id);
        } else if (!newSupporting.includes(name)) newSupporting.push(name);
      }
      const regionCodes: string[] = [];
      for (const name of cells.location ? splitList(cells.location.text) : []) {
        const prefix = PLACE_PREFIX.exec(name)?.[1].toLowerCase();
        const key = normaliseHeader(name.replace(PLACE_PREFIX, ''));
        const found = (placeBy.get(key) ?? []).filter((p) => !prefix || p.level === PREFIX_LEVEL[prefix]);
        if (found.length === 1) regionCodes.push(found[0].code);
        else if (!/^(seluruh|semua)\b/i.test(name)) {
          problem(r.row, cells.location, colOf('location'), found.length ? `lokasi "${name}" ada di beberapa wilayah; tulis kode wilayahnya` : `lokasi "${name}" tidak ditemukan di wilayah ini; dilewati`, warnings);
        }
      }
      const costs: Record<string, string> = {};
      for (const [year, cell] of r.yearCells.need) {
        const amount = parseAmountText(cell);
        if (amount.error) problem(r.row, cell, '', amount.error);
        else if (amount.value !== '0') costs[String(year)] = amount.value!;
      }
      const targets: Record<string, string> = {};
      for (const [year, cell] of r.yearCells.target) targets[String(year)] = cell.text;
      const input: ActivityInput = {
        strategyCode,
        title: activityCell.text,
        output: cells.output?.text,
        indicator: cells.indicator?.text,
        unit: cells.unit?.text,
        baseline: cells.baseline?.text,
        leadAgencyId: lead?.id ?? '',
        supportingAgencyIds,
        regionCodes: [...new Set(regionCodes)],
        targets,
        costs,
      };
      if (!lead) continue;
      try {
        validateActivity(input, period, false);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const d of (error.details as FieldError[] | undefined) ?? []) {
          const [field, year] = d.path.split('.');
          const cell =
            field === 'costs' ? r.yearCells.need.get(Number(year)) : field === 'targets' ? r.yearCells.target.get(Number(year)) : field === 'title' ? activityCell : cells[field as 'output'];
          problem(r.row, cell, colOf('activity'), `${d.path}: ${d.message}`);
        }
        continue;
      }
      activities.push({ row: r.row, input, newSupporting });
    }
    if (!activities.length && !errors.length) errors.push({ sheet, row: read.layout.headerRow, column: colOf('activity'), message: 'tidak ada baris kegiatan di bawah baris judul' });
    return { activities, errors, warnings, startYear, endYear };
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class RadImportController {
  constructor(private readonly imports: RadImportService) {}

  /** 201 `{ id, activities, … }` (or 200 with the preview for `dryRun=true`), or 422 IMPORT_INVALID listing every problem. */
  @Roles('admin', 'planner')
  @Post('plans/import')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: RadImportDto,
    @Query('dryRun') dryRunQuery: string | undefined,
    @CurrentUser() user: UserView,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RadImportPreview> {
    if (!file) throw DomainError.invalidField('file', 'unggah matriks RAD (.xlsx) di kolom "file"');
    const dryRun = body.dryRun ?? (dryRunQuery === 'true' ? 'true' : undefined);
    const result = await this.imports.import(user, file.buffer, { ...body, dryRun });
    if (result.dryRun) res.status(200);
    return result;
  }
}
