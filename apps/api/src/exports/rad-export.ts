import { Controller, Get, Injectable, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AllocationSource, UserView } from '@sinergi/contracts';
import { computeActivityGaps, governmentLevelOfRegion } from '@sinergi/domain';
import { GapQueries } from '@sinergi/persistence';
import { writeRadMatrix, type RadMatrixInput } from '@sinergi/xlsx';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import type { DataSource } from 'typeorm';
import { Authenticated, CurrentUser } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { PlansService } from '../plans/plans.service';

const SOURCE_LABEL: Record<AllocationSource, string> = { APBD: 'APBD', APBDES: 'APBDes', APBN: 'APBN', OTHER: 'Lainnya', POOL: 'Dana taktis' };

/**
 * The RAD matrix workbook: the plan as it stands, with what is allocated per year (the gap
 * engine's numbers) and the budget codes and fund sources tagged to each activity.
 */
@Injectable()
export class RadExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  async matrix(actor: UserView, planId: string): Promise<RadMatrixInput> {
    const plan = await this.plans.get(actor, planId);
    const m = this.dataSource.manager;
    const years: number[] = [];
    for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
    const [data, agencies, regions] = await Promise.all([
      new GapQueries(m).load([planId]),
      m.query('SELECT id, name, short_name FROM agency') as Promise<{ id: string; name: string; short_name: string }[]>,
      m.query(
        `SELECT DISTINCT r.code, r.name FROM plan_activity_location l JOIN plan_activity pa ON pa.id = l.activity_id JOIN region r ON r.code = l.region_code WHERE pa.plan_id = $1`,
        [planId],
      ) as Promise<{ code: string; name: string }[]>,
    ]);
    const cells = computeActivityGaps({
      planLevel: governmentLevelOfRegion(plan.regionCode),
      years,
      today: new Date().toISOString().slice(0, 10),
      activities: data.activities,
      lines: data.lines,
      drawdowns: data.drawdowns,
    });
    const agencyName = new Map(agencies.map((a) => [a.id, a.short_name || a.name]));
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const codes = new Map<string, Set<string>>();
    for (const line of data.lines) {
      if (!line.budgetCode) continue;
      for (const tag of line.tags) codes.set(tag.activityId, (codes.get(tag.activityId) ?? new Set()).add(line.budgetCode));
    }
    return {
      title: plan.title,
      regionCode: plan.regionCode,
      regionName: plan.regionName,
      startYear: plan.startYear,
      endYear: plan.endYear,
      status: plan.status,
      version: plan.version,
      legalBasis: plan.legalBasis,
      printedAt: new Date(),
      strategies: plan.strategies.map((s) => ({
        code: s.code,
        name: s.name,
        activities: s.activities.map((a) => {
          const own = cells.filter((c) => c.activityId === a.id);
          const sources = (Object.keys(SOURCE_LABEL) as AllocationSource[]).filter((src) => own.some((c) => c.bySource[src] > 0n));
          return {
            code: a.code,
            title: a.title,
            output: a.output ?? '',
            indicator: a.indicator ?? '',
            unit: a.unit ?? '',
            baseline: a.baseline ?? '',
            targets: a.targets,
            leadAgency: agencyName.get(a.leadAgencyId) ?? '',
            supportingAgencies: a.supportingAgencyIds.map((id) => agencyName.get(id) ?? id),
            locations: a.regionCodes.map((code) => regionName.get(code) ?? code),
            budgetCodes: [...(codes.get(a.id) ?? [])].sort(),
            fundSources: sources.map((src) => SOURCE_LABEL[src]),
            costs: a.costs,
            allocated: Object.fromEntries(own.map((c) => [String(c.fiscalYear), c.allocated.toString()])),
          };
        }),
      })),
    };
  }
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class RadExportController {
  constructor(private readonly exports: RadExportService) {}

  /** The RAD matrix workbook (cover sheet and matrix), streamed. */
  @Authenticated()
  @Get('plans/:id/export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView, @Res() res: Response): Promise<void> {
    // Everything is read before the first byte, so an error is still a JSON error response.
    const matrix = await this.exports.matrix(user, id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="rad-${matrix.regionCode}-${matrix.startYear}-${matrix.endYear}.xlsx"`);
    const stream = new PassThrough();
    stream.pipe(res);
    await writeRadMatrix(matrix, stream);
    stream.end();
  }
}
