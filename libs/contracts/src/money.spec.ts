import { formatNumber, formatRupiah } from './money';

describe('formatRupiah', () => {
  it.each<[string | bigint | null | undefined, string]>([
    ['1250000', 'Rp 1.250.000'],
    [1_250_000n, 'Rp 1.250.000'],
    ['0', 'Rp 0'],
    [0n, 'Rp 0'],
    ['999', 'Rp 999'],
    ['1000', 'Rp 1.000'],
    ['1000000000000000', 'Rp 1.000.000.000.000.000'], // the 10^15 ceiling, exact
    ['-5000', '−Rp 5.000'], // U+2212 minus sign before the currency
    [-150_000_000n, '−Rp 150.000.000'],
    ['0001250000', 'Rp 1.250.000'], // leading zeros dropped
    ['000', 'Rp 0'],
    [null, '–'],
    [undefined, '–'],
    ['', '–'],
  ])('%p → %p', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('never invents a number from text that is not digits: it is shown as given', () => {
    expect(formatRupiah('1,5 jt')).toBe('1,5 jt');
    expect(formatRupiah('12.5')).toBe('12.5');
  });
});

describe('formatNumber', () => {
  it.each<[string | number | bigint, string]>([
    [0, '0'],
    [999, '999'],
    [1234, '1.234'],
    [91599, '91.599'],
    ['1250000', '1.250.000'],
    [10n ** 15n, '1.000.000.000.000.000'],
    [-2500, '−2.500'],
  ])('%p → %p', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('shows a fraction or text unchanged rather than grouping it wrongly', () => {
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber('abc')).toBe('abc');
  });
});
