import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@sinergi/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Roles } from '../common/access.decorators';

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
  async list(@Query() query: AuditQueryDto): Promise<AuditEntryView[]> {
    const rows: { id: string; at: Date; actor_id: string | null; email: string | null; entity: string; entity_id: string; action: string; old_value: unknown; new_value: unknown }[] =
      await this.dataSource.query(
        `SELECT e.id, e.at, e.actor_id, u.email, e.entity, e.entity_id, e.action, e.old_value, e.new_value
           FROM audit_entry e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.entity = $1 AND e.entity_id = $2
          ORDER BY e.id DESC LIMIT 500`,
        [query.entity, query.entityId],
      );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id ?? undefined,
      actorEmail: r.email ?? undefined,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      oldValue: r.old_value ?? undefined,
      newValue: r.new_value ?? undefined,
    }));
  }
}
