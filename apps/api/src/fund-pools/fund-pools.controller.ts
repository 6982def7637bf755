import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DrawdownStatus, DrawdownView, FundPoolSummary, FundPoolView, LedgerEntryView, PoolBalances, PoolTotals, UserView } from '@sinergi/contracts';
import { writePoolStatement } from '@sinergi/xlsx';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { UPLOAD_LIMITS } from '../common/uploads';
import { uuidPipe } from '../common/uuid.pipe';
import { ContributionDto, CreatePoolDto, DrawdownDto, DrawdownQueryDto, PoolQueryDto, RejectDrawdownDto, ReverseDto, SettleDto, UpdatePoolRulesDto } from './fund-pool.dto';
import { FundPoolsService } from './fund-pools.service';

/** Roles that may hold, manage or decide on a pool (the service checks which pool). */
const MANAGERS = ['admin', 'planner', 'agency'] as const;
/** Members with an agency may request too (an NGO member of the task force). */
const REQUESTERS = ['admin', 'planner', 'agency', 'member'] as const;

@ApiTags('fund-pools')
@ApiBearerAuth()
@Controller()
export class FundPoolsController {
  constructor(private readonly pools: FundPoolsService) {}

  @Authenticated()
  @Get('fund-pools')
  list(@Query() query: PoolQueryDto): Promise<FundPoolSummary[]> {
    return this.pools.list(query);
  }

  @Roles(...MANAGERS)
  @Post('fund-pools')
  create(@Body() body: CreatePoolDto, @CurrentUser() user: UserView): Promise<{ id: string }> {
    return this.pools.create(user, body);
  }

  /** `{ id, received, committed, disbursed, available, … }`; available = received − committed − disbursed ≥ 0. */
  @Authenticated()
  @Get('fund-pools/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<FundPoolView> {
    return this.pools.get(user, id);
  }

  @Roles(...MANAGERS)
  @Patch('fund-pools/:id')
  updateRules(@Param('id', uuidPipe) id: string, @Body() body: UpdatePoolRulesDto, @CurrentUser() user: UserView): Promise<FundPoolView> {
    return this.pools.updateRules(user, id, body);
  }

  @Roles(...MANAGERS)
  @Post('fund-pools/:id/contributions')
  contribute(@Param('id', uuidPipe) id: string, @Body() body: ContributionDto, @CurrentUser() user: UserView): Promise<{ id: string; balances: PoolBalances }> {
    return this.pools.contribute(user, id, body);
  }

  @Roles(...REQUESTERS)
  @Post('fund-pools/:id/drawdowns')
  request(@Param('id', uuidPipe) id: string, @Body() body: DrawdownDto, @CurrentUser() user: UserView): Promise<{ id: string; status: DrawdownStatus }> {
    return this.pools.request(user, id, body);
  }

  @Authenticated()
  @Get('fund-pools/:id/drawdowns')
  drawdowns(@Param('id', uuidPipe) id: string, @Query() query: DrawdownQueryDto): Promise<DrawdownView[]> {
    return this.pools.drawdowns(id, query);
  }

  @Authenticated()
  @Get('fund-pools/:id/ledger')
  ledger(@Param('id', uuidPipe) id: string): Promise<LedgerEntryView[]> {
    return this.pools.ledger(id);
  }

  @Authenticated()
  @Get('fund-pools/:id/totals')
  totals(@Param('id', uuidPipe) id: string): Promise<PoolTotals> {
    return this.pools.totals(id);
  }

  /** The pool statement and ledger as a workbook (streamed). */
  @Authenticated()
  @Get('fund-pools/:id/statement.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async statement(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView, @Res() res: Response): Promise<void> {
    // Everything is read before the first byte is sent, so an error still becomes a JSON error.
    const pool = await this.pools.get(user, id);
    const [ledger, drawdowns, totals] = [await this.pools.ledger(id), await this.pools.drawdowns(id, {}), await this.pools.totals(id)];
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="dana-taktis-${pool.fiscalYear}.xlsx"`);
    const stream = new PassThrough();
    stream.pipe(res);
    await writePoolStatement({ pool, ledger, drawdowns, totals, printedAt: new Date() }, stream);
    stream.end();
  }

  @Roles(...MANAGERS)
  @Post('fund-pools/:id/ledger/:entryId/reverse')
  reverse(
    @Param('id', uuidPipe) id: string,
    @Param('entryId') entryId: string,
    @Body() body: ReverseDto,
    @CurrentUser() user: UserView,
  ): Promise<{ id: string; balances: PoolBalances }> {
    return this.pools.reverse(user, id, /^\d{1,18}$/.test(entryId) ? entryId : '0', body.note);
  }

  /** Year end: moves the available balance into next year's pool. */
  @Roles(...MANAGERS)
  @Post('fund-pools/:id/carry-over')
  @HttpCode(200)
  carryOver(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<{ poolId: string; amount: string }> {
    return this.pools.carryOver(user, id);
  }

  @Authenticated()
  @Get('drawdowns/:id')
  drawdown(@Param('id', uuidPipe) id: string): Promise<DrawdownView> {
    return this.pools.drawdown(id);
  }

  /** 200 `{ status: "approved" }`, or 422 INSUFFICIENT_FUNDS. Approval commits the money. */
  @Roles(...MANAGERS)
  @Post('drawdowns/:id/approve')
  @HttpCode(200)
  approve(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<{ status: DrawdownStatus }> {
    return this.pools.approve(user, id);
  }

  @Roles(...MANAGERS)
  @Post('drawdowns/:id/reject')
  @HttpCode(200)
  reject(@Param('id', uuidPipe) id: string, @Body() body: RejectDrawdownDto, @CurrentUser() user: UserView): Promise<{ status: DrawdownStatus }> {
    return this.pools.reject(user, id, body.reason);
  }

  @Roles(...MANAGERS)
  @Post('drawdowns/:id/disburse')
  @HttpCode(200)
  disburse(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<{ status: DrawdownStatus }> {
    return this.pools.disburse(user, id);
  }

  /** Settles a disbursed drawdown with its proof (document number, date, optional file `file`). */
  @Roles(...MANAGERS)
  @Post('drawdowns/:id/settle')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  settle(
    @Param('id', uuidPipe) id: string,
    @Body() body: SettleDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: UserView,
  ): Promise<{ status: DrawdownStatus }> {
    return this.pools.settle(user, id, body, file ? { name: file.originalname.slice(0, 200), bytes: file.buffer } : undefined);
  }

  @Roles(...REQUESTERS)
  @Post('drawdowns/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id', uuidPipe) id: string, @CurrentUser() user: UserView): Promise<{ status: DrawdownStatus }> {
    return this.pools.cancel(user, id);
  }

  @Authenticated()
  @Get('drawdowns/:id/proof')
  async proof(@Param('id', uuidPipe) id: string, @Res() res: Response): Promise<void> {
    const file = await this.pools.proofFile(id);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(file.name)}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.bytes);
  }
}
