import type { UserView } from '@sinergi/contracts';
import { canParticipate, canPlanInRegion, DomainError } from '@sinergi/domain';
import { ActionPlanEntity } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Scope checks for plans. Anyone signed in may read a plan (it is a public planning document
 * of the task force); only the region's planners (and admins) change it or decide on proposals;
 * every role but viewer takes part in drafting.
 */
export async function lockPlan(m: EntityManager, id: string): Promise<ActionPlanEntity> {
  const plan = await m.findOne(ActionPlanEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!plan) throw DomainError.notFound('Rencana aksi');
  return plan;
}

export async function findPlan(m: EntityManager, id: string): Promise<ActionPlanEntity> {
  const plan = await m.findOne(ActionPlanEntity, { where: { id } });
  if (!plan) throw DomainError.notFound('Rencana aksi');
  return plan;
}

export function assertPlanner(actor: UserView, plan: { regionCode: string }): void {
  if (!canPlanInRegion(actor, plan.regionCode)) {
    throw DomainError.forbidden('Hanya perencana Bappeda wilayah ini (atau admin) yang dapat melakukan ini');
  }
}

export function assertParticipant(actor: UserView): void {
  if (!canParticipate(actor)) throw DomainError.forbidden('Peran viewer hanya dapat membaca');
}

export function assertVersion(current: number, given: number, what: string): void {
  if (current !== given) {
    throw DomainError.conflict(`${what} sudah diubah orang lain (versi ${current}, Anda mengirim ${given}). Muat ulang lalu ulangi.`, {
      currentVersion: current,
    });
  }
}

/** Whether the plan was adopted before (then it is sent back to `revision`, not `draft`). */
export async function wasAdopted(m: EntityManager, planId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM plan_snapshot WHERE plan_id = $1 AND status = 'adopted' LIMIT 1`, [planId]);
  return rows.length > 0;
}

/** The plan an activity belongs to (404 when there is no such activity). */
export async function planIdOfActivity(m: EntityManager, activityId: string): Promise<string> {
  const rows: { plan_id: string }[] = await m.query('SELECT plan_id FROM plan_activity WHERE id = $1', [activityId]);
  if (!rows.length) throw DomainError.notFound('Kegiatan');
  return rows[0].plan_id;
}
