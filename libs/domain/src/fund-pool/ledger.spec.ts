import type { LedgerKind } from '@sinergi/contracts';
import {
  applyEntry,
  assertCommitFits,
  availableOf,
  balancesFromLedger,
  carryOverAmount,
  commitFloor,
  entryEffect,
  reserveOf,
  ZERO_BALANCES,
  type Balances,
  type EntryInput,
} from './ledger';
import { caught, problems } from '../../../../test/support/domain-errors';

const entry = (kind: LedgerKind, amount: bigint): EntryInput => ({ kind, amount });
const reversal = (reverses: LedgerKind, amount: bigint): EntryInput => ({ kind: 'REVERSAL', amount, reverses });
const balances = (b: Partial<Balances>): Balances => ({ ...ZERO_BALANCES, ...b });

const COMMITMENT = 30_000_000n;

/** Received 500.000.000, pledged 100.000.000, sixteen commitments of 30.000.000. */
function sixteenCommitments(): Balances {
  return balancesFromLedger([
    entry('RECEIPT', 500_000_000n),
    entry('PLEDGE', 100_000_000n),
    ...Array.from({ length: 16 }, () => entry('COMMIT', COMMITMENT)),
  ]);
}

describe('entryEffect', () => {
  it.each<[string, EntryInput, Partial<Balances>]>([
    ['PLEDGE adds to pledged', entry('PLEDGE', 7n), { pledged: 7n }],
    ['RECEIPT adds to received', entry('RECEIPT', 7n), { received: 7n }],
    ['COMMIT adds to committed', entry('COMMIT', 7n), { committed: 7n }],
    ['RELEASE takes from committed', entry('RELEASE', 7n), { committed: -7n }],
    ['DISBURSE moves committed to disbursed', entry('DISBURSE', 7n), { committed: -7n, disbursed: 7n }],
    ['REVERSAL of a PLEDGE takes from pledged', reversal('PLEDGE', 7n), { pledged: -7n }],
    ['REVERSAL of a RECEIPT takes from received', reversal('RECEIPT', 7n), { received: -7n }],
    ['REVERSAL of a DISBURSE (a refund) takes from disbursed', reversal('DISBURSE', 7n), { disbursed: -7n }],
    ['CARRY_OUT takes from received', entry('CARRY_OUT', 7n), { received: -7n }],
    ['CARRY_IN adds to received', entry('CARRY_IN', 7n), { received: 7n }],
  ])('%s', (_name, input, effect) => {
    expect(entryEffect(input)).toEqual(balances(effect));
  });

  it('leaves ZERO_BALANCES untouched', () => {
    entryEffect(entry('RECEIPT', 7n));
    expect(ZERO_BALANCES).toEqual({ pledged: 0n, received: 0n, committed: 0n, disbursed: 0n });
  });

  it.each<LedgerKind>(['COMMIT', 'REVERSAL', 'RELEASE', 'CARRY_OUT', 'CARRY_IN'])('refuses a REVERSAL of a %s, on entryId', (kind) => {
    expect(problems(() => entryEffect(reversal(kind, 7n)))).toEqual([
      { path: 'entryId', message: 'hanya janji, penerimaan dan pencairan yang dapat dibalik' },
    ]);
  });

  it('refuses a REVERSAL that does not say what it reverses, on entryId', () => {
    expect(problems(() => entryEffect(entry('REVERSAL', 7n))).map((p) => p.path)).toEqual(['entryId']);
  });
});

