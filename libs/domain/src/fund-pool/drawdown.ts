import type { DrawdownStatus } from '@sinergi/contracts';
import { DomainError } from '../domain-error';

/**
 * The life of a drawdown: requested → approved (money committed) → disbursed → settled (with a
 * proof); requested → rejected (with a reason); requested or approved → cancelled (an approved
 * one releases its commitment). Nothing goes back: a mistake is corrected with a reversal.
 */
const NEXT: Record<DrawdownStatus, readonly DrawdownStatus[]> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['disbursed', 'cancelled'],
  disbursed: ['settled'],
  rejected: [],
  settled: [],
  cancelled: [],
};

export function canMoveDrawdown(from: DrawdownStatus, to: DrawdownStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertDrawdownMove(from: DrawdownStatus, to: DrawdownStatus): void {
  if (!canMoveDrawdown(from, to)) {
    throw DomainError.conflict(`Permintaan berstatus "${from}" tidak dapat menjadi "${to}"`, { status: from });
  }
}

export interface DrawdownRules {
  maxPerDrawdown: bigint | null;
  eligibleStrategies: readonly number[];
}

/** The pool's rules for a request: the amount limit and the strategies it may fund. */
export function assertRequestAllowed(rules: DrawdownRules, amount: bigint, strategyCode: number): void {
  if (amount <= 0n) throw DomainError.invalidField('amount', 'harus lebih dari 0');
  if (rules.maxPerDrawdown !== null && amount > rules.maxPerDrawdown) {
    throw DomainError.invalidField('amount', `melebihi batas per permintaan ${rules.maxPerDrawdown.toString()}`);
  }
  if (rules.eligibleStrategies.length && !rules.eligibleStrategies.includes(strategyCode)) {
    throw DomainError.invalidField('activityId', `dana ini hanya untuk strategi ${rules.eligibleStrategies.join(', ')}; kegiatan ini strategi ${strategyCode}`);
  }
}
