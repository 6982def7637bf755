import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActivityInput, CommentView, ProposalStatus, ProposalView, UserView } from '@sinergi/contracts';
import { acceptsProposals, DomainError, validateActivity } from '@sinergi/domain';
import { CommentEntity, ConsultationRoundEntity, EndorsementEntity, PlanActivityEntity, ProposalEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { checkReferences, createActivity, updateActivity } from './activity-writer';
import { notify } from './notifications';
import { assertParticipant, assertPlanner, findPlan, lockPlan, planIdOfActivity } from './plan-guards';
import type { CarryOverDto, CommentDto, ProposalDto } from './plan.dto';

/** Who endorses: a member's agency, or a village official's desa. One endorsement each. */
function endorserKey(actor: UserView): string | undefined {
  if (actor.agencyId) return `agency:${actor.agencyId}`;
  if (actor.villageCode) return `desa:${actor.villageCode}`;
  return undefined;
}

interface ProposalRow {
  id: string;
  plan_id: string;
  kind: ProposalView['kind'];
  activity_id: string | null;
  activity_code: string | null;
  changes: ProposalView['changes'];
  rationale: string | null;
  status: ProposalStatus;
  proposer_id: string;
  proposer_name: string;
  proposer_agency_id: string | null;
  proposer_agency_name: string | null;
  round_id: string | null;
  created_at: Date;
  decided_at: Date | null;
  decided_by_email: string | null;
  decision_reason: string | null;
  carry_to_year: number | null;
  carry_to_next_plan: boolean;
  result_activity_id: string | null;
  comment_count: number;
}

/**
 * Participation: members propose new activities or amendments (changed fields only), comment in
 * threads and endorse; the planner accepts (the change is applied through the same writer as a
 * direct edit), rejects with a reason, or carries the proposal over so it is never silently lost.
 * Every decision notifies the proposer.
 */
@Injectable()
export class ProposalsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(actor: UserView, planId: string, dto: ProposalDto): Promise<ProposalView> {
    assertParticipant(actor);
    const id = await this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, planId);
      if (!acceptsProposals(plan.status)) throw DomainError.conflict('Rencana ini sedang tidak menerima usulan (status reviu atau sudah ditetapkan)');
      const changes = dto.changes as Partial<ActivityInput>;
      if (dto.kind === 'new_activity') {
        if (dto.activityId) throw DomainError.invalidField('activityId', 'usulan kegiatan baru tidak merujuk kegiatan yang ada');
        await prefix('changes', () => checkReferences(m, validateActivity(changes, plan, false), plan));
      } else {
        if (!dto.activityId) throw DomainError.invalidField('activityId', 'wajib untuk usulan perubahan');
        if (!(await m.exists(PlanActivityEntity, { where: { id: dto.activityId, planId } }))) throw DomainError.invalidField('activityId', 'kegiatan tidak ada di rencana ini');
        if (!Object.keys(changes).length) throw DomainError.invalidField('changes', 'cantumkan kolom yang diubah');
        await prefix('changes', () => checkReferences(m, validateActivity(changes, plan, true), plan));
      }
      const round = await m.findOne(ConsultationRoundEntity, { where: { planId, status: 'open' } });
      const proposal = await m.save(
        ProposalEntity,
        m.create(ProposalEntity, {
          planId,
          kind: dto.kind,
          activityId: dto.activityId ?? null,
          changes: changes as Record<string, unknown>,
          rationale: dto.rationale?.trim() || null,
          proposerId: actor.id,
          proposerAgencyId: actor.agencyId ?? null,
          roundId: round?.id ?? null,
        }),
      );
      await recordAudit(m, { actorId: actor.id, entity: 'proposal', entityId: proposal.id, action: 'create', newValue: dto });
      return proposal.id;
    });
    return this.get(id);
  }

  async list(planId: string, status?: ProposalStatus): Promise<ProposalView[]> {
    await findPlan(this.dataSource.manager, planId);
    return this.load(this.dataSource.manager, 'p.plan_id = $1 AND ($2::text IS NULL OR p.status = $2)', [planId, status ?? null]);
  }

  async get(id: string): Promise<ProposalView> {
    const [view] = await this.load(this.dataSource.manager, 'p.id = $1', [id]);
    if (!view) throw DomainError.notFound('Usulan');
    return view;
  }

  /** Proposals carried over from earlier plans of the same region into this plan's period. */
  async carriedIn(planId: string): Promise<ProposalView[]> {
    const plan = await findPlan(this.dataSource.manager, planId);
    return this.load(
      this.dataSource.manager,
      `p.status = 'carried_over' AND p.plan_id <> $1 AND src.region_code = $2 AND src.created_at < $5
       AND (p.carry_to_next_plan OR p.carry_to_year BETWEEN $3 AND $4)`,
      [planId, plan.regionCode, plan.startYear, plan.endYear, plan.createdAt],
    );
  }

  async accept(actor: UserView, id: string, reason?: string): Promise<ProposalView> {
    await this.decide(actor, id, async (m, proposal, plan) => {
      let resultId: string;
      if (proposal.kind === 'new_activity') {
        resultId = (await createActivity(m, plan, proposal.changes as Partial<ActivityInput>, actor.id, `usulan ${proposal.id}`)).id;
      } else {
        if (!proposal.activityId) throw DomainError.conflict('Kegiatan yang diusulkan untuk diubah sudah dihapus');
        await updateActivity(m, plan, proposal.activityId, proposal.changes as Partial<ActivityInput>, actor.id, undefined, `usulan ${proposal.id}`);
        resultId = proposal.activityId;
      }
      proposal.status = 'accepted';
      proposal.resultActivityId = resultId;
      proposal.decisionReason = reason?.trim() || null;
      return { title: 'Usulan Anda diterima', body: `Usulan untuk "${plan.title}" diterima dan diterapkan.${reason ? ` Catatan: ${reason}` : ''}` };
    });
    return this.get(id);
  }

  async reject(actor: UserView, id: string, reason: string): Promise<ProposalView> {
    await this.decide(actor, id, async (_m, proposal, plan) => {
      proposal.status = 'rejected';
      proposal.decisionReason = reason.trim();
      return { title: 'Usulan Anda ditolak', body: `Usulan untuk "${plan.title}" ditolak. Alasan: ${reason.trim()}` };
    });
    return this.get(id);
  }

  async carryOver(actor: UserView, id: string, dto: CarryOverDto): Promise<ProposalView> {
    if (!dto.toNextPlan && dto.toYear === undefined) throw DomainError.invalidField('toYear', 'pilih tahun tujuan atau rencana berikutnya');
    if (dto.toNextPlan && dto.toYear !== undefined) throw DomainError.invalidField('toYear', 'pilih salah satu: tahun tujuan atau rencana berikutnya');
    await this.decide(actor, id, async (_m, proposal, plan) => {
      if (dto.toYear !== undefined && (dto.toYear <= new Date().getFullYear() - 1 || dto.toYear > plan.endYear + 10)) {
        throw DomainError.invalidField('toYear', 'tahun tujuan tidak masuk akal');
      }
      proposal.status = 'carried_over';
      proposal.carryToYear = dto.toYear ?? null;
      proposal.carryToNextPlan = !!dto.toNextPlan;
      proposal.decisionReason = dto.reason?.trim() || null;
      const where = dto.toNextPlan ? 'rencana berikutnya' : `tahun ${dto.toYear}`;
      return { title: 'Usulan Anda dibawa ke periode berikutnya', body: `Usulan untuk "${plan.title}" dicatat untuk ${where}.${dto.reason ? ` Catatan: ${dto.reason}` : ''}` };
    });
    return this.get(id);
  }

  async withdraw(actor: UserView, id: string): Promise<ProposalView> {
    await this.dataSource.transaction(async (m) => {
      const proposal = await this.lockOpen(m, id);
      if (proposal.proposerId !== actor.id) throw DomainError.forbidden('Hanya pengusul yang dapat menarik usulannya');
      proposal.status = 'withdrawn';
      await m.save(proposal);
      await recordAudit(m, { actorId: actor.id, entity: 'proposal', entityId: id, action: 'withdraw' });
    });
    return this.get(id);
  }

  async endorse(actor: UserView, id: string): Promise<ProposalView> {
    assertParticipant(actor);
    const key = endorserKey(actor);
    if (!key) throw DomainError.forbidden('Dukungan diberikan atas nama instansi atau desa; akun Anda tidak terkait keduanya');
    await this.dataSource.transaction(async (m) => {
      const proposal = await m.findOne(ProposalEntity, { where: { id } });
      if (!proposal) throw DomainError.notFound('Usulan');
      if (proposal.status !== 'open') throw DomainError.conflict('Usulan ini sudah diputuskan');
      const inserted: unknown[] = await m.query(
        `INSERT INTO endorsement (proposal_id, endorser_key, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, key, actor.id],
      );
      if (!inserted.length) throw DomainError.conflict('Instansi Anda sudah mendukung usulan ini');
      await recordAudit(m, { actorId: actor.id, entity: 'proposal', entityId: id, action: 'endorse', newValue: { endorserKey: key } });
    });
    return this.get(id);
  }

  async unendorse(actor: UserView, id: string): Promise<void> {
    const key = endorserKey(actor);
    const result = key ? await this.dataSource.getRepository(EndorsementEntity).delete({ proposalId: id, endorserKey: key }) : { affected: 0 };
    if (!result.affected) throw DomainError.notFound('Dukungan');
  }

  // Comments on proposals and on activities --------------------------------------------------

  async comments(target: { proposalId?: string; activityId?: string }): Promise<CommentView[]> {
    await this.planOfTarget(this.dataSource.manager, target);
    const rows: { id: string; parent_id: string | null; author_id: string; name: string; agency: string | null; body: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT c.id, c.parent_id, c.author_id, u.name, a.short_name AS agency, c.body, c.created_at
           FROM comment c JOIN app_user u ON u.id = c.author_id LEFT JOIN agency a ON a.id = u.agency_id
          WHERE ${target.proposalId ? 'c.proposal_id' : 'c.activity_id'} = $1 ORDER BY c.created_at, c.id`,
        [target.proposalId ?? target.activityId],
      );
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id ?? undefined,
      author: { id: r.author_id, name: r.name, agencyName: r.agency ?? undefined },
      body: r.body,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async comment(actor: UserView, target: { proposalId?: string; activityId?: string }, dto: CommentDto): Promise<CommentView> {
    assertParticipant(actor);
    const id = await this.dataSource.transaction(async (m) => {
      const planId = await this.planOfTarget(m, target);
      if (dto.parentId) {
        const parent = await m.findOne(CommentEntity, { where: { id: dto.parentId } });
        const sameThread = parent && parent.proposalId === (target.proposalId ?? null) && parent.activityId === (target.activityId ?? null);
        if (!sameThread) throw DomainError.invalidField('parentId', 'komentar induk tidak ada di utas ini');
      }
      const saved = await m.save(
        CommentEntity,
        m.create(CommentEntity, {
          planId,
          proposalId: target.proposalId ?? null,
          activityId: target.activityId ?? null,
          parentId: dto.parentId ?? null,
          authorId: actor.id,
          body: dto.body.trim(),
        }),
      );
      if (target.proposalId) {
        const proposal = await m.findOneOrFail(ProposalEntity, { where: { id: target.proposalId } });
        if (proposal.proposerId !== actor.id) {
          await notify(m, [proposal.proposerId], {
            kind: 'comment',
            title: 'Komentar baru pada usulan Anda',
            body: `${actor.name}: ${dto.body.trim().slice(0, 200)}`,
            link: `/rencana-aksi/${planId}`,
          });
        }
      }
      return saved.id;
    });
    return (await this.comments(target)).find((c) => c.id === id)!;
  }

  // ------------------------------------------------------------------------------------------

  private async decide(
    actor: UserView,
    id: string,
    apply: (m: EntityManager, proposal: ProposalEntity, plan: Awaited<ReturnType<typeof lockPlan>>) => Promise<{ title: string; body: string }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const planId = await this.planOfProposal(m, id);
      const plan = await lockPlan(m, planId);
      assertPlanner(actor, plan);
      const proposal = await this.lockOpen(m, id);
      const before = proposal.status;
      const message = await apply(m, proposal, plan);
      proposal.decidedBy = actor.id;
      proposal.decidedAt = new Date();
      await m.save(proposal);
      await recordAudit(m, {
        actorId: actor.id,
        entity: 'proposal',
        entityId: id,
        action: proposal.status,
        oldValue: { status: before },
        newValue: { status: proposal.status, reason: proposal.decisionReason, resultActivityId: proposal.resultActivityId },
      });
      await notify(m, [proposal.proposerId], { kind: `proposal_${proposal.status}`, ...message, link: `/rencana-aksi/${planId}` });
    });
  }

  private async lockOpen(m: EntityManager, id: string): Promise<ProposalEntity> {
    const proposal = await m.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!proposal) throw DomainError.notFound('Usulan');
    if (proposal.status !== 'open') throw DomainError.conflict(`Usulan ini sudah diputuskan (${proposal.status})`);
    return proposal;
  }

  private async planOfProposal(m: EntityManager, id: string): Promise<string> {
    const rows: { plan_id: string }[] = await m.query('SELECT plan_id FROM proposal WHERE id = $1', [id]);
    if (!rows.length) throw DomainError.notFound('Usulan');
    return rows[0].plan_id;
  }

  private async planOfTarget(m: EntityManager, target: { proposalId?: string; activityId?: string }): Promise<string> {
    return target.proposalId ? this.planOfProposal(m, target.proposalId) : planIdOfActivity(m, target.activityId!);
  }

  private async load(m: EntityManager, where: string, params: unknown[]): Promise<ProposalView[]> {
    const rows: ProposalRow[] = await m.query(
      `SELECT p.id, p.plan_id, p.kind, p.activity_id, CASE WHEN a.id IS NULL THEN NULL ELSE a.strategy_code || '.' || a.seq END AS activity_code,
              p.changes, p.rationale, p.status, p.proposer_id, u.name AS proposer_name, p.proposer_agency_id, ag.short_name AS proposer_agency_name,
              p.round_id, p.created_at, p.decided_at, d.email AS decided_by_email, p.decision_reason, p.carry_to_year, p.carry_to_next_plan,
              p.result_activity_id, (SELECT count(*)::int FROM comment c WHERE c.proposal_id = p.id) AS comment_count
         FROM proposal p
         JOIN action_plan src ON src.id = p.plan_id
         JOIN app_user u ON u.id = p.proposer_id
         LEFT JOIN agency ag ON ag.id = p.proposer_agency_id
         LEFT JOIN plan_activity a ON a.id = p.activity_id
         LEFT JOIN app_user d ON d.id = p.decided_by
        WHERE ${where}
        ORDER BY p.created_at DESC, p.id`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const endorsements: { proposal_id: string; endorser_key: string; name: string; created_at: Date }[] = ids.length
      ? await m.query(
          `SELECT e.proposal_id, e.endorser_key, coalesce(a.short_name, r.name, e.endorser_key) AS name, e.created_at
             FROM endorsement e
             LEFT JOIN agency a ON e.endorser_key = 'agency:' || a.id
             LEFT JOIN region r ON e.endorser_key = 'desa:' || r.code
            WHERE e.proposal_id = ANY($1::uuid[]) ORDER BY e.created_at`,
          [ids],
        )
      : [];
    return rows.map((r) => {
      const view: ProposalView = {
        id: r.id,
        planId: r.plan_id,
        kind: r.kind,
        changes: r.changes,
        status: r.status,
        proposer: { id: r.proposer_id, name: r.proposer_name },
        createdAt: r.created_at.toISOString(),
        endorsements: endorsements
          .filter((e) => e.proposal_id === r.id)
          .map((e) => ({ endorserKey: e.endorser_key, name: e.name, at: e.created_at.toISOString() })),
        commentCount: r.comment_count,
      };
      if (r.activity_id) view.activityId = r.activity_id;
      if (r.activity_code) view.activityCode = r.activity_code;
      if (r.rationale) view.rationale = r.rationale;
      if (r.proposer_agency_id) {
        view.proposer.agencyId = r.proposer_agency_id;
        if (r.proposer_agency_name) view.proposer.agencyName = r.proposer_agency_name;
      }
      if (r.round_id) view.roundId = r.round_id;
      if (r.decided_at) view.decidedAt = r.decided_at.toISOString();
      if (r.decided_by_email) view.decidedBy = r.decided_by_email;
      if (r.decision_reason) view.decisionReason = r.decision_reason;
      if (r.status === 'carried_over') view.carryOver = r.carry_to_next_plan ? { toNextPlan: true } : { toYear: r.carry_to_year ?? undefined };
      if (r.result_activity_id) view.resultActivityId = r.result_activity_id;
      return view;
    });
  }
}

/** Re-throws a validation error with `prefix.` on each path, so `changes.costs.2026` is named. */
async function prefix<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError && Array.isArray(error.details)) {
      const details = (error.details as { path: string; message: string }[]).map((d) => ({ path: `${path}.${d.path}`, message: d.message }));
      throw new DomainError(error.code, `Input tidak valid: ${details.map((d) => d.path).join(', ')}`, details);
    }
    throw error;
  }
}
