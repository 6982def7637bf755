import { sumMoney } from '../money';
import { assertClaimFits, basisPointsToPercent, FULL_SHARE_BP, percentToBasisPoints, splitLine, type TagClaim } from './split';
import { caught, problems } from '../../../../test/support/domain-errors';

const share = (id: string, bp: number): TagClaim => ({ id, shareBp: bp, fixedAmount: null });
const fixed = (id: string, amount: bigint): TagClaim => ({ id, shareBp: null, fixedAmount: amount });

/** The parts of a split as a plain object, for readable expectations. */
const parts = (amount: bigint, tags: TagClaim[]) => Object.fromEntries(splitLine(amount, tags).portions);

describe('splitLine', () => {
  it('gives a 100 % tag the whole line and leaves nothing untagged', () => {
    const split = splitLine(100n, [share('a', FULL_SHARE_BP)]);
    expect(split.portions.get('a')).toBe(100n);
    expect(split.untagged).toBe(0n);
    expect(split.overAllocated).toBe(false);
  });

  it('lets a share follow the stage: a 100 % tag counts 80 when the DPA cuts the line to 80', () => {
    expect(parts(80n, [share('a', 10_000)])).toEqual({ a: 80n });
    expect(parts(120n, [share('a', 5_000)])).toEqual({ a: 60n });
  });

  it('cuts three near-equal shares (33.33 %, 33.33 %, 33.34 %) so that they add up to exactly the line', () => {
    const split = splitLine(100n, [share('a', 3333), share('b', 3333), share('c', 3334)]);
    expect(Object.fromEntries(split.portions)).toEqual({ a: 33n, b: 33n, c: 34n });
    expect(sumMoney(split.portions.values())).toBe(100n);
    expect(split.untagged).toBe(0n);
  });

  it('never loses or invents a Rupiah when full shares split an odd amount', () => {
    for (const amount of [1n, 7n, 99n, 100n, 1_000_001n, 333_333_333_334n]) {
      const split = splitLine(amount, [share('a', 3333), share('b', 3333), share('c', 3334)]);
      expect(sumMoney(split.portions.values())).toBe(amount);
      expect(split.untagged).toBe(0n);
    }
  });

  it('takes fixed sums out of what the shares leave: 50 % and 30 of 100 leave 20 untagged', () => {
    const split = splitLine(100n, [share('a', 5000), fixed('b', 30n)]);
    expect(Object.fromEntries(split.portions)).toEqual({ a: 50n, b: 30n });
    expect(split.untagged).toBe(20n);
    expect(split.overAllocated).toBe(false);
  });

  it('keeps fixed sums as they are while they fit the line', () => {
    expect(parts(100n, [fixed('a', 60n), fixed('b', 40n)])).toEqual({ a: 60n, b: 40n });
  });

  it('scales fixed sums down when a later stage cuts the line below them (60 + 60 of a line now 100 → 50 / 50) and flags the line', () => {
    const split = splitLine(100n, [fixed('a', 60n), fixed('b', 60n)]);
    expect(Object.fromEntries(split.portions)).toEqual({ a: 50n, b: 50n });
    expect(split.untagged).toBe(0n);
    expect(split.overAllocated).toBe(true);
  });

  it('never counts more than the line, whatever the tags claim', () => {
    const cases: [bigint, TagClaim[]][] = [
      [100n, [fixed('a', 60n), fixed('b', 60n)]],
      [100n, [share('a', 5000), fixed('b', 70n)]],
      [100n, [share('a', 8000), share('b', 4000)]], // legacy data above 100 %
      [0n, [fixed('a', 10n)]],
      [7n, [fixed('a', 3n), fixed('b', 3n), fixed('c', 3n)]],
    ];
    for (const [amount, tags] of cases) {
      const split = splitLine(amount, tags);
      expect(sumMoney(split.portions.values())).toBeLessThanOrEqual(amount);
      expect(split.untagged).toBeGreaterThanOrEqual(0n);
      expect(split.overAllocated).toBe(true);
    }
  });

  it('gives fixed sums nothing when the shares take the whole line, and flags it', () => {
    const split = splitLine(100n, [share('a', 10_000), fixed('b', 10n)]);
    expect(Object.fromEntries(split.portions)).toEqual({ a: 100n, b: 0n });
    expect(split.overAllocated).toBe(true);
  });

  it('leaves the whole line untagged when it has no tags', () => {
    const split = splitLine(250n, []);
    expect(split.portions.size).toBe(0);
    expect(split.untagged).toBe(250n);
    expect(split.overAllocated).toBe(false);
  });

  it('leaves the rest untagged when the shares are below 100 %', () => {
    const split = splitLine(100n, [share('a', 2500)]);
    expect(split.portions.get('a')).toBe(25n);
    expect(split.untagged).toBe(75n);
  });

  it('handles amounts far above the safe integer range exactly', () => {
    const big = 10n ** 15n; // MAX_AMOUNT
    const split = splitLine(big, [share('a', 3333), share('b', 6667)]);
    expect(Object.fromEntries(split.portions)).toEqual({ a: 333_300_000_000_000n, b: 666_700_000_000_000n });
  });
});

