import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminUserView, Page, Role, UserView } from '@sinergi/contracts';
import { DomainError, regionLevel } from '@sinergi/domain';
import { AgencyEntity, RegionEntity, UserEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit';
import { hashPassword } from '../auth/passwords';
import { toAdminUserView } from '../auth/user-view';
import type { CreateUserDto, UpdateUserDto, UserQueryDto } from './user.dto';

interface Scope {
  role: Role;
  agencyId: string | null;
  regionCode: string | null;
  villageCode: string | null;
}

/**
 * User administration. A role and its scope go together: an agency user needs an agency, a planner
 * a region, a village official a desa (not a kelurahan, which has no APBDes).
 */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: UserQueryDto): Promise<Page<AdminUserView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const sort = query.sort ?? 'email';
    qb.orderBy(`u.${sort}`, sort === 'createdAt' || sort === 'lastLoginAt' ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('u.id');
    const [items, total] = await qb.skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    return { items: items.map(toAdminUserView), total, page, pageSize };
  }

  async create(actor: UserView, dto: CreateUserDto): Promise<AdminUserView> {
    const email = dto.email.trim().toLowerCase();
    return this.dataSource.transaction(async (m) => {
      const scope = await this.checkScope(m, {
        role: dto.role,
        agencyId: dto.agencyId ?? null,
        regionCode: dto.regionCode ?? null,
        villageCode: dto.villageCode ?? null,
      });
      if (await m.exists(UserEntity, { where: { email } })) {
        throw new DomainError('CONFLICT', `Email ${email} sudah terdaftar`, [{ path: 'email', message: 'sudah terdaftar' }]);
      }
      const user = m.create(UserEntity, { email, name: dto.name.trim(), passwordHash: await hashPassword(dto.password), ...scope });
      await m.save(user);
      const view = toAdminUserView(user);
      await recordAudit(m, { actorId: actor.id, entity: 'user', entityId: user.id, action: 'create', newValue: view });
      return view;
    });
  }

  async update(actor: UserView, id: string, dto: UpdateUserDto): Promise<AdminUserView> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('Pengguna');
      if (user.version !== dto.version) {
        throw DomainError.conflict('Pengguna ini sudah diubah orang lain. Muat ulang lalu ulangi.', { currentVersion: user.version });
      }
      if (user.id === actor.id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
        throw DomainError.conflict('Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri');
      }
      const before = toAdminUserView(user);
      const scope = await this.checkScope(m, {
        role: dto.role ?? user.role,
        agencyId: dto.agencyId !== undefined ? dto.agencyId : user.agencyId,
        regionCode: dto.regionCode !== undefined ? dto.regionCode : user.regionCode,
        villageCode: dto.villageCode !== undefined ? dto.villageCode : user.villageCode,
      });
      Object.assign(user, scope);
      if (dto.name !== undefined) user.name = dto.name.trim();
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.password) user.passwordHash = await hashPassword(dto.password);
      await m.save(user);
      const after = toAdminUserView(user);
      const diff = changedFields(before, { ...after, version: undefined, lastLoginAt: undefined });
      await recordAudit(m, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        action: dto.password ? 'update+password' : 'update',
        oldValue: diff?.oldValue,
        newValue: diff?.newValue,
      });
      return after;
    });
  }

  /** Validates that the scope fits the role and points at things that exist; clears what does not apply. */
  private async checkScope(m: EntityManager, s: Scope): Promise<Scope> {
    const out: Scope = { role: s.role, agencyId: null, regionCode: null, villageCode: null };
    if (s.role === 'agency' || s.role === 'member') {
      if (s.role === 'agency' && !s.agencyId) throw DomainError.invalidField('agencyId', 'wajib untuk peran agency');
      if (s.agencyId) {
        if (!(await m.exists(AgencyEntity, { where: { id: s.agencyId } }))) throw DomainError.invalidField('agencyId', 'instansi tidak ditemukan');
        out.agencyId = s.agencyId;
      }
    }
    if (s.role === 'planner') {
      if (!s.regionCode) throw DomainError.invalidField('regionCode', 'wajib untuk peran planner');
      if (!(await m.exists(RegionEntity, { where: { code: s.regionCode } }))) throw DomainError.invalidField('regionCode', 'wilayah tidak ditemukan');
      out.regionCode = s.regionCode;
      out.agencyId = s.agencyId;
    }
    if (s.role === 'village') {
      if (!s.villageCode) throw DomainError.invalidField('villageCode', 'wajib untuk peran village');
      if (regionLevel(s.villageCode) !== 'village') {
        throw DomainError.invalidField('villageCode', 'kode ini kelurahan; hanya desa yang memiliki APBDes');
      }
      if (!(await m.exists(RegionEntity, { where: { code: s.villageCode } }))) throw DomainError.invalidField('villageCode', 'desa tidak ditemukan');
      out.villageCode = s.villageCode;
    }
    return out;
  }
}
