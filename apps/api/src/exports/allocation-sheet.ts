import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { APBD_STAGES, type FieldError, type ImportError, type UserView } from '@sinergi/contracts';
import { canWriteForAgency, DomainError, governmentLevelOfRegion, parseClaim, parseLineInput } from '@sinergi/domain';
import { AgencyEntity } from '@sinergi/persistence';
import { readAllocationSheet, UnreadableFileError, writeAllocationSheet, type AllocationSheetSummary, type ParsedAllocationRow } from '@sinergi/xlsx';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import type { DataSource } from 'typeorm';
import { BulkAllocator, type BulkRow } from '../allocations/bulk-lines';
import { loadLineViews } from '../allocations/line-views';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { UPLOAD_LIMITS } from '../common/uploads';
import { uuidPipe } from '../common/uuid.pipe';
import { PlansService } from '../plans/plans.service';

export class AllocationSheetQueryDto {
  @ApiPropertyOptional({ description: "Default: the user's own agency" })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class AllocationImportDto extends AllocationSheetQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export interface AllocationImportResult {
  valid: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
}

/** Thrown inside the transaction to roll a dry run (or a file with errors) back. */
class Rollback extends Error {
  constructor(readonly result: AllocationImportResult) {
    super('rollback');
  }
}

/**
 * The row errors of an import: all counted, the first 500 by row kept for the answer (a sheet of
 * 100 000 wrong rows must not hold 100 000 messages).
 */
class ErrorList {
  private static readonly KEPT = 500;
  private readonly kept: ImportError[] = [];
  count = 0;

  push(e: ImportError): void {
    this.count++;
    this.kept.push(e);
    // Rows arrive roughly in order: trim now and then rather than on every push.
    if (this.kept.length >= ErrorList.KEPT * 2) this.kept.splice(0, this.kept.length, ...this.sorted());
  }

  sorted(): ImportError[] {
    return this.kept.sort((a, b) => a.row - b.row).slice(0, ErrorList.KEPT);
  }
}

/** Which sheet column a field of the allocation body comes from, to name it in an error. */
const FIELD_COLUMN: Record<string, keyof ParsedAllocationRow['column']> = {
  budgetCode: 'budgetCode',
  accountCode: 'accountCode',
  stage: 'stage',
  amount: 'amount',
  fiscalYear: 'year',
  sharePercent: 'share',
  taggedAmount: 'amount',
};

/**
 * The allocation sheet round trip (API-CONTRACT.md "Excel"): an OPD downloads its activities × years
 * with drop-downs, fills in its lines, and uploads it back. The rows are checked by the same input
 * rules as a tag made on screen and written set-based (BulkAllocator, the same allocation rules)
 * in one transaction, batch by batch while the file is read: any row error, or a dry run, rolls
 * everything back.
 */
@Injectable()
export class AllocationSheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  async template(actor: UserView, planId: string, agencyId: string | undefined, out: Response): Promise<void> {
    const plan = await this.plans.get(actor, planId);
    const agency = await this.agency(agencyId ?? actor.agencyId);
    const m = this.dataSource.manager;
    const lines = await loadLineViews(m, { planId, agencyId: agency.id });
    const codes: { code: string; name: string }[] = await m.query(
      `SELECT b.code, b.name FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id AND v.kind = 'APBD_NOMENCLATURE' AND v.current
        WHERE b.level = 'sub_kegiatan' AND b.government_level = $2 AND (b.bidang_urusan = ANY($1::text[]) OR b.bidang_urusan = 'X.XX')
        ORDER BY b.code`,
      [agency.mandates, governmentLevelOfRegion(agency.regionCode)],
    );
    const rows = plan.strategies.flatMap((s) =>
      s.activities
        .filter((a) => a.leadAgencyId === agency.id || a.supportingAgencyIds.includes(agency.id))
        .flatMap((a) => {
          const out = [];
          for (let year = plan.startYear; year <= plan.endYear; year++) {
            const base = { activityCode: a.code, activity: a.title, year, need: a.costs[String(year)] ?? '0' };
            const own = lines.filter((l) => l.fiscalYear === year && l.tags.some((t) => t.activityId === a.id));
            if (!own.length) out.push(base);
            for (const l of own) {
              const tag = l.tags.find((t) => t.activityId === a.id);
              out.push({ ...base, budgetCode: l.budgetCode, accountCode: l.accountCode, stage: l.stage, amount: l.amount, sharePercent: tag?.sharePercent });
            }
          }
          return out;
        }),
    );
    out.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    out.setHeader('Content-Disposition', `attachment; filename="alokasi-${(agency.shortName || 'instansi').replace(/[^A-Za-z0-9-]+/g, '-')}.xlsx"`);
    const stream = new PassThrough();
    stream.pipe(out);
    await writeAllocationSheet({ planTitle: plan.title, agencyId: agency.id, agencyName: agency.name, rows, codes, stages: APBD_STAGES }, stream);
    stream.end();
  }

