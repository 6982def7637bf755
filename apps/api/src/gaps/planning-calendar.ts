import { Body, Controller, Get, Injectable, Param, Patch } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { CalendarStepView, UserView } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import { PlanningCalendarStepEntity } from '@sinergi/persistence';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit';
import { Authenticated, CurrentUser, Roles } from '../common/access.decorators';
import { uuidPipe } from '../common/uuid.pipe';

export class UpdateCalendarStepDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  document?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  startsMonth?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  endsMonth?: number;

  @ApiPropertyOptional({ minimum: -2, maximum: 0, description: '−1: the year before the fiscal year' })
  @IsOptional()
  @IsInt()
  @Min(-2)
  @Max(0)
  yearOffset?: number;
}

export function calendarView(s: PlanningCalendarStepEntity): CalendarStepView {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    document: s.document,
    level: s.level,
    carrier: s.carrier,
    startsMonth: s.startsMonth,
    endsMonth: s.endsMonth,
    yearOffset: s.yearOffset,
    position: s.position,
    version: s.version,
  };
}

export async function calendarSteps(m: EntityManager): Promise<CalendarStepView[]> {
  return (await m.find(PlanningCalendarStepEntity, { order: { position: 'ASC' } })).map(calendarView);
}

/** The planning calendar: read by everyone, adjusted by admins (audited). */
@Injectable()
export class PlanningCalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<CalendarStepView[]> {
    return calendarSteps(this.dataSource.manager);
  }

  async update(actor: UserView, id: string, dto: UpdateCalendarStepDto): Promise<CalendarStepView> {
    return this.dataSource.transaction(async (m) => {
      const step = await m.findOne(PlanningCalendarStepEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!step) throw DomainError.notFound('Tahap kalender');
      if (step.version !== dto.version) {
        throw DomainError.conflict(`Tahap ini sudah diubah orang lain (versi ${step.version}). Muat ulang lalu ulangi.`, { currentVersion: step.version });
      }
      const { version: _version, ...given } = dto;
      // Only the fields sent: a DTO instance carries the others as undefined.
      const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<PlanningCalendarStepEntity>;
      const next = { ...step, ...changes };
      if (next.endsMonth < next.startsMonth) throw DomainError.invalidField('endsMonth', 'tidak boleh sebelum bulan mulai');
      const diff = changedFields(step, changes);
      Object.assign(step, changes);
      const saved = await m.save(step);
      if (diff) await recordAudit(m, { actorId: actor.id, entity: 'planning_calendar_step', entityId: id, action: 'updated', ...diff });
      return calendarView(saved);
    });
  }
}

@ApiTags('gaps')
@ApiBearerAuth()
@Controller('planning-calendar')
export class PlanningCalendarController {
  constructor(private readonly calendar: PlanningCalendarService) {}

  @Authenticated()
  @Get()
  list(): Promise<CalendarStepView[]> {
    return this.calendar.list();
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateCalendarStepDto, @CurrentUser() user: UserView): Promise<CalendarStepView> {
    return this.calendar.update(user, id, body);
  }
}
