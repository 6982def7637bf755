import type { UserView } from '@sinergi/contracts';
import { isWithinRegion } from './region-code';

/**
 * Scope rules shared by every feature. A role says what kind of thing a user may do; the scope
 * (region, agency, desa) says where. Services call these with the resource's owner before writing.
 */
export type Actor = Pick<UserView, 'id' | 'role' | 'agencyId' | 'regionCode' | 'villageCode'>;

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Planners act within their region (a province planner also covers its regencies). */
export function canPlanInRegion(actor: Actor, regionCode: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'planner' && !!actor.regionCode && isWithinRegion(regionCode, actor.regionCode);
}

/** APBD lines of an agency: that agency's own staff, or a planner/admin of the region. */
export function canWriteForAgency(actor: Actor, agency: { id: string; regionCode: string }): boolean {
  if (actor.role === 'agency') return actor.agencyId === agency.id;
  return canPlanInRegion(actor, agency.regionCode);
}

/** APBDes lines of a desa: the desa's own officials, or a planner/admin above it. */
export function canWriteForVillage(actor: Actor, villageCode: string): boolean {
  if (actor.role === 'village') return actor.villageCode === villageCode;
  return canPlanInRegion(actor, villageCode);
}

/** Roles that may take part in drafting (propose, comment, endorse). */
export function canParticipate(actor: Actor): boolean {
  return actor.role !== 'viewer';
}
