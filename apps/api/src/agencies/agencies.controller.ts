import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgencyView, UserView } from '@sinergi/contracts';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { AgencyQueryDto, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';
import { AgenciesService, toAgencyView } from './agencies.service';
import { uuidPipe } from '../common/uuid.pipe';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Authenticated()
  @Get()
  list(@Query() query: AgencyQueryDto): Promise<AgencyView[]> {
    return this.agencies.list(query.regionCode);
  }

  @Authenticated()
  @Get(':id')
  async get(@Param('id', uuidPipe) id: string): Promise<AgencyView> {
    return toAgencyView(await this.agencies.get(id));
  }

  @Roles('admin', 'planner')
  @Post()
  create(@Body() body: CreateAgencyDto, @CurrentUser() user: UserView): Promise<AgencyView> {
    return this.agencies.create(user, body);
  }

  @Roles('admin', 'planner')
  @Patch(':id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateAgencyDto, @CurrentUser() user: UserView): Promise<AgencyView> {
    return this.agencies.update(user, id, body);
  }
}

