import type { PlanStatus } from '@sinergi/contracts';
import { DomainError } from '../domain-error';

/**
 * The RAD workflow: draft → consultation → review → adopted, and adopted → revision, which opens
 * a new draft version while the adopted one stays readable as its snapshot. A planner may also
 * send a plan back a step (review → consultation or draft, consultation → draft) when members
 * need another round. Anything else is a 409 CONFLICT.
 */
const NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['consultation', 'review'],
  consultation: ['review', 'draft', 'revision'],
  review: ['adopted', 'consultation', 'draft', 'revision'],
  adopted: ['revision'],
  revision: ['consultation', 'review'],
};

const LABEL: Record<PlanStatus, string> = {
  draft: 'draf',
  consultation: 'konsultasi',
  review: 'reviu',
  adopted: 'ditetapkan',
  revision: 'revisi',
};

/**
 * A plan that was adopted before is sent back to `revision`, never to `draft`, so it keeps
 * showing that it revises an adopted plan; one never adopted goes back to `draft`.
 */
export function allowedTransitions(from: PlanStatus, adoptedBefore = false): readonly PlanStatus[] {
  const sendBack: PlanStatus = adoptedBefore ? 'draft' : 'revision';
  return NEXT[from].filter((to) => from === 'adopted' || to !== sendBack);
}

export function assertTransition(from: PlanStatus, to: PlanStatus, adoptedBefore = false): void {
  const allowed = allowedTransitions(from, adoptedBefore);
  if (!allowed.includes(to)) {
    throw DomainError.conflict(`Rencana berstatus ${LABEL[from] ?? from} tidak dapat dipindah ke ${LABEL[to] ?? to}`, {
      from,
      to,
      allowed: [...allowed],
    });
  }
}

/** A planner edits activities directly only while the plan is being drafted or consulted on. */
export function isEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'consultation' || status === 'revision';
}

export function assertEditable(status: PlanStatus): void {
  if (!isEditable(status)) {
    throw DomainError.conflict(
      status === 'adopted'
        ? 'Rencana sudah ditetapkan. Buka revisi untuk mengubahnya.'
        : `Rencana berstatus ${LABEL[status]} tidak dapat diubah; kembalikan ke draf atau konsultasi dahulu.`,
    );
  }
}

/** Members propose while the plan is still open to change. */
export function acceptsProposals(status: PlanStatus): boolean {
  return isEditable(status);
}

export function statusLabel(status: PlanStatus): string {
  return LABEL[status];
}