describe('applyEntry and balancesFromLedger', () => {
  it('starts an empty ledger at zero', () => {
    expect(balancesFromLedger([])).toEqual(ZERO_BALANCES);
    expect(availableOf(ZERO_BALANCES)).toBe(0n);
  });

  it('does not change the balances it is given', () => {
    const before = balances({ received: 100n });
    applyEntry(before, entry('COMMIT', 40n));
    expect(before).toEqual(balances({ received: 100n }));
  });

  it('commits sixteen times 30.000.000 out of 500.000.000 received and leaves 20.000.000 available', () => {
    // 500.000.000 − 16 × 30.000.000 = 20.000.000 ; a pledge is not money in hand
    const b = sixteenCommitments();
    expect(b).toEqual({ pledged: 100_000_000n, received: 500_000_000n, committed: 480_000_000n, disbursed: 0n });
    expect(availableOf(b)).toBe(20_000_000n);
  });

  it('refuses a 17th commitment with INSUFFICIENT_FUNDS, naming what is usable and what was asked', () => {
    const b = sixteenCommitments();
    const error = caught(() => applyEntry(b, entry('COMMIT', COMMITMENT)));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '20000000', requested: '30000000' });
  });

  it('pays out a commitment without changing what is available', () => {
    // committed 480.000.000 − 30.000.000 = 450.000.000 ; disbursed 0 + 30.000.000 = 30.000.000
    const before = sixteenCommitments();
    const after = applyEntry(before, entry('DISBURSE', COMMITMENT));
    expect(after.committed).toBe(450_000_000n);
    expect(after.disbursed).toBe(30_000_000n);
    expect(availableOf(after)).toBe(availableOf(before));
    expect(availableOf(after)).toBe(20_000_000n);
  });

  it('makes a released commitment available again', () => {
    // 20.000.000 + 30.000.000 = 50.000.000
    const after = applyEntry(sixteenCommitments(), entry('RELEASE', COMMITMENT));
    expect(after.committed).toBe(450_000_000n);
    expect(availableOf(after)).toBe(50_000_000n);
  });

  it('makes a refund (REVERSAL of a DISBURSE) available again', () => {
    // paid 30.000.000 and got 10.000.000 back: 20.000.000 + 10.000.000 = 30.000.000
    const paid = applyEntry(sixteenCommitments(), entry('DISBURSE', COMMITMENT));
    const refunded = applyEntry(paid, reversal('DISBURSE', 10_000_000n));
    expect(refunded.disbursed).toBe(20_000_000n);
    expect(refunded.committed).toBe(450_000_000n);
    expect(availableOf(refunded)).toBe(30_000_000n);
  });

  it('reads the whole scenario back from the ledger in one go', () => {
    // received 500.000.000 ; committed 16 × 30 − 30 (paid) − 30 (released) = 420.000.000 ;
    // disbursed 30 − 10 (refund) = 20.000.000 ; available 500 − 420 − 20 = 60.000.000
    const b = balancesFromLedger([
      entry('RECEIPT', 500_000_000n),
      entry('PLEDGE', 100_000_000n),
      ...Array.from({ length: 16 }, () => entry('COMMIT', COMMITMENT)),
      entry('DISBURSE', COMMITMENT),
      entry('RELEASE', COMMITMENT),
      reversal('DISBURSE', 10_000_000n),
    ]);
    expect(b).toEqual({ pledged: 100_000_000n, received: 500_000_000n, committed: 420_000_000n, disbursed: 20_000_000n });
    expect(availableOf(b)).toBe(60_000_000n);
  });

  it('refuses to reverse a receipt whose money is already committed: available would go below zero', () => {
    // 20.000.000 available ; reversing 100.000.000 would leave 20.000.000 − 100.000.000 = −80.000.000
    const error = caught(() => applyEntry(sixteenCommitments(), reversal('RECEIPT', 100_000_000n)));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '20000000', requested: '100000000' });
  });

  it('reverses a receipt as far as the money is still available', () => {
    const after = applyEntry(sixteenCommitments(), reversal('RECEIPT', 20_000_000n));
    expect(after.received).toBe(480_000_000n);
    expect(availableOf(after)).toBe(0n);
  });

  it('reverses a pledge, and refuses to reverse more than was pledged with CONFLICT', () => {
    const b = sixteenCommitments();
    expect(applyEntry(b, reversal('PLEDGE', 100_000_000n)).pledged).toBe(0n);
    expect(caught(() => applyEntry(b, reversal('PLEDGE', 100_000_001n))).code).toBe('CONFLICT');
  });

  it('refuses with CONFLICT to release or pay out more than is committed, or refund more than was paid', () => {
    const b = balances({ received: 100n, committed: 40n, disbursed: 10n });
    expect(caught(() => applyEntry(b, entry('RELEASE', 41n))).code).toBe('CONFLICT');
    expect(caught(() => applyEntry(b, entry('DISBURSE', 41n))).code).toBe('CONFLICT');
    expect(caught(() => applyEntry(b, reversal('DISBURSE', 11n))).code).toBe('CONFLICT');
    expect(caught(() => applyEntry(b, reversal('RECEIPT', 101n))).code).toBe('CONFLICT');
  });

  it.each<EntryInput>([entry('RECEIPT', 0n), entry('COMMIT', 0n), reversal('PLEDGE', 0n), entry('CARRY_IN', -5n)])(
    'refuses an amount of zero or less ($kind $amount), on amount',
    (input) => {
      expect(problems(() => applyEntry(balances({ received: 100n, pledged: 100n }), input))).toEqual([
        { path: 'amount', message: 'harus lebih dari 0' },
      ]);
    },
  );

  it('stops reading a ledger at the first entry that breaks a rule', () => {
    const error = caught(() => balancesFromLedger([entry('RECEIPT', 100n), entry('COMMIT', 60n), entry('COMMIT', 60n)]));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '40', requested: '60' });
  });
});

