import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionPlanEntity, AgencyEntity, TaskForceEntity, TaskForceMemberEntity, UserEntity } from '@sinergi/persistence';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AllocationsService } from '../allocations/allocations.service';
import { FundPoolsService } from '../fund-pools/fund-pools.service';
import { hashPassword } from '../auth/passwords';
import { toUserView } from '../auth/user-view';
import { CatalogImportService } from '../catalog/catalog-import.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { createActivity } from '../plans/activity-writer';
import { DEMO_ACTIVITIES, DEMO_AGENCIES, DEMO_ALLOCATIONS, DEMO_FUND_POOL, DEMO_PASSWORD, DEMO_PLAN, DEMO_REGION, DEMO_TASK_FORCE, DEMO_USERS } from './demo-workspace';
import { REFERENCE_FILES } from './reference-manifest';

/** The bundled code lists: found by walking up, since this file runs from src/ (tests) or dist/. */
function findReferenceDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'api', 'reference');
    if (existsSync(path.join(candidate, 'SOURCES.txt'))) return candidate;
  }
  throw new Error('apps/api/reference not found');
}
export const REFERENCE_DIR = findReferenceDir();

/**
 * What `npm start` does before it listens: migrate, load the bundled reference data, seed the demo
 * workspace into an empty database (never in production), and create the first admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD when there is none.
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogs: CatalogImportService,
    private readonly allocations: AllocationsService,
    private readonly pools: FundPoolsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) this.logger.log(`Migrasi diterapkan: ${applied.map((m) => m.name).join(', ')}`);
    await this.loadReferenceData();
    if (this.config.demo) await this.seedDemo();
    if (this.config.adminEmail && this.config.adminPassword) await this.ensureAdmin(this.config.adminEmail, this.config.adminPassword);
  }

  async loadReferenceData(dir = REFERENCE_DIR): Promise<void> {
    for (const ref of REFERENCE_FILES) {
      const bytes = await readFile(path.join(dir, ref.file));
      if (await this.catalogs.alreadyImported(ref.kind, ref.label, bytes)) continue;
      const started = Date.now();
      const result = await this.catalogs.importFile({ ...ref, bytes, actorId: null, makeCurrent: true }).catch((error: unknown) => {
        // A bundled file that does not validate is a packaging bug: say which rows, then stop.
        const details = (error as { details?: unknown }).details;
        throw new Error(`Data rujukan ${ref.file} tidak valid: ${(error as Error).message} ${JSON.stringify(details ?? '').slice(0, 2000)}`);
      });
      this.logger.log(`Data rujukan ${ref.file}: ${result.created} baru, ${result.updated} diperbarui (${Date.now() - started} ms)`);
    }
  }

  /** Seeds the demo workspace once: only when no user exists yet. */
  async seedDemo(): Promise<boolean> {
    if ((await this.dataSource.getRepository(UserEntity).count()) > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.dataSource.transaction(async (m) => {
      const agencyIds = new Map<string, string>();
      for (const a of DEMO_AGENCIES) {
        const saved = await m.save(AgencyEntity, m.create(AgencyEntity, { name: a.name, shortName: a.shortName, kind: a.kind, regionCode: a.regionCode, mandates: a.mandates }));
        agencyIds.set(a.key, saved.id);
      }
      const taskForce = await m.save(TaskForceEntity, m.create(TaskForceEntity, DEMO_TASK_FORCE));
      await m.insert(
        TaskForceMemberEntity,
        [...agencyIds.values()].map((agencyId) => ({ taskForceId: taskForce.id, agencyId })),
      );
      const userIds = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const inserted = await m.insert(UserEntity, {
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          agencyId: u.agencyKey ? agencyIds.get(u.agencyKey) : null,
          regionCode: u.regionCode ?? null,
          villageCode: u.villageCode ?? null,
        });
        userIds.set(u.email, inserted.identifiers[0].id as string);
      }
      // The draft RAD, written through the same code path as a planner's edits (and audited).
      const planner = userIds.get('bappeda@demo.sinergi.id')!;
      const plan = await m.save(
        ActionPlanEntity,
        m.create(ActionPlanEntity, { ...DEMO_PLAN, regionCode: DEMO_REGION, status: 'draft', taskForceId: taskForce.id, createdBy: planner }),
      );
      for (const a of DEMO_ACTIVITIES) {
        await createActivity(
          m,
          plan,
          {
            strategyCode: a.strategyCode,
            title: a.title,
            output: a.output,
            indicator: a.indicator,
            unit: a.unit,
            leadAgencyId: agencyIds.get(a.lead)!,
            supportingAgencyIds: a.supporting.map((k) => agencyIds.get(k)!),
            regionCodes: a.regionCodes,
            targets: a.targets,
            costs: a.costs,
            priority: a.priority,
          },
          planner,
          'data demo',
        );
      }
      await this.seedDemoAllocations(m);
      await this.seedDemoPool(m);
    });
    this.logger.log('Ruang kerja demo Kabupaten Kupang dibuat');
    return true;
  }

  /** The demo's budget lines, entered through the same service (and scope checks) as a user's. */
  private async seedDemoAllocations(m: EntityManager): Promise<void> {
    const agencies = new Map((await m.find(AgencyEntity)).map((a) => [DEMO_AGENCIES.find((d) => d.shortName === a.shortName)?.key, a.id]));
    const activities: { code: string; id: string }[] = await m.query(
      `SELECT pa.strategy_code || '.' || pa.seq AS code, pa.id FROM plan_activity pa JOIN action_plan p ON p.id = pa.plan_id WHERE p.title = $1`,
      [DEMO_PLAN.title],
    );
    for (const a of DEMO_ALLOCATIONS) {
      const user = await m.findOneOrFail(UserEntity, { where: { email: a.as } });
      const { agency, ...rest } = a.body;
      const body = { ...rest, ...(agency ? { agencyId: agencies.get(agency as string) } : {}) };
      const actor = toUserView(user);
      const activityId = activities.find((x) => x.code === a.activity)?.id;
      if (activityId) await this.allocations.allocate(actor, activityId, body, m);
      else await this.allocations.createLine(actor, body, m);
    }
  }

  /** The demo's tactical fund, created and funded by DP3A through the pool service. */
  private async seedDemoPool(m: EntityManager): Promise<void> {
    const actor = toUserView(await m.findOneOrFail(UserEntity, { where: { email: 'dp3a@demo.sinergi.id' } }));
    const { contributions, holder: _holder, ...pool } = DEMO_FUND_POOL;
    const { id } = await this.pools.create(actor, { ...pool, holderAgencyId: actor.agencyId!, regionCode: DEMO_REGION }, m);
    for (const c of contributions) await this.pools.contribute(actor, id, { ...c }, m);
  }

  /** Production's first admin comes from the environment (or `npm run cli -- create-admin`). */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    if (await users.exists({ where: { role: 'admin', active: true } })) return;
    await users.insert({ email: email.toLowerCase(), name: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
    this.logger.log(`Admin pertama dibuat: ${email}`);
  }
}