  async import(actor: UserView, planId: string, bytes: Buffer, dto: AllocationImportDto): Promise<AllocationImportResult> {
    const plan = await this.plans.get(actor, planId);
    const activityByCode = new Map(plan.strategies.flatMap((s) => s.activities.map((a) => [a.code, a.id] as const)));
    const dryRun = dto.dryRun === 'true';
    const errors = new ErrorList();
    const fail = (r: ParsedAllocationRow, path: string | undefined, message: string) =>
      errors.push({ sheet: 'Alokasi', row: r.row, column: path ? r.column[FIELD_COLUMN[path] ?? 'budgetCode'] ?? '' : '', message });
    let agency: AgencyEntity | undefined;
    const chooseAgency = async (fromSheet: string | undefined) => {
      agency = await this.agency(dto.agencyId ?? fromSheet ?? actor.agencyId);
      if (!canWriteForAgency(actor, agency)) throw DomainError.forbidden(`Anda hanya dapat mengunggah anggaran instansi Anda sendiri, bukan ${agency.shortName || agency.name}`);
      return agency;
    };
    try {
      return await this.dataSource.transaction(async (m) => {
        let allocator: BulkAllocator | undefined;
        let sheet: AllocationSheetSummary;
        try {
          // Batch by batch while the file is still being read: each batch's shape and codes are
          // checked in memory, then its lines written (BulkAllocator, the same allocation rules).
          sheet = await readAllocationSheet(bytes, async (batch) => {
            for (const e of batch.errors) errors.push(e);
            allocator ??= new BulkAllocator(m, actor, (await chooseAgency(batch.agencyId)).regionCode);
            const bulk: BulkRow[] = [];
            const sources: ParsedAllocationRow[] = [];
            for (const r of batch.rows) {
              const activityId = activityByCode.get(r.activityCode);
              if (!activityId) {
                errors.push({ sheet: 'Alokasi', row: r.row, column: r.column.activityCode, message: `kegiatan "${r.activityCode}" tidak ada di rencana ini` });
                continue;
              }
              const body = { source: 'APBD', agencyId: agency!.id, fiscalYear: r.year, budgetCode: r.budgetCode, accountCode: r.accountCode, stage: r.stage, amount: r.amount, sharePercent: r.sharePercent };
              try {
                bulk.push({ activityId, input: parseLineInput(body), claim: parseClaim(body) });
                sources.push(r);
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                const detail = (error.details as FieldError[] | undefined)?.[0];
                fail(r, detail?.path, detail ? `${detail.path}: ${detail.message}` : error.message);
              }
            }
            // Written even after a problem (all is rolled back then): later rows are checked against
            // what earlier ones did, so the planner sees every problem of the file at once.
            for (const e of await allocator.apply(bulk)) fail(sources[e.index], e.path, e.message);
          });
        } catch (error) {
          if (error instanceof UnreadableFileError) throw new DomainError('IMPORT_INVALID', error.message, []);
          throw error;
        }
        if (sheet.errors.length) throw new DomainError('IMPORT_INVALID', sheet.errors[0].message, sheet.errors);
        if (!agency) await chooseAgency(sheet.agencyId); // a sheet without lines still names whose it is
        else if (sheet.agencyAfterRows && !dto.agencyId && sheet.agencyId && sheet.agencyId !== agency.id) {
          // A re-saved file whose Info sheet came after the lines, naming another agency than the
          // one the lines were checked for: ask rather than guess.
          throw DomainError.invalidField('agencyId', 'lembar ini milik instansi lain; pilih instansinya saat mengunggah');
        }
        const counts = allocator?.counts ?? { created: 0, updated: 0, unchanged: 0 };
        await allocator?.finish(`lembar alokasi ${agency!.shortName || agency!.name}`, sheet.rows);
        const summary = { valid: errors.count === 0, dryRun, ...counts, errors: errors.sorted() };
        if (errors.count || dryRun) throw new Rollback(summary);
        return summary;
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      if (!error.result.valid) throw new DomainError('IMPORT_INVALID', `${errors.count} baris bermasalah; tidak ada yang disimpan`, error.result.errors);
      return error.result;
    }
  }

  private async agency(id: string | undefined): Promise<AgencyEntity> {
    if (!id) throw DomainError.invalidField('agencyId', 'pilih instansi');
    const agency = await this.dataSource.manager.findOne(AgencyEntity, { where: { id } });
    if (!agency) throw DomainError.invalidField('agencyId', 'instansi tidak ditemukan');
    return agency;
  }
}

@ApiTags('allocations')
@ApiBearerAuth()
@Controller()
export class AllocationSheetController {
  constructor(private readonly sheets: AllocationSheetService) {}

  /** An agency's activities × years with drop-downs (stage, codes within its mandate), prefilled with its lines. */
  @Authenticated()
  @Get('plans/:id/allocations/template.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  template(@Param('id', uuidPipe) id: string, @Query() query: AllocationSheetQueryDto, @CurrentUser() user: UserView, @Res() res: Response): Promise<void> {
    return this.sheets.template(user, id, query.agencyId, res);
  }

  /** `{ valid, created, updated, unchanged, errors }`; any error → 422 IMPORT_INVALID and nothing written. */
  @Roles('admin', 'planner', 'agency')
  @Post('plans/:id/allocations/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  import(
    @Param('id', uuidPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: AllocationImportDto,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentUser() user: UserView,
  ): Promise<AllocationImportResult> {
    if (!file) throw DomainError.invalidField('file', 'unggah lembar alokasi (.xlsx) di kolom "file"');
    return this.sheets.import(user, id, file.buffer, { ...body, dryRun: body.dryRun ?? (dryRun === 'true' ? 'true' : undefined) });
  }
}
