import type { LineWarning } from '@sinergi/contracts';
import { governmentLevelOfRegion, lineWarnings, type LineFacts } from './warnings';

/** A regency DP3A line in its own mandate (bidang urusan 2.08, perlindungan anak), nothing to warn about. */
function facts(overrides: Partial<LineFacts> = {}): LineFacts {
  return {
    source: 'APBD',
    budgetCode: '2.08.07.2.02.0001',
    mandates: ['2.08'],
    planLevel: 'regency',
    retired: false,
    overAllocated: false,
    ...overrides,
  };
}

describe('lineWarnings', () => {
  it('has nothing to say about a regency agency line within its mandate', () => {
    expect(lineWarnings(facts())).toEqual([]);
  });

  it('flags a code outside the agency mandate (DP3A, mandate 2.08, spending under 1.06)', () => {
    expect(lineWarnings(facts({ budgetCode: '1.06.03.2.01.0003' }))).toEqual(['CODE_OUT_OF_MANDATE']);
  });

  it('accepts a code under any of several mandates', () => {
    expect(lineWarnings(facts({ budgetCode: '1.06.03.2.01.0003', mandates: ['2.08', '1.06'] }))).toEqual([]);
  });

  it('never flags the support programme X.XX, which every agency has', () => {
    expect(lineWarnings(facts({ budgetCode: 'X.XX.01.2.01.0001' }))).toEqual([]);
    expect(lineWarnings(facts({ budgetCode: 'X.XX.01.2.01.0001', mandates: ['1.06'] }))).toEqual([]);
  });

  it('does not flag the mandate when the agency mandates are not recorded', () => {
    expect(lineWarnings(facts({ budgetCode: '1.06.03.2.01.0003', mandates: [] }))).toEqual([]);
  });

  it('flags a province code (kegiatan digit 1) in a regency plan', () => {
    expect(lineWarnings(facts({ budgetCode: '2.08.07.1.01.0001' }))).toEqual(['CODE_LEVEL_MISMATCH']);
  });

  it('flags a regency code in a province plan', () => {
    expect(lineWarnings(facts({ planLevel: 'province' }))).toEqual(['CODE_LEVEL_MISMATCH']);
  });

  it('does not flag the level of a province code in a province plan', () => {
    expect(lineWarnings(facts({ budgetCode: '2.08.07.1.01.0001', planLevel: 'province' }))).toEqual([]);
  });

  it('does not flag the level when the plan level is not known', () => {
    expect(lineWarnings(facts({ budgetCode: '2.08.07.1.01.0001', planLevel: undefined }))).toEqual([]);
  });

  it('flags a province code outside the mandate twice over, in a fixed order', () => {
    expect(lineWarnings(facts({ budgetCode: '1.06.03.1.01.0001' }))).toEqual(['CODE_OUT_OF_MANDATE', 'CODE_LEVEL_MISMATCH']);
  });

  it('flags a retired code', () => {
    expect(lineWarnings(facts({ retired: true }))).toEqual(['RETIRED_CODE']);
  });

  it('flags a line whose fixed sums no longer fit', () => {
    expect(lineWarnings(facts({ overAllocated: true }))).toEqual(['OVER_ALLOCATED_LINE']);
  });

  it('lists every warning that applies', () => {
    const all: LineWarning[] = ['CODE_OUT_OF_MANDATE', 'CODE_LEVEL_MISMATCH', 'RETIRED_CODE', 'OVER_ALLOCATED_LINE'];
    expect(lineWarnings(facts({ budgetCode: '1.06.03.1.01.0001', retired: true, overAllocated: true }))).toEqual(all);
  });

  it('never gives a village line mandate, level or retired-code warnings', () => {
    const village = facts({ source: 'APBDES', budgetCode: '4.4.02', mandates: ['2.08'], planLevel: 'province', retired: true });
    expect(lineWarnings(village)).toEqual([]);
    expect(lineWarnings({ ...village, overAllocated: true })).toEqual(['OVER_ALLOCATED_LINE']);
  });

  it('gives national money only the over-allocation warning', () => {
    const national = facts({ source: 'APBN', budgetCode: '', mandates: ['2.08'], retired: true });
    expect(lineWarnings(national)).toEqual([]);
    expect(lineWarnings({ ...national, overAllocated: true })).toEqual(['OVER_ALLOCATED_LINE']);
  });
});

describe('governmentLevelOfRegion', () => {
  it('is province for a province code', () => {
    expect(governmentLevelOfRegion('53')).toBe('province');
  });

  it('is regency for a regency or city code', () => {
    expect(governmentLevelOfRegion('53.01')).toBe('regency');
    expect(governmentLevelOfRegion('53.71')).toBe('regency');
  });
});
