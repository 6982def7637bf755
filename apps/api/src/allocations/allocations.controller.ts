import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  AllocationView,
  ApbdesImportResult,
  AuditEntryView,
  BudgetLineView,
  MigrationResult,
  TaggingCoverage,
  UserView,
  VillageActivityView,
  VillageApbdesLine,
} from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { auditHistory } from '../audit/audit';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { UPLOAD_LIMITS } from '../common/uploads';
import { uuidPipe } from '../common/uuid.pipe';
import { AllocationDto, FiscalYearQueryDto, ImportQueryDto, LineQueryDto, RealisedDto, StageDto, TagDto, UpdateTagDto } from './allocation.dto';
import { AllocationsService } from './allocations.service';
import { SiskeudesImportService } from './siskeudes-import.service';
import { VillageAndCoverageService } from './village-and-coverage.service';

/** Roles that hold a budget or plan for one (scope checks per line are in the service). */
const BUDGET_WRITERS = ['admin', 'planner', 'agency', 'village'] as const;

@ApiTags('allocations')
@ApiBearerAuth()
@Controller()
export class AllocationsController {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly views: VillageAndCoverageService,
    private readonly siskeudes: SiskeudesImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates the budget line (or records its new stage) and tags it to the activity: 201 `{ id }` (the tag). */
  @Roles(...BUDGET_WRITERS)
  @Post('activities/:id/allocations')
  allocate(@Param('id', uuidPipe) id: string, @Body() body: AllocationDto, @CurrentUser() user: UserView): Promise<{ id: string; lineId: string }> {
    return this.allocations.allocate(user, id, { ...body });
  }

  @Authenticated()
  @Get('activities/:id/allocations')
  forActivity(@Param('id', uuidPipe) id: string): Promise<AllocationView[]> {
    return this.allocations.forActivity(id);
  }

  @Roles(...BUDGET_WRITERS)
  @Patch('allocations/:id')
  updateTag(@Param('id', uuidPipe) id: string, @Body() body: UpdateTagDto, @CurrentUser() user: UserView): Promise<AllocationView> {
    return this.allocations.updateTag(user, id, { ...body });
  }

  /** Removes the tag only; the budget line stays. */
  @Roles(...BUDGET_WRITERS)
  @Delete('allocations/:id')
  @HttpCode(204)
  deleteTag(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<void> {
    return this.allocations.deleteTag(user, id);
  }

  /** Lines of an agency, a desa or tagged to a plan (at least one of the three), optionally of one year. */
  @Authenticated()
  @Get('budget-lines')
  lines(@Query() query: LineQueryDto): Promise<BudgetLineView[]> {
    if (!query.agencyId && !query.villageCode && !query.planId) {
      throw DomainError.invalidField('agencyId', 'isi agencyId, villageCode atau planId');
    }
    return this.allocations.lines(query);
  }

  @Roles(...BUDGET_WRITERS)
  @Post('budget-lines')
  createLine(@Body() body: AllocationDto, @CurrentUser() user: UserView): Promise<BudgetLineView> {
    return this.allocations.createLine(user, { ...body });
  }

  @Authenticated()
  @Get('budget-lines/:id')
  line(@Param('id', uuidPipe) id: string): Promise<BudgetLineView> {
    return this.allocations.line(id);
  }

  @Authenticated()
  @Get('budget-lines/:id/history')
  async history(@Param('id', uuidPipe) id: string): Promise<AuditEntryView[]> {
    await this.allocations.line(id);
    return auditHistory(this.dataSource.manager, 'budget_line', id);
  }

  /** Records a later stage (DPA after RKA …) or a correction of the current one. */
  @Roles(...BUDGET_WRITERS)
  @Post('budget-lines/:id/stages')
  recordStage(@Param('id', uuidPipe) id: string, @Body() body: StageDto, @CurrentUser() user: UserView): Promise<BudgetLineView> {
    return this.allocations.recordStage(user, id, body.stage, body.amount);
  }

  @Roles(...BUDGET_WRITERS)
  @Patch('budget-lines/:id/realised')
  setRealised(@Param('id', uuidPipe) id: string, @Body() body: RealisedDto, @CurrentUser() user: UserView): Promise<BudgetLineView> {
    return this.allocations.setRealised(user, id, body);
  }

  @Roles(...BUDGET_WRITERS)
  @Post('budget-lines/:id/tags')
  tagLine(@Param('id', uuidPipe) id: string, @Body() body: TagDto, @CurrentUser() user: UserView): Promise<{ id: string }> {
    return this.allocations.tagLine(user, id, body.activityId, { ...body });
  }

  @Authenticated()
  @Get('villages/:code/apbdes')
  villageApbdes(@Param('code') code: string, @Query() query: FiscalYearQueryDto): Promise<VillageApbdesLine[]> {
    return this.views.apbdes(code, query.fiscalYear);
  }

  /**
   * A desa's Siskeudes export (zip of CSV tables) as its APBDes lines: 201 with what was recorded,
   * 200 for `dryRun=true` (nothing written), or 422 IMPORT_INVALID listing every problem (table,
   * row, column). The desa's officials and the planners above it; a kelurahan is 422 NO_APBDES.
   */
  @Roles('admin', 'planner', 'village')
  @Post('villages/:code/apbdes/import')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'Siskeudes export: a .zip of CSV tables (Ta_Kegiatan, Ta_RABRinci, Ref_Sumber, Ref_Kegiatan)' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async importSiskeudes(
    @Param('code') code: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportQueryDto,
    @CurrentUser() user: UserView,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ApbdesImportResult> {
    if (!file) throw DomainError.invalidField('file', 'unggah ekspor Siskeudes (.zip berisi tabel CSV) di kolom "file"');
    const result = await this.siskeudes.import(user, code, file.buffer, query.dryRun === 'true');
    if (result.dryRun) res.status(200);
    return result;
  }

  @Authenticated()
  @Get('villages/:code/activities')
  villageActivities(@Param('code') code: string): Promise<VillageActivityView[]> {
    return this.views.activities(code);
  }

  @Authenticated()
  @Get('plans/:id/tagging-coverage')
  coverage(@Param('id', uuidPipe) id: string): Promise<TaggingCoverage> {
    return this.views.coverage(id);
  }

  /** Moves the plan's lines with retired codes to their crosswalk codes, in one action. */
  @Roles('admin', 'planner')
  @Post('plans/:id/retired-codes/migrate')
  @HttpCode(200)
  migrate(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<MigrationResult> {
    return this.allocations.migrateRetiredForPlan(user, id);
  }
}
