import { Controller, Get, Param } from '@nestjs/common';
import { Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BudgetCodeView, CatalogVersionView, FundSourceView, RegionDetail, RegionView, StrategyView } from '@sinergi/contracts';
import { Authenticated } from '../common/access.decorators';
import { BudgetCodeQueryDto, RegionQueryDto } from './reference.dto';
import { ReferenceService } from './reference.service';

@ApiTags('reference')
@ApiBearerAuth()
@Authenticated()
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('regions')
  regions(@Query() query: RegionQueryDto): Promise<RegionView[] | RegionDetail[]> {
    if (query.q !== undefined) return this.reference.searchRegions(query);
    return this.reference.regionChildren(query.parent);
  }

  @Get('regions/:code')
  region(@Param('code') code: string): Promise<RegionDetail> {
    return this.reference.regionDetail(code);
  }

  @Get('budget-codes')
  budgetCodes(@Query() query: BudgetCodeQueryDto): Promise<BudgetCodeView[]> {
    return this.reference.searchBudgetCodes(query);
  }

  @Get('strategies')
  strategies(): Promise<StrategyView[]> {
    return this.reference.strategies();
  }

  @Get('fund-sources')
  fundSources(): Promise<FundSourceView[]> {
    return this.reference.fundSources();
  }

  @Get('catalogs')
  catalogs(): Promise<CatalogVersionView[]> {
    return this.reference.catalogs();
  }
}
