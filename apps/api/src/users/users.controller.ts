import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AdminUserView, Page, UserView } from '@sinergi/contracts';
import { CurrentUser, Roles } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: UserQueryDto): Promise<Page<AdminUserView>> {
    return this.users.list(query);
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentUser() user: UserView): Promise<AdminUserView> {
    return this.users.create(user, body);
  }

  @Patch(':id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() user: UserView): Promise<AdminUserView> {
    return this.users.update(user, id, body);
  }
}
