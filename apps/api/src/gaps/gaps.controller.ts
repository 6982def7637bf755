import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { writeGapWorkbook } from '@sinergi/xlsx';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import type { GapReport, GapRollup } from '@sinergi/contracts';
import { Authenticated } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { GapQueryDto, RollupQueryDto } from './gaps.dto';
import { GapsService } from './gaps.service';

@ApiTags('gaps')
@ApiBearerAuth()
@Controller()
export class GapsController {
  constructor(private readonly gaps: GapsService) {}

  /** A province's own plan plus its regencies' plans (or every plan), totals by plan and strategy. */
  @Authenticated()
  @Get('gaps')
  rollup(@Query() query: RollupQueryDto): Promise<GapRollup> {
    return this.gaps.rollup(query.regionCode, query.fiscalYear);
  }

  /** Need vs allocation per activity for a fiscal year, flagged, with roll-ups (read by the whole task force). */
  @Authenticated()
  @Get('plans/:id/gaps')
  planGaps(@Param('id', uuidPipe) id: string, @Query() query: GapQueryDto): Promise<GapReport> {
    return this.gaps.planReport(id, query);
  }

  /** The same report as a workbook: summary, activities, a sheet per lead agency (streamed). */
  @Authenticated()
  @Get('plans/:id/gaps.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async planGapsXlsx(@Param('id', uuidPipe) id: string, @Query() query: GapQueryDto, @Res() res: Response): Promise<void> {
    // Computed before the first byte is sent, so an error is still a JSON error response.
    const report = await this.gaps.planReport(id, query);
    const { title, regionName } = await this.gaps.planHeader(id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="kesenjangan-${report.regionCode}-${report.fiscalYear}.xlsx"`);
    const stream = new PassThrough();
    stream.pipe(res);
    await writeGapWorkbook({ report, planTitle: title, regionName, printedAt: new Date() }, stream);
    stream.end();
  }
}