describe('reserve', () => {
  const pool = balances({ received: 250_000_000n });
  const RESERVE_20 = 2000;

  it('keeps 20 % (2000 bp) of what was received as the reserve', () => {
    // 250.000.000 × 2000 / 10.000 = 50.000.000
    expect(reserveOf(pool, RESERVE_20)).toBe(50_000_000n);
  });

  it('counts the reserve on received money, not on what is still available', () => {
    // 250.000.000 received, 100.000.000 committed: reserve still 50.000.000
    expect(reserveOf(balances({ received: 250_000_000n, committed: 100_000_000n }), RESERVE_20)).toBe(50_000_000n);
  });

  it('rounds the reserve down to whole Rupiah', () => {
    // 99 × 2000 / 10.000 = 19,8 → 19
    expect(reserveOf(balances({ received: 99n }), RESERVE_20)).toBe(19n);
    // 1 × 9999 / 10.000 = 0,9999 → 0
    expect(reserveOf(balances({ received: 1n }), 9999)).toBe(0n);
  });

  it('has no reserve at 0 bp and all of it at 10.000 bp', () => {
    expect(reserveOf(pool, 0)).toBe(0n);
    expect(reserveOf(pool, 10_000)).toBe(250_000_000n);
  });

  it('sets the floor of an ordinary approval at the reserve, of an emergency one at zero', () => {
    expect(commitFloor(pool, RESERVE_20, false)).toBe(50_000_000n);
    expect(commitFloor(pool, RESERVE_20, true)).toBe(0n);
  });

  it('lets an ordinary request use everything above the reserve: 200.000.000 accepted, 200.000.001 refused', () => {
    // usable 250.000.000 − 50.000.000 = 200.000.000
    expect(() => assertCommitFits(pool, 200_000_000n, RESERVE_20, false)).not.toThrow();
    const error = caught(() => assertCommitFits(pool, 200_000_001n, RESERVE_20, false));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '200000000', requested: '200000001' });
  });

  it('lets an emergency request use the reserve down to zero: 250.000.000 accepted, 250.000.001 refused', () => {
    expect(() => assertCommitFits(pool, 250_000_000n, RESERVE_20, true)).not.toThrow();
    const error = caught(() => assertCommitFits(pool, 250_000_001n, RESERVE_20, true));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '250000000', requested: '250000001' });
  });

  it('reports nothing usable (not a negative amount) when commitments already reach into the reserve', () => {
    // available 250.000.000 − 220.000.000 = 30.000.000, below the reserve of 50.000.000
    const b = balances({ received: 250_000_000n, committed: 220_000_000n });
    const error = caught(() => assertCommitFits(b, 1n, RESERVE_20, false));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '0', requested: '1' });
    expect(() => assertCommitFits(b, 30_000_000n, RESERVE_20, true)).not.toThrow();
  });
});

describe('carryOverAmount', () => {
  // received 500, committed 250, of which 150 paid out: committed 100, disbursed 150
  const yearEnd = balancesFromLedger([entry('RECEIPT', 500n), entry('COMMIT', 250n), entry('DISBURSE', 150n)]);

  it('carries what is available and leaves the commitments to be paid', () => {
    // 500 − 100 − 150 = 250
    expect(yearEnd).toEqual(balances({ received: 500n, committed: 100n, disbursed: 150n }));
    expect(carryOverAmount(yearEnd)).toBe(250n);
  });

  it('leaves nothing available after the CARRY_OUT, and the CARRY_IN opens next year with it', () => {
    const amount = carryOverAmount(yearEnd);
    const closed = applyEntry(yearEnd, entry('CARRY_OUT', amount));
    expect(closed).toEqual(balances({ received: 250n, committed: 100n, disbursed: 150n }));
    expect(availableOf(closed)).toBe(0n);

    const nextYear = applyEntry(ZERO_BALANCES, entry('CARRY_IN', amount));
    expect(nextYear).toEqual(balances({ received: 250n }));
    expect(availableOf(nextYear)).toBe(250n);
  });

  it('refuses to carry out more than is available', () => {
    const error = caught(() => applyEntry(yearEnd, entry('CARRY_OUT', 251n)));
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.details).toEqual({ usable: '250', requested: '251' });
  });
});
