import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TaskForceView, UserView } from '@sinergi/contracts';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { AddMemberDto, CreateTaskForceDto, TaskForceQueryDto } from './task-force.dto';
import { TaskForcesService } from './task-forces.service';

@ApiTags('task-forces')
@ApiBearerAuth()
@Controller('task-forces')
export class TaskForcesController {
  constructor(private readonly taskForces: TaskForcesService) {}

  @Authenticated()
  @Get()
  list(@Query() query: TaskForceQueryDto): Promise<TaskForceView[]> {
    return this.taskForces.list(query.regionCode);
  }

  @Roles('admin', 'planner')
  @Post()
  create(@Body() body: CreateTaskForceDto, @CurrentUser() user: UserView): Promise<TaskForceView> {
    return this.taskForces.create(user, body);
  }

  @Roles('admin', 'planner')
  @Post(':id/members')
  addMember(@Param('id', uuidPipe) id: string, @Body() body: AddMemberDto, @CurrentUser() user: UserView): Promise<TaskForceView> {
    return this.taskForces.addMember(user, id, body.agencyId);
  }

  @Roles('admin', 'planner')
  @Delete(':id/members/:agencyId')
  removeMember(
    @Param('id', uuidPipe) id: string,
    @Param('agencyId', uuidPipe) agencyId: string,
    @CurrentUser() user: UserView,
  ): Promise<TaskForceView> {
    return this.taskForces.removeMember(user, id, agencyId);
  }
}
