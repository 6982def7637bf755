import type { LedgerKind } from '@sinergi/contracts';
import { DomainError } from '../domain-error';
import { FULL_SHARE_BP } from '../allocation/split';

/** The four running sums of a pool; `available` and `reserve` are derived from them. */
export interface Balances {
  pledged: bigint;
  received: bigint;
  committed: bigint;
  disbursed: bigint;
}

export const ZERO_BALANCES: Balances = { pledged: 0n, received: 0n, committed: 0n, disbursed: 0n };

export function availableOf(b: Balances): bigint {
  return b.received - b.committed - b.disbursed;
}

/** The part of the received money only emergencies may use (rounded down to whole Rupiah). */
export function reserveOf(b: Balances, reserveBp: number): bigint {
  return (b.received * BigInt(reserveBp)) / BigInt(FULL_SHARE_BP);
}

export interface EntryInput {
  kind: LedgerKind;
  amount: bigint;
  /** For a REVERSAL: the kind of the entry it undoes. */
  reverses?: LedgerKind;
}

/** What an entry does to each sum (signed). The one place that says what a ledger kind means. */
export function entryEffect(entry: EntryInput): Balances {
  const a = entry.amount;
  const d = { ...ZERO_BALANCES };
  switch (entry.kind) {
    case 'PLEDGE':
      d.pledged = a;
      break;
    case 'RECEIPT':
    case 'CARRY_IN':
      d.received = a;
      break;
    case 'CARRY_OUT':
      d.received = -a;
      break;
    case 'COMMIT':
      d.committed = a;
      break;
    case 'RELEASE':
      d.committed = -a;
      break;
    case 'DISBURSE':
      d.committed = -a;
      d.disbursed = a;
      break;
    case 'REVERSAL':
      switch (entry.reverses) {
        case 'PLEDGE':
          d.pledged = -a;
          break;
        case 'RECEIPT':
          d.received = -a;
          break;
        case 'DISBURSE':
          // Money paid out came back (a refund): it is available again.
          d.disbursed = -a;
          break;
        default:
          throw DomainError.invalidField('entryId', 'hanya janji, penerimaan dan pencairan yang dapat dibalik');
      }
      break;
  }
  return d;
}

/**
 * The balances after an entry, or an error when the entry would take any sum below zero or leave
 * less available than nothing (INSUFFICIENT_FUNDS). The database enforces the same with a
 * conditional update and a CHECK constraint; this is the rule in words and for the tests.
 */
export function applyEntry(b: Balances, entry: EntryInput): Balances {
  if (entry.amount <= 0n) throw DomainError.invalidField('amount', 'harus lebih dari 0');
  const d = entryEffect(entry);
  const next = {
    pledged: b.pledged + d.pledged,
    received: b.received + d.received,
    committed: b.committed + d.committed,
    disbursed: b.disbursed + d.disbursed,
  };
  if (next.pledged < 0n || next.committed < 0n || next.disbursed < 0n || next.received < 0n) {
    throw DomainError.conflict('Entri ini membalik lebih dari yang pernah dicatat');
  }
  if (availableOf(next) < 0n) throw insufficient(availableOf(b), entry.amount);
  return next;
}

export function balancesFromLedger(entries: readonly EntryInput[]): Balances {
  return entries.reduce(applyEntry, ZERO_BALANCES);
}

/**
 * How low an approval may take `available`: an ordinary request must leave the reserve untouched,
 * an emergency one may use it down to zero. Returns the floor for the database's conditional update.
 */
export function commitFloor(b: Balances, reserveBp: number, emergency: boolean): bigint {
  return emergency ? 0n : reserveOf(b, reserveBp);
}

export function assertCommitFits(b: Balances, amount: bigint, reserveBp: number, emergency: boolean): void {
  const floor = commitFloor(b, reserveBp, emergency);
  if (availableOf(b) - amount < floor) throw insufficient(availableOf(b) - floor, amount);
}

export function insufficient(usable: bigint, amount: bigint): DomainError {
  const left = usable < 0n ? 0n : usable;
  return new DomainError('INSUFFICIENT_FUNDS', `Saldo tersedia tidak cukup: dapat dipakai ${left.toString()}, diminta ${amount.toString()}`, {
    usable: left.toString(),
    requested: amount.toString(),
  });
}

/** Year end: what moves to next year's pool is what is available; commitments stay to be paid. */
export function carryOverAmount(b: Balances): bigint {
  return availableOf(b);
}