describe('assertClaimFits: shares never exceed the line', () => {
  it('refuses 60 % when 50 % of a line of 100 is already taken, and says 50 is left', () => {
    const error = caught(() => assertClaimFits(100n, [share('a', 5000)], { shareBp: 6000, fixedAmount: null }, 'sharePercent'));
    expect(error.code).toBe('SHARE_EXCEEDS_LINE');
    expect(error.details).toEqual({ path: 'sharePercent', untagged: '50' });
    expect(error.message).toContain('50');
  });

  it('accepts a claim that fills the line to exactly 100 %', () => {
    expect(() => assertClaimFits(100n, [share('a', 5000)], { shareBp: 5000, fixedAmount: null }, 'sharePercent')).not.toThrow();
    expect(() => assertClaimFits(100n, [share('a', 3333), share('b', 3333)], { shareBp: 3334, fixedAmount: null }, 'sharePercent')).not.toThrow();
  });

  it('accepts a fixed sum that fits exactly in the room the shares leave', () => {
    expect(() => assertClaimFits(100n, [share('a', 5000)], { shareBp: null, fixedAmount: 50n }, 'taggedAmount')).not.toThrow();
  });

  it('refuses a fixed sum above the room left, naming the field and what is left', () => {
    const error = caught(() => assertClaimFits(100n, [share('a', 5000), fixed('b', 20n)], { shareBp: null, fixedAmount: 31n }, 'taggedAmount'));
    expect(error.code).toBe('SHARE_EXCEEDS_LINE');
    expect(error.details).toEqual({ path: 'taggedAmount', untagged: '30' });
  });

  it('refuses a share that no longer fits beside fixed sums', () => {
    const error = caught(() => assertClaimFits(100n, [fixed('b', 60n)], { shareBp: 5000, fixedAmount: null }, 'sharePercent'));
    expect(error.code).toBe('SHARE_EXCEEDS_LINE');
    expect(error.details).toMatchObject({ untagged: '40' });
  });

  it('accepts the first claim on an untagged line', () => {
    expect(() => assertClaimFits(100n, [], { shareBp: 10_000, fixedAmount: null }, 'sharePercent')).not.toThrow();
    expect(() => assertClaimFits(100n, [], { shareBp: null, fixedAmount: 100n }, 'taggedAmount')).not.toThrow();
  });

  it('refuses more than 100 % even on a line whose amount is 0', () => {
    expect(caught(() => assertClaimFits(0n, [share('a', 10_000)], { shareBp: 1, fixedAmount: null }, 'sharePercent')).code).toBe(
      'SHARE_EXCEEDS_LINE',
    );
  });
});

describe('percentToBasisPoints', () => {
  it.each([
    [50, 5000],
    [33.33, 3333],
    [12.5, 1250],
    [100, 10_000],
    [0.01, 1],
    [0.29, 29], // 0.29 * 100 is 28.999999999999996 in floating point
  ])('reads %p %% as %p basis points', (percent, bp) => {
    expect(percentToBasisPoints(percent, 'sharePercent')).toBe(bp);
  });

  it.each([0, -1, 100.01, 33.333, Number.NaN, Number.POSITIVE_INFINITY, '50', null, undefined])(
    'refuses %p, naming the given field',
    (value) => {
      const list = problems(() => percentToBasisPoints(value, 'items.3.sharePercent'));
      expect(list).toHaveLength(1);
      expect(list[0].path).toBe('items.3.sharePercent');
    },
  );

  it('turns basis points back into percent', () => {
    expect(basisPointsToPercent(3333)).toBe(33.33);
    expect(basisPointsToPercent(percentToBasisPoints(12.5, 'sharePercent'))).toBe(12.5);
  });
});
