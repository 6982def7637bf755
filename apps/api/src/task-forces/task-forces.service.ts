import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgencyKind, TaskForceView, UserView } from '@sinergi/contracts';
import { canPlanInRegion, DomainError } from '@sinergi/domain';
import { AgencyEntity, RegionEntity, TaskForceEntity, TaskForceMemberEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import type { CreateTaskForceDto } from './task-force.dto';

@Injectable()
export class TaskForcesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(regionCode?: string): Promise<TaskForceView[]> {
    const forces = await this.dataSource.getRepository(TaskForceEntity).find({
      where: regionCode ? { regionCode } : {},
      order: { regionCode: 'ASC' },
    });
    return this.views(this.dataSource.manager, forces);
  }

  async create(actor: UserView, dto: CreateTaskForceDto): Promise<TaskForceView> {
    if (!canPlanInRegion(actor, dto.regionCode)) throw DomainError.forbidden('Anda hanya dapat membentuk gugus tugas di wilayah Anda');
    return this.dataSource.transaction(async (m) => {
      if (!(await m.exists(RegionEntity, { where: { code: dto.regionCode } }))) throw DomainError.invalidField('regionCode', 'wilayah tidak ditemukan');
      if (await m.exists(TaskForceEntity, { where: { regionCode: dto.regionCode } })) {
        throw DomainError.conflict(`Wilayah ${dto.regionCode} sudah memiliki gugus tugas`);
      }
      const force = await m.save(TaskForceEntity, m.create(TaskForceEntity, { ...dto, legalBasis: dto.legalBasis ?? null }));
      await recordAudit(m, { actorId: actor.id, entity: 'task_force', entityId: force.id, action: 'create', newValue: dto });
      return this.view(m, force);
    });
  }

  async addMember(actor: UserView, taskForceId: string, agencyId: string): Promise<TaskForceView> {
    return this.dataSource.transaction(async (m) => {
      const force = await this.editable(m, actor, taskForceId);
      if (!(await m.exists(AgencyEntity, { where: { id: agencyId } }))) throw DomainError.invalidField('agencyId', 'instansi tidak ditemukan');
      if (await m.exists(TaskForceMemberEntity, { where: { taskForceId, agencyId } })) {
        throw DomainError.conflict('Instansi ini sudah menjadi anggota');
      }
      await m.insert(TaskForceMemberEntity, { taskForceId, agencyId });
      await recordAudit(m, { actorId: actor.id, entity: 'task_force', entityId: taskForceId, action: 'add_member', newValue: { agencyId } });
      return this.view(m, force);
    });
  }

  async removeMember(actor: UserView, taskForceId: string, agencyId: string): Promise<TaskForceView> {
    return this.dataSource.transaction(async (m) => {
      const force = await this.editable(m, actor, taskForceId);
      const result = await m.delete(TaskForceMemberEntity, { taskForceId, agencyId });
      if (!result.affected) throw DomainError.notFound('Keanggotaan');
      await recordAudit(m, { actorId: actor.id, entity: 'task_force', entityId: taskForceId, action: 'remove_member', oldValue: { agencyId } });
      return this.view(m, force);
    });
  }

  private async editable(m: EntityManager, actor: UserView, id: string): Promise<TaskForceEntity> {
    const force = await m.findOne(TaskForceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!force) throw DomainError.notFound('Gugus tugas');
    if (!canPlanInRegion(actor, force.regionCode)) throw DomainError.forbidden('Anda hanya dapat mengubah gugus tugas di wilayah Anda');
    return force;
  }

  private async view(m: EntityManager, force: TaskForceEntity): Promise<TaskForceView> {
    const [view] = await this.views(m, [force]);
    return view;
  }

  /** Task forces with their members, in one query for the members of all of them. */
  private async views(m: EntityManager, forces: TaskForceEntity[]): Promise<TaskForceView[]> {
    const members: { task_force_id: string; agency_id: string; name: string; short_name: string; kind: AgencyKind; joined_at: Date }[] = forces.length
      ? await m.query(
          `SELECT tm.task_force_id, a.id AS agency_id, a.name, a.short_name, a.kind, tm.joined_at
             FROM task_force_member tm JOIN agency a ON a.id = tm.agency_id
            WHERE tm.task_force_id = ANY($1::uuid[]) ORDER BY a.kind, a.name`,
          [forces.map((f) => f.id)],
        )
      : [];
    return forces.map((force) => ({
      id: force.id,
      regionCode: force.regionCode,
      name: force.name,
      legalBasis: force.legalBasis ?? undefined,
      members: members
        .filter((r) => r.task_force_id === force.id)
        .map((r) => ({ agencyId: r.agency_id, name: r.name, shortName: r.short_name, kind: r.kind, joinedAt: r.joined_at.toISOString() })),
    }));
  }
}
