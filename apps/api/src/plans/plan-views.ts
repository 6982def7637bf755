import type { ActivityView, ConsultationRoundView, PlanStatus, PlanView, StrategyWithActivities, UserView, YearMap } from '@sinergi/contracts';
import { allowedTransitions, canPlanInRegion, costsByYear, type PlanSnapshot, type SnapshotActivity, totalOf } from '@sinergi/domain';
import { type ActionPlanEntity, ConsultationInviteEntity, type ConsultationRoundEntity, PlanQueries, StrategyEntity } from '@sinergi/persistence';
import { type EntityManager, In } from 'typeorm';
import { wasAdopted } from './plan-guards';

/** Turns stored plans into the contract's shapes; shared by the plan, activity and proposal services. */
export function toActivityView(a: SnapshotActivity & { version: number }): ActivityView {
  const view: ActivityView = {
    id: a.id,
    code: a.code,
    version: a.version,
    strategyCode: a.strategyCode,
    title: a.title,
    leadAgencyId: a.leadAgencyId,
    supportingAgencyIds: a.supportingAgencyIds,
    regionCodes: a.regionCodes,
    targets: a.targets,
    costs: a.costs,
    priority: a.priority as ActivityView['priority'],
    status: a.status as ActivityView['status'],
    totalCost: totalOf(a.costs).toString(),
  };
  for (const key of ['description', 'output', 'indicator', 'unit', 'baseline'] as const) {
    const value = a[key];
    if (value) view[key] = value;
  }
  return view;
}

export function yearMap(costs: Map<number, bigint>): YearMap {
  const out: YearMap = {};
  for (const [y, v] of [...costs.entries()].sort((p, q) => p[0] - q[0])) out[String(y)] = v.toString();
  return out;
}

export async function snapshotOf(m: EntityManager, plan: ActionPlanEntity): Promise<PlanSnapshot> {
  const activities = await new PlanQueries(m).activities(plan.id);
  return {
    id: plan.id,
    regionCode: plan.regionCode,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    status: plan.status,
    legalBasis: plan.legalBasisNumber && plan.legalBasisDate ? { number: plan.legalBasisNumber, date: plan.legalBasisDate } : null,
    activities: activities.map(({ version: _version, ...a }) => a),
  };
}

export async function planView(
  m: EntityManager,
  plan: ActionPlanEntity,
  actor: UserView,
  extra: Pick<PlanView, 'openRound'> = {},
): Promise<PlanView> {
  // One after the other: inside a transaction they share one connection, which runs one query at a time anyway.
  const strategies = await m.getRepository(StrategyEntity).find({ order: { code: 'ASC' } });
  const activities = await new PlanQueries(m).activities(plan.id);
  const region: { name: string }[] = await m.query('SELECT name FROM region WHERE code = $1', [plan.regionCode]);
  const adoptedBefore = await wasAdopted(m, plan.id);
  const grouped: StrategyWithActivities[] = strategies.map((s) => {
    const own = activities.filter((a) => a.strategyCode === s.code);
    return { code: s.code, name: s.name, nameEn: s.nameEn, activities: own.map(toActivityView), costs: yearMap(costsByYear(own)) };
  });
  const all = costsByYear(activities);
  const view: PlanView = {
    id: plan.id,
    regionCode: plan.regionCode,
    regionName: region[0]?.name ?? plan.regionCode,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    status: plan.status,
    version: plan.version,
    strategies: grouped,
    costs: yearMap(all),
    totalCost: [...all.values()].reduce((s, v) => s + v, 0n).toString(),
    allowedTransitions: canPlanInRegion(actor, plan.regionCode) ? [...allowedTransitions(plan.status, adoptedBefore)] : ([] as PlanStatus[]),
    ...extra,
  };
  if (plan.taskForceId) view.taskForceId = plan.taskForceId;
  if (plan.legalBasisNumber && plan.legalBasisDate) view.legalBasis = { number: plan.legalBasisNumber, date: plan.legalBasisDate };
  return view;
}

/** Rounds with their invited agencies, in one query for the invitations of all of them. */
export async function roundViews(m: EntityManager, rounds: ConsultationRoundEntity[]): Promise<ConsultationRoundView[]> {
  const invites = rounds.length ? await m.find(ConsultationInviteEntity, { where: { roundId: In(rounds.map((r) => r.id)) } }) : [];
  return rounds.map((round) => ({
    id: round.id,
    number: round.number,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    status: round.status,
    invitedAgencyIds: invites
      .filter((i) => i.roundId === round.id)
      .map((i) => i.agencyId)
      .sort(),
  }));
}

export async function roundView(m: EntityManager, round: ConsultationRoundEntity): Promise<ConsultationRoundView> {
  const [view] = await roundViews(m, [round]);
  return view;
}
