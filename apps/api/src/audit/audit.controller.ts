import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@sinergi/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Roles } from '../common/access.decorators';
import { auditHistory } from './audit';

class AuditQueryDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  entity!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  entityId!: string;
}

/** Who changed what on one record, newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles('admin', 'planner')
  @Get()
  list(@Query() query: AuditQueryDto): Promise<AuditEntryView[]> {
    return auditHistory(this.dataSource.manager, query.entity, query.entityId);
  }
}
