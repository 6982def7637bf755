import { DRAWDOWN_STATUSES, type DrawdownStatus } from '@sinergi/contracts';
import { assertDrawdownMove, assertRequestAllowed, canMoveDrawdown, type DrawdownRules } from './drawdown';
import { caught, problems } from '../../../../test/support/domain-errors';

const ALLOWED: [DrawdownStatus, DrawdownStatus][] = [
  ['requested', 'approved'],
  ['requested', 'rejected'],
  ['requested', 'cancelled'],
  ['approved', 'disbursed'],
  ['approved', 'cancelled'],
  ['disbursed', 'settled'],
];

const isAllowed = (from: DrawdownStatus, to: DrawdownStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

/** Every other pair of statuses, a status to itself included. */
const FORBIDDEN: [DrawdownStatus, DrawdownStatus][] = DRAWDOWN_STATUSES.flatMap((from) =>
  DRAWDOWN_STATUSES.filter((to) => !isAllowed(from, to)).map((to): [DrawdownStatus, DrawdownStatus] => [from, to]),
);

describe('drawdown status', () => {
  it.each(ALLOWED)('moves from %s to %s', (from, to) => {
    expect(canMoveDrawdown(from, to)).toBe(true);
    expect(() => assertDrawdownMove(from, to)).not.toThrow();
  });

  it('forbids every other move: 6 × 6 − 6 allowed = 30', () => {
    expect(FORBIDDEN).toHaveLength(30);
  });

  it.each(FORBIDDEN)('refuses %s → %s with CONFLICT naming the current status', (from, to) => {
    expect(canMoveDrawdown(from, to)).toBe(false);
    const error = caught(() => assertDrawdownMove(from, to));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ status: from });
  });

  it.each<[DrawdownStatus, DrawdownStatus]>([
    ['rejected', 'approved'],
    ['settled', 'cancelled'],
    ['disbursed', 'cancelled'],
    ['approved', 'requested'],
  ])('never goes back or cancels paid money: %s → %s', (from, to) => {
    const error = caught(() => assertDrawdownMove(from, to));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ status: from });
    expect(error.message).toBe(`Permintaan berstatus "${from}" tidak dapat menjadi "${to}"`);
  });

  it.each<DrawdownStatus>(['rejected', 'settled', 'cancelled'])('ends at %s', (end) => {
    for (const to of DRAWDOWN_STATUSES) expect(canMoveDrawdown(end, to)).toBe(false);
  });
});

describe('assertRequestAllowed', () => {
  const rules = (overrides: Partial<DrawdownRules> = {}): DrawdownRules => ({
    maxPerDrawdown: 50_000_000n,
    eligibleStrategies: [1, 3],
    ...overrides,
  });

  it('accepts an amount up to the limit per drawdown, the limit itself included', () => {
    expect(() => assertRequestAllowed(rules(), 1n, 1)).not.toThrow();
    expect(() => assertRequestAllowed(rules(), 50_000_000n, 1)).not.toThrow();
  });

  it('refuses an amount above the limit per drawdown, on amount', () => {
    // 50.000.001 > 50.000.000
    expect(problems(() => assertRequestAllowed(rules(), 50_000_001n, 1))).toEqual([
      { path: 'amount', message: 'melebihi batas per permintaan 50000000' },
    ]);
  });

  it('has no limit when maxPerDrawdown is null', () => {
    expect(() => assertRequestAllowed(rules({ maxPerDrawdown: null }), 999_999_999_999_999n, 1)).not.toThrow();
  });

  it.each([0n, -1n])('refuses an amount of %s, on amount, even without a limit', (amount) => {
    expect(problems(() => assertRequestAllowed(rules({ maxPerDrawdown: null }), amount, 1))).toEqual([
      { path: 'amount', message: 'harus lebih dari 0' },
    ]);
  });

  it('funds only the eligible strategies: 3 accepted, 2 refused on activityId', () => {
    expect(() => assertRequestAllowed(rules(), 10n, 3)).not.toThrow();
    expect(problems(() => assertRequestAllowed(rules(), 10n, 2))).toEqual([
      { path: 'activityId', message: 'dana ini hanya untuk strategi 1, 3; kegiatan ini strategi 2' },
    ]);
  });

  it('funds every strategy when the list is empty', () => {
    for (const strategy of [1, 2, 3, 4, 5, 6]) {
      expect(() => assertRequestAllowed(rules({ eligibleStrategies: [] }), 10n, strategy)).not.toThrow();
    }
  });

  it('checks the amount before the strategy', () => {
    expect(problems(() => assertRequestAllowed(rules(), 0n, 2)).map((p) => p.path)).toEqual(['amount']);
    expect(problems(() => assertRequestAllowed(rules(), 50_000_001n, 2)).map((p) => p.path)).toEqual(['amount']);
  });
});
