import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsultationParticipation, ConsultationRoundView, UserView } from '@sinergi/contracts';
import { assertTransition, DomainError } from '@sinergi/domain';
import { ConsultationInviteEntity, ConsultationRoundEntity, PlanQueries } from '@sinergi/persistence';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { notify, usersOfAgencies } from './notifications';
import { assertPlanner, findPlan, lockPlan } from './plan-guards';
import { roundView, roundViews } from './plan-views';
import type { RoundDto } from './plan.dto';
import { PlansService } from './plans.service';

/**
 * Consultation rounds: the planner invites member agencies for a period; opening one on a draft
 * moves the plan into consultation. The overview shows what each invited agency has done.
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  async list(planId: string): Promise<ConsultationRoundView[]> {
    const m = this.dataSource.manager;
    await findPlan(m, planId);
    const rounds = await m.find(ConsultationRoundEntity, { where: { planId }, order: { number: 'ASC' } });
    return roundViews(m, rounds);
  }

  async open(actor: UserView, planId: string, dto: RoundDto): Promise<ConsultationRoundView> {
    if (dto.closesOn < dto.opensOn) throw DomainError.invalidField('closesOn', 'tidak boleh sebelum tanggal buka');
    return this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, planId);
      assertPlanner(actor, plan);
      if (plan.status !== 'consultation') {
        assertTransition(plan.status, 'consultation');
        await this.plans.applyTransition(m, plan, 'consultation', actor, { note: 'putaran konsultasi dibuka' });
      }
      if (await m.exists(ConsultationRoundEntity, { where: { planId, status: 'open' } })) {
        throw DomainError.conflict('Masih ada putaran konsultasi yang terbuka; tutup dahulu');
      }
      const invited = [...new Set(dto.invitedAgencyIds)];
      const missing = await new PlanQueries(m).missingAgencies(invited);
      if (missing.length) throw DomainError.invalidField(`invitedAgencyIds.${dto.invitedAgencyIds.indexOf(missing[0])}`, 'instansi tidak ditemukan');
      const [row]: { next: number }[] = await m.query('SELECT coalesce(max(number), 0) + 1 AS next FROM consultation_round WHERE plan_id = $1', [planId]);
      const round = await m.save(
        ConsultationRoundEntity,
        m.create(ConsultationRoundEntity, { planId, number: row.next, opensOn: dto.opensOn, closesOn: dto.closesOn, status: 'open', createdBy: actor.id }),
      );
      if (invited.length) await m.insert(ConsultationInviteEntity, invited.map((agencyId) => ({ roundId: round.id, agencyId })));
      await notify(m, await usersOfAgencies(m, invited), {
        kind: 'round_opened',
        title: `Konsultasi RAD dibuka: ${plan.title}`,
        body: `Putaran ${round.number}, ${dto.opensOn} s.d. ${dto.closesOn}. Ajukan usulan, komentar atau dukungan.`,
        link: `/rencana-aksi/${planId}`,
      });
      await recordAudit(m, { actorId: actor.id, entity: 'action_plan', entityId: planId, action: 'round_opened', newValue: { number: round.number, ...dto } });
      return roundView(m, round);
    });
  }

  async close(actor: UserView, roundId: string): Promise<ConsultationRoundView> {
    return this.dataSource.transaction(async (m) => {
      const round = await m.findOne(ConsultationRoundEntity, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw DomainError.notFound('Putaran konsultasi');
      const plan = await findPlan(m, round.planId);
      assertPlanner(actor, plan);
      if (round.status === 'closed') throw DomainError.conflict('Putaran ini sudah ditutup');
      round.status = 'closed';
      await m.save(round);
      await recordAudit(m, { actorId: actor.id, entity: 'action_plan', entityId: plan.id, action: 'round_closed', newValue: { number: round.number } });
      return roundView(m, round);
    });
  }

  /** Per invited agency (and any other that took part): proposals, comments, endorsements in the round's plan. */
  async participation(roundId: string): Promise<ConsultationParticipation[]> {
    const m = this.dataSource.manager;
    const round = await m.findOne(ConsultationRoundEntity, { where: { id: roundId } });
    if (!round) throw DomainError.notFound('Putaran konsultasi');
    const rows: { agency_id: string; name: string; short_name: string; kind: ConsultationParticipation['kind']; proposals: number; comments: number; endorsements: number }[] =
      await m.query(
        `WITH involved AS (
           SELECT agency_id FROM consultation_invite WHERE round_id = $1
           UNION SELECT proposer_agency_id FROM proposal WHERE plan_id = $2 AND proposer_agency_id IS NOT NULL
         )
         SELECT a.id AS agency_id, a.name, a.short_name, a.kind,
                (SELECT count(*)::int FROM proposal p WHERE p.plan_id = $2 AND p.proposer_agency_id = a.id) AS proposals,
                (SELECT count(*)::int FROM comment c JOIN app_user u ON u.id = c.author_id WHERE c.plan_id = $2 AND u.agency_id = a.id) AS comments,
                (SELECT count(*)::int FROM endorsement e JOIN proposal p ON p.id = e.proposal_id WHERE p.plan_id = $2 AND e.endorser_key = 'agency:' || a.id) AS endorsements
           FROM involved i JOIN agency a ON a.id = i.agency_id
          ORDER BY a.kind, a.name`,
        [roundId, round.planId],
      );
    return rows.map((r) => ({
      agencyId: r.agency_id,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind,
      proposals: r.proposals,
      comments: r.comments,
      endorsements: r.endorsements,
    }));
  }
}
