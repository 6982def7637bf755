import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgencyView, UserView } from '@sinergi/contracts';
import { canPlanInRegion, DomainError } from '@sinergi/domain';
import { AgencyEntity, RegionEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit';
import type { CreateAgencyDto, UpdateAgencyDto } from './agency.dto';

export function toAgencyView(a: AgencyEntity): AgencyView {
  return { id: a.id, name: a.name, shortName: a.shortName, kind: a.kind, regionCode: a.regionCode, mandates: a.mandates, version: a.version };
}

/** Unique-violation on (region, short name) becomes a 409 naming the field. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(regionCode?: string): Promise<AgencyView[]> {
    const qb = this.dataSource.getRepository(AgencyEntity).createQueryBuilder('a').orderBy('a.kind').addOrderBy('a.name');
    if (regionCode) qb.where('a.regionCode = :regionCode', { regionCode });
    return (await qb.getMany()).map(toAgencyView);
  }

  async get(id: string): Promise<AgencyEntity> {
    const agency = await this.dataSource.getRepository(AgencyEntity).findOne({ where: { id } });
    if (!agency) throw DomainError.notFound('Instansi');
    return agency;
  }

  async create(actor: UserView, dto: CreateAgencyDto): Promise<AgencyView> {
    if (!canPlanInRegion(actor, dto.regionCode)) throw DomainError.forbidden('Anda hanya dapat menambah instansi di wilayah Anda');
    return this.dataSource.transaction(async (m) => {
      await this.requireRegion(m, dto.regionCode);
      const agency = m.create(AgencyEntity, { ...dto, mandates: dto.mandates ?? [] });
      try {
        await m.save(agency);
      } catch (error) {
        if (isUniqueViolation(error)) throw this.duplicateShortName(dto.shortName);
        throw error;
      }
      await recordAudit(m, { actorId: actor.id, entity: 'agency', entityId: agency.id, action: 'create', newValue: toAgencyView(agency) });
      return toAgencyView(agency);
    });
  }

  async update(actor: UserView, id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (m) => {
      const agency = await m.findOne(AgencyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw DomainError.notFound('Instansi');
      if (!canPlanInRegion(actor, agency.regionCode)) throw DomainError.forbidden('Anda hanya dapat mengubah instansi di wilayah Anda');
      if (agency.version !== dto.version) {
        throw DomainError.conflict('Instansi ini sudah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.', { currentVersion: agency.version });
      }
      const { version: _version, ...changes } = dto;
      const diff = changedFields(toAgencyView(agency), changes);
      if (!diff) return toAgencyView(agency);
      Object.assign(agency, changes);
      try {
        await m.save(agency);
      } catch (error) {
        if (isUniqueViolation(error)) throw this.duplicateShortName(dto.shortName ?? agency.shortName);
        throw error;
      }
      await recordAudit(m, { actorId: actor.id, entity: 'agency', entityId: id, action: 'update', ...diff });
      return toAgencyView(agency);
    });
  }

  private async requireRegion(m: EntityManager, code: string): Promise<void> {
    if (!(await m.exists(RegionEntity, { where: { code } }))) throw DomainError.invalidField('regionCode', `wilayah ${code} tidak ada`);
  }

  private duplicateShortName(shortName: string): DomainError {
    return new DomainError('CONFLICT', `Singkatan "${shortName}" sudah dipakai instansi lain di wilayah ini`, [
      { path: 'shortName', message: 'sudah dipakai instansi lain di wilayah ini' },
    ]);
  }
}
