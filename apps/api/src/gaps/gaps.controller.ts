import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GapReport } from '@sinergi/contracts';
import { Authenticated } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { GapQueryDto } from './gaps.dto';
import { GapsService } from './gaps.service';

@ApiTags('gaps')
@ApiBearerAuth()
@Controller()
export class GapsController {
  constructor(private readonly gaps: GapsService) {}

  /** Need vs allocation per activity for a fiscal year, flagged, with roll-ups (read by the whole task force). */
  @Authenticated()
  @Get('plans/:id/gaps')
  planGaps(@Param('id', uuidPipe) id: string, @Query() query: GapQueryDto): Promise<GapReport> {
    return this.gaps.planReport(id, query);
  }
}
