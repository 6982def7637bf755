import { DomainError } from './domain-error';
import { allocateByWeights, parseMoney, sumMoney } from './money';

function parseError(input: unknown, path = 'items.0.amount'): DomainError {
  try {
    parseMoney(input, path);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`parseMoney(${String(input)}) was accepted`);
}

describe('parseMoney', () => {
  it.each([
    ['1250000', 1_250_000n],
    [0, 0n],
    [1250000, 1_250_000n],
    ['1000000000000000', 10n ** 15n], // the ceiling itself is allowed
    [1e15, 10n ** 15n],
    ['0012', 12n], // leading zeros do not change the amount
    ['999999999999999', 999_999_999_999_999n],
  ])('accepts %p as %p Rupiah', (input, expected) => {
    expect(parseMoney(input, 'amount')).toBe(expected);
  });

  it('ignores whitespace around a digit string (pasted from a spreadsheet) but not inside it', () => {
    expect(parseMoney(' 12 ', 'amount')).toBe(12n);
    expect(parseMoney('\t1250000\n', 'amount')).toBe(1_250_000n);
    // "12 000" may be a thousands separator: refused rather than read as 12 or 12000.
    expect(parseError('12 000').code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['1,5 jt', '1,5 jt'],
    ['1.250.000', '1.250.000'],
    ['"-5"', '-5'],
    ['-5', -5],
    ['1.5', 1.5],
    ['"1e6"', '1e6'],
    ['empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['{}', {}],
    ['10^15 + 1 as digits', '10000000000000001'],
    ['10^15 + 1 as a number', 1e15 + 1],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 2],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['full-width digits', '１２５'],
  ])('refuses %s, naming the field', (_label, input) => {
    const error = parseError(input, 'items.0.amount');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'items.0.amount', message: expect.any(String) }]);
    expect(error.message).toContain('items.0.amount');
  });
});

describe('sumMoney', () => {
  it('adds exactly, beyond the range of floats', () => {
    // 150.000.000 + 90.000.000 + 10^15
    expect(sumMoney([150_000_000n, 90_000_000n, 10n ** 15n])).toBe(1_000_000_240_000_000n);
  });

  it('is 0 for nothing and accepts any iterable', () => {
    expect(sumMoney([])).toBe(0n);
    expect(sumMoney(new Set([1n, 2n]))).toBe(3n);
  });
});

describe('allocateByWeights', () => {
  it('splits 100 three ways as 34, 33, 33 (the tie goes to the first)', () => {
    expect(allocateByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });

  it('gives the leftover Rupiah to the largest remainders', () => {
    // 10 × 1/6 = 1,67 ; 10 × 2/6 = 3,33 ; 10 × 3/6 = 5 → floors 1+3+5 = 9, the 1 left goes to 1,67.
    expect(allocateByWeights(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
  });

  it('splits a budget in proportion: 150.000.000 at 60:30:10', () => {
    expect(allocateByWeights(150_000_000n, [60n, 30n, 10n])).toEqual([90_000_000n, 45_000_000n, 15_000_000n]);
  });

  it('is deterministic: the same input always gives the same split', () => {
    const weights = [3n, 7n, 3n, 7n, 1n];
    const first = allocateByWeights(1_000_001n, weights);
    for (let i = 0; i < 5; i++) expect(allocateByWeights(1_000_001n, weights)).toEqual(first);
  });

  it('gives nothing to a zero weight', () => {
    // 101 over 0:1:1 → 50,5 each for the two weighted parts, the odd Rupiah to the first of them.
    expect(allocateByWeights(101n, [0n, 1n, 1n])).toEqual([0n, 51n, 50n]);
  });

  it('refuses to lose money when every weight is zero, but splits a zero total', () => {
    expect(() => allocateByWeights(100n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocateByWeights(100n, [])).toThrow(RangeError);
    expect(allocateByWeights(0n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('refuses a negative weight or a negative total', () => {
    expect(() => allocateByWeights(100n, [1n, -1n])).toThrow(RangeError);
    // −100 over 1:1:1 would give −33 three times (−99): the parts would not add up.
    expect(() => allocateByWeights(-100n, [1n, 1n, 1n])).toThrow(RangeError);
  });

  it('always adds up to the total, each part within one Rupiah of its exact share', () => {
    const totals = [0n, 1n, 2n, 7n, 100n, 999n, 1_000_001n, 123_456_789_012n, 10n ** 15n];
    const weightSets: bigint[][] = [
      [1n],
      [1n, 1n],
      [1n, 1n, 1n],
      [1n, 2n, 3n, 4n, 5n, 6n, 7n],
      [0n, 5n, 0n, 5n],
      [1n, 1_000_000n],
      [333n, 333n, 334n],
      [17n, 0n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n],
      [10n ** 12n, 3n, 10n ** 9n],
    ];
    for (const total of totals) {
      for (const weights of weightSets) {
        const parts = allocateByWeights(total, weights);
        const weightSum = sumMoney(weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumMoney(parts)).toBe(total);
        parts.forEach((part, i) => {
          // |part × W − total × w| < W  ⇔  part is the floor or the ceiling of the exact share
          const diff = part * weightSum - total * weights[i];
          expect(diff < weightSum && diff > -weightSum).toBe(true);
          if (weights[i] === 0n) expect(part).toBe(0n);
        });
      }
    }
  });
});
