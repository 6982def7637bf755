import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityInput, AuditEntryView, ActivityView, BudgetCodeKind, BudgetCodeView, PlanDiff, PlanStatus, PlanSummary, PlanVersionView, PlanView, UserView } from '@sinergi/contracts';
import {
  assertEditable,
  assertTransition,
  assertValidPeriod,
  DomainError,
  diffSnapshots,
  regionLevel,
  searchTokens,
  type PlanSnapshot,
} from '@sinergi/domain';
import {
  ActionPlanEntity,
  AgencyEntity,
  ConsultationRoundEntity,
  PlanActivityEntity,
  PlanQueries,
  PlanSnapshotEntity,
  ReferenceQueries,
  RegionEntity,
  TaskForceEntity,
} from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { auditHistory, recordAudit } from '../audit/audit';
import { createActivity, updateActivity } from './activity-writer';
import { assertPlanner, assertVersion, findPlan, lockPlan, planIdOfActivity, wasAdopted } from './plan-guards';
import { planView, roundView, snapshotOf, toActivityView } from './plan-views';
import type { CreatePlanDto, TransitionDto, UpdatePlanDto } from './plan.dto';

@Injectable()
export class PlansService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(filter: { regionCode?: string; status?: PlanStatus }): Promise<PlanSummary[]> {
    return new PlanQueries(this.dataSource.manager).listPlans(filter);
  }

  /** Creates a draft plan; `within` runs it in the caller's transaction (the RAD matrix import). */
  async create(actor: UserView, dto: CreatePlanDto, within?: EntityManager): Promise<{ id: string; status: PlanStatus; version: number }> {
    assertPlanner(actor, dto);
    assertValidPeriod(dto);
    const work = async (m: EntityManager) => {
      if (!(await m.exists(RegionEntity, { where: { code: dto.regionCode } }))) throw DomainError.invalidField('regionCode', 'wilayah tidak ditemukan');
      const taskForce = await m.findOne(TaskForceEntity, { where: { regionCode: dto.regionCode } });
      const plan = m.create(ActionPlanEntity, {
        regionCode: dto.regionCode,
        title: dto.title.trim(),
        startYear: dto.startYear,
        endYear: dto.endYear,
        status: 'draft',
        taskForceId: taskForce?.id ?? null,
        createdBy: actor.id,
      });
      await m.save(plan);
      await recordAudit(m, { actorId: actor.id, entity: 'action_plan', entityId: plan.id, action: 'create', newValue: dto });
      return { id: plan.id, status: plan.status, version: plan.version };
    };
    return within ? work(within) : this.dataSource.transaction(work);
  }

  async get(actor: UserView, id: string): Promise<PlanView> {
    const m = this.dataSource.manager;
    const plan = await findPlan(m, id);
    return this.view(m, plan, actor);
  }

  private async view(m: EntityManager, plan: ActionPlanEntity, actor: UserView): Promise<PlanView> {
    const round = await m.findOne(ConsultationRoundEntity, { where: { planId: plan.id, status: 'open' } });
    return planView(m, plan, actor, round ? { openRound: await roundView(m, round) } : {});
  }

  async update(actor: UserView, id: string, dto: UpdatePlanDto): Promise<PlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, id);
      assertPlanner(actor, plan);
      assertVersion(plan.version, dto.version, 'Rencana ini');
      assertEditable(plan.status);
      const next = { startYear: dto.startYear ?? plan.startYear, endYear: dto.endYear ?? plan.endYear };
      assertValidPeriod(next);
      const outside = await new PlanQueries(m).costYearsOutside(plan.id, next.startYear, next.endYear);
      if (outside.length) {
        throw DomainError.invalidField(dto.startYear !== undefined ? 'startYear' : 'endYear', `masih ada kebutuhan anggaran di tahun ${outside.join(', ')}; pindahkan dahulu`);
      }
      const before = { title: plan.title, startYear: plan.startYear, endYear: plan.endYear };
      if (dto.title !== undefined) plan.title = dto.title.trim();
      Object.assign(plan, next);
      await m.save(plan);
      await recordAudit(m, { actorId: actor.id, entity: 'action_plan', entityId: id, action: 'update', oldValue: before, newValue: { title: plan.title, ...next } });
      return this.view(m, plan, actor);
    });
  }

  /** Moves the plan one workflow step and stores an immutable snapshot of it as it now is. */
  async transition(actor: UserView, id: string, dto: TransitionDto): Promise<PlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, id);
      assertPlanner(actor, plan);
      assertVersion(plan.version, dto.version, 'Rencana ini');
      assertTransition(plan.status, dto.to, await wasAdopted(m, plan.id));
      await this.applyTransition(m, plan, dto.to, actor, dto);
      return this.view(m, plan, actor);
    });
  }

  /** Shared with opening a consultation round, which moves a draft into consultation. */
  async applyTransition(m: EntityManager, plan: ActionPlanEntity, to: PlanStatus, actor: UserView, dto: Pick<TransitionDto, 'legalBasis' | 'note'> = {}): Promise<void> {
    const from = plan.status;
    if (to === 'adopted') {
      if (!dto.legalBasis) throw DomainError.invalidField('legalBasis', 'dasar hukum penetapan (nomor dan tanggal Perbup/Pergub/Perwali) wajib diisi');
      const activities = await m.count(PlanActivityEntity, { where: { planId: plan.id } });
      if (activities === 0) throw DomainError.conflict('Rencana tanpa kegiatan tidak dapat ditetapkan');
      plan.legalBasisNumber = dto.legalBasis.number.trim();
      plan.legalBasisDate = dto.legalBasis.date;
    }
    if (from === 'consultation') {
      await m.update(ConsultationRoundEntity, { planId: plan.id, status: 'open' }, { status: 'closed' });
    }
    plan.status = to;
    await m.save(plan);
    const [row]: { next: number }[] = await m.query('SELECT coalesce(max(number), 0) + 1 AS next FROM plan_snapshot WHERE plan_id = $1', [plan.id]);
    await m.insert(PlanSnapshotEntity, {
      planId: plan.id,
      number: row.next,
      transition: `${from}→${to}`,
      status: to,
      snapshot: await snapshotOf(m, plan),
      createdBy: actor.id,
    });
    await recordAudit(m, {
      actorId: actor.id,
      entity: 'action_plan',
      entityId: plan.id,
      action: 'transition',
      oldValue: { status: from },
      newValue: { status: to, note: dto.note, legalBasis: dto.legalBasis, snapshot: row.next },
    });
  }

  async versions(id: string): Promise<PlanVersionView[]> {
    await findPlan(this.dataSource.manager, id);
    // Counted and summed in the database: a plan's snapshots are never shipped whole to list them.
    const rows: { number: number; transition: string; status: PlanStatus; created_at: Date; email: string | null; activity_count: number; total_cost: string }[] =
      await this.dataSource.query(
        `SELECT s.number, s.transition, s.status, s.created_at, u.email,
                jsonb_array_length(s.snapshot->'activities') AS activity_count,
                (SELECT coalesce(sum(c.value::bigint), 0)::text
                   FROM jsonb_array_elements(s.snapshot->'activities') a, jsonb_each_text(a->'costs') c) AS total_cost
           FROM plan_snapshot s LEFT JOIN app_user u ON u.id = s.created_by WHERE s.plan_id = $1 ORDER BY s.number`,
        [id],
      );
    return rows.map((r) => ({
      number: r.number,
      transition: r.transition,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      createdBy: r.email ?? undefined,
      activityCount: r.activity_count,
      totalCost: r.total_cost,
    }));
  }


  async version(id: string, number: number): Promise<PlanSnapshot> {
    const row = await this.dataSource.getRepository(PlanSnapshotEntity).findOne({ where: { planId: id, number } });
    if (!row) throw DomainError.notFound(`Versi ${number}`);
    return row.snapshot as PlanSnapshot;
  }

  async diff(id: string, from: string, to: string): Promise<PlanDiff> {
    const m = this.dataSource.manager;
    const plan = await findPlan(m, id);
    const load = async (which: string) => (which === 'current' ? snapshotOf(m, plan) : this.version(id, Number(which)));
    const label = (which: string) => (which === 'current' ? 'current' : Number(which));
    return diffSnapshots(await load(from), await load(to), { from: label(from), to: label(to) });
  }

  // Activities ---------------------------------------------------------------------------------

  async addActivity(actor: UserView, planId: string, input: ActivityInput): Promise<{ id: string; code: string; version: number }> {
    return this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, planId);
      assertPlanner(actor, plan);
      return createActivity(m, plan, input, actor.id);
    });
  }

  async getActivity(id: string): Promise<ActivityView> {
    const m = this.dataSource.manager;
    const entity = await m.findOne(PlanActivityEntity, { where: { id } });
    if (!entity) throw DomainError.notFound('Kegiatan');
    const [activity] = await new PlanQueries(m).activities(entity.planId, [id]);
    return toActivityView(activity);
  }

  async updateActivity(actor: UserView, id: string, input: Partial<ActivityInput> & { version: number }): Promise<ActivityView> {
    const { version, ...changes } = input;
    await this.dataSource.transaction(async (m) => {
      const planId = await planIdOfActivity(m, id);
      const plan = await lockPlan(m, planId);
      assertPlanner(actor, plan);
      await updateActivity(m, plan, id, changes, actor.id, version);
    });
    return this.getActivity(id);
  }

  async deleteActivity(actor: UserView, id: string, version: number): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const planId = await planIdOfActivity(m, id);
      const plan = await lockPlan(m, planId);
      assertPlanner(actor, plan);
      if (plan.status !== 'draft' && plan.status !== 'revision') {
        throw DomainError.conflict('Kegiatan hanya dapat dihapus saat rencana berstatus draf atau revisi');
      }
      const entity = await m.findOne(PlanActivityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      assertVersion(entity!.version, version, 'Kegiatan ini');
      const [before] = await new PlanQueries(m).activities(planId, [id]);
      await m.delete(PlanActivityEntity, { id });
      await recordAudit(m, { actorId: actor.id, entity: 'plan_activity', entityId: id, action: 'delete', oldValue: before });
    });
  }

  async activityHistory(id: string): Promise<AuditEntryView[]> {
    await this.getActivity(id);
    return auditHistory(this.dataSource.manager, 'plan_activity', id);
  }


  /**
   * Budget codes an activity could be funded under, best first: ranked by the words of its title,
   * output and indicator, within the plan's government level (a regency plan gets regency
   * sub kegiatan), with the lead agency's mandate first among equally good matches.
   */
  async suggestions(id: string, kind: BudgetCodeKind, limit: number): Promise<BudgetCodeView[]> {
    const m = this.dataSource.manager;
    const activity = await m.findOne(PlanActivityEntity, { where: { id } });
    if (!activity) throw DomainError.notFound('Kegiatan');
    const plan = await findPlan(m, activity.planId);
    const tokens = searchTokens([activity.title, activity.output, activity.indicator].filter(Boolean).join(' '));
    const queries = new ReferenceQueries(m);
    if (kind === 'APBDES') return queries.searchBudgetCodes({ tokens, kind, level: 'kegiatan', limit });
    const lead = await m.findOne(AgencyEntity, { where: { id: activity.leadAgencyId } });
    return queries.searchBudgetCodes({
      tokens,
      kind,
      level: 'sub_kegiatan',
      governmentLevel: regionLevel(plan.regionCode) === 'province' ? 'province' : 'regency',
      preferBidang: lead?.mandates ?? [],
      limit,
    });
  }
}
