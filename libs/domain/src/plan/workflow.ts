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
  consultation: ['review', 'draft'],
  review: ['adopted', 'consultation', 'draft'],
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

export function allowedTransitions(from: PlanStatus): readonly PlanStatus[] {
  return NEXT[from];
}

export function assertTransition(from: PlanStatus, to: PlanStatus): void {
  if (!NEXT[from].includes(to)) {
    throw DomainError.conflict(`Rencana berstatus ${LABEL[from]} tidak dapat dipindah ke ${LABEL[to]}`, {
      from,
      to,
      allowed: [...NEXT[from]],
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
