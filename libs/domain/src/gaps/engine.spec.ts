import type { BudgetStage } from '@sinergi/contracts';
import type { StageRecord } from '../allocation/stages';
import { sumMoney } from '../money';
import {
  computeActivityGaps,
  fundingFlag,
  rollUp,
  totalsOf,
  villageCoverage,
  type ActivityYearGap,
  type GapActivityInput,
  type GapDrawdownInput,
  type GapInput,
  type GapLineInput,
} from './engine';

type Tag = GapLineInput['tags'][number];

const DESA_A = '53.01.06.2015';
const DESA_B = '53.01.06.2002';
const KECAMATAN = '53.01.06';
/** A regency DP3A sub kegiatan (bidang urusan 2.08) within the DP3A mandate: nothing to warn about. */
const DP3A_CODE = '2.08.07.2.02.0001';

/** A tag claiming a share of the line, in percent (60 → 6 000 basis points). */
const share = (activityId: string, percent: number): Tag => ({ id: `tag-${activityId}`, activityId, shareBp: percent * 100, fixedAmount: null });
/** A tag claiming a fixed sum of the line. */
const fixed = (activityId: string, amount: bigint): Tag => ({ id: `tag-${activityId}`, activityId, shareBp: null, fixedAmount: amount });
/** A stage record; `seq` orders records of the same stage (a correction has a higher one). */
const at = (stage: BudgetStage, amount: bigint, seq = 1): StageRecord => ({ stage, amount, seq });

/** An activity of strategy 1 led by DP3A, located in the whole region, with its need per year. */
function activity(id: string, costs: Record<number, bigint>, overrides: Partial<Omit<GapActivityInput, 'id' | 'costs'>> = {}): GapActivityInput {
  return {
    id,
    code: `1.1.${id}`,
    title: `Kegiatan ${id}`,
    strategyCode: 1,
    leadAgencyId: 'dp3a',
    costs: new Map(Object.entries(costs).map(([year, amount]) => [Number(year), amount])),
    locations: [],
    ...overrides,
  };
}

/** A 2026 APBD line of DP3A within its mandate, nothing realised yet. */
function line(id: string, stages: StageRecord[], tags: Tag[], overrides: Partial<Omit<GapLineInput, 'id' | 'stages' | 'tags'>> = {}): GapLineInput {
  return {
    id,
    source: 'APBD',
    fiscalYear: 2026,
    agencyId: 'dp3a',
    villageCode: null,
    budgetCode: DP3A_CODE,
    mandates: ['2.08'],
    retired: false,
    stages,
    realised: null,
    tags,
    ...overrides,
  };
}

/** A 2026 APBDes line of a desa. */
function desaLine(id: string, villageCode: string, stages: StageRecord[], tags: Tag[], overrides: Partial<Omit<GapLineInput, 'id' | 'stages' | 'tags'>> = {}): GapLineInput {
  return line(id, stages, tags, { source: 'APBDES', agencyId: null, villageCode, budgetCode: '1.1.01', mandates: [], ...overrides });
}

const drawdown = (activityId: string, amount: bigint, status: GapDrawdownInput['status'], fiscalYear = 2026): GapDrawdownInput => ({ activityId, fiscalYear, amount, status });

/** A regency plan over 2026, reported on 1 March 2026. */
function gaps(input: Partial<GapInput> & Pick<GapInput, 'activities'>): ActivityYearGap[] {
  return computeActivityGaps({ planLevel: 'regency', years: [2026], today: '2026-03-01', lines: [], drawdowns: [], ...input });
}

function cellOf(cells: readonly ActivityYearGap[], activityId: string, fiscalYear = 2026): ActivityYearGap {
  const cell = cells.find((c) => c.activityId === activityId && c.fiscalYear === fiscalYear);
  if (!cell) throw new Error(`no cell for ${activityId} in ${fiscalYear}`);
  return cell;
}

const NO_SOURCES = { APBD: 0n, APBDES: 0n, APBN: 0n, OTHER: 0n, POOL: 0n };

describe('computeActivityGaps: the latest stage of a line counts, once', () => {
  it('counts a line with RKA 100, DPA 80 and DPPA 90 as 90, once, whatever order the stages come in', () => {
    // DPPA is the latest stage: 90.000.000, not 100.000.000 + 80.000.000 + 90.000.000 = 270.000.000
    for (const stages of [
      [at('RKA', 100_000_000n), at('DPA', 80_000_000n), at('DPPA', 90_000_000n)],
      [at('DPPA', 90_000_000n), at('RKA', 100_000_000n), at('DPA', 80_000_000n)],
      [at('DPA', 80_000_000n), at('DPPA', 90_000_000n), at('RKA', 100_000_000n)],
    ]) {
      const cell = cellOf(gaps({ activities: [activity('A', { 2026: 90_000_000n })], lines: [line('L', stages, [share('A', 100)])] }), 'A');
      expect(cell.allocated).toBe(90_000_000n);
      expect(cell.bySource).toEqual({ ...NO_SOURCES, APBD: 90_000_000n });
      expect(cell.lineIds).toEqual(['L']);
    }
  });

  it('counts the correction of a DPA: of two DPA records the one recorded later (higher seq) wins', () => {
    // RKA 100.000.000 ; DPA 80.000.000 corrected to 85.000.000 → 85.000.000 (listed before the record it corrects)
    const stages = [at('RKA', 100_000_000n, 1), at('DPA', 85_000_000n, 3), at('DPA', 80_000_000n, 2)];
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 100_000_000n })], lines: [line('L', stages, [share('A', 100)])] }), 'A');
    expect(cell.allocated).toBe(85_000_000n);
    // 100.000.000 − 85.000.000 = 15.000.000
    expect(cell.gap).toBe(15_000_000n);
  });

  it('counts APBDES_P over APBDES over RKPDES for a desa line', () => {
    // RKPDES 50.000.000, APBDES 60.000.000, APBDES_P 70.000.000 → 70.000.000
    const stages = [at('RKPDES', 50_000_000n), at('APBDES_P', 70_000_000n), at('APBDES', 60_000_000n)];
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 70_000_000n })], lines: [desaLine('L', DESA_A, stages, [share('A', 100)])] }), 'A');
    expect(cell.allocated).toBe(70_000_000n);
    expect(cell.bySource).toEqual({ ...NO_SOURCES, APBDES: 70_000_000n });
    expect(cell.flags).toEqual([]);
  });

  it('skips a line with no stage recorded at all', () => {
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 10n })], lines: [line('L', [], [share('A', 100)])] }), 'A');
    expect(cell.allocated).toBe(0n);
    expect(cell.lineIds).toEqual([]);
  });
});

describe('computeActivityGaps: the split of a line among its tags', () => {
  it('gives an activity tagged 100 % the whole line', () => {
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 120_000_000n })], lines: [line('L', [at('DPA', 120_000_000n)], [share('A', 100)])] }), 'A');
    expect(cell.allocated).toBe(120_000_000n);
    expect(cell.gap).toBe(0n);
  });

  it('shares a line 60 % / 40 % between two activities of the plan', () => {
    // 150.000.000 × 60 % = 90.000.000 ; 150.000.000 × 40 % = 60.000.000
    const cells = gaps({
      activities: [activity('A', { 2026: 100_000_000n }), activity('B', { 2026: 100_000_000n })],
      lines: [line('L', [at('DPA', 150_000_000n)], [share('A', 60), share('B', 40)])],
    });
    expect(cellOf(cells, 'A').allocated).toBe(90_000_000n);
    expect(cellOf(cells, 'B').allocated).toBe(60_000_000n);
    expect(cellOf(cells, 'A').lineIds).toEqual(['L']);
    expect(cellOf(cells, 'B').lineIds).toEqual(['L']);
    // 90.000.000 + 60.000.000 = 150.000.000, the whole line and no more
    expect(totalsOf(cells).allocated).toBe(150_000_000n);
  });

  it('counts only this plan’s part of a line shared with an activity of another plan', () => {
    // 150.000.000 × 60 % = 90.000.000 for A ; the other 60.000.000 belongs to X, not in this plan
    const cells = gaps({
      activities: [activity('A', { 2026: 100_000_000n })],
      lines: [line('L', [at('DPA', 150_000_000n)], [share('A', 60), share('X-other-plan', 40)])],
    });
    expect(cells).toHaveLength(1);
    expect(cellOf(cells, 'A').allocated).toBe(90_000_000n);
    // 100.000.000 − 90.000.000 = 10.000.000
    expect(cellOf(cells, 'A').gap).toBe(10_000_000n);
  });

  it('scales fixed sums down when a later stage cut the line: 60 + 60 on a line now 100 → 50 each', () => {
    // RKA 120.000.000 fitted 60.000.000 + 60.000.000 ; the DPA says 100.000.000:
    // 100.000.000 × 60/120 = 50.000.000 each, never 120.000.000 out of a line of 100.000.000
    const cells = gaps({
      activities: [activity('A', { 2026: 60_000_000n }), activity('B', { 2026: 60_000_000n })],
      lines: [line('L', [at('RKA', 120_000_000n), at('DPA', 100_000_000n)], [fixed('A', 60_000_000n), fixed('B', 60_000_000n)])],
    });
    expect(cellOf(cells, 'A').allocated).toBe(50_000_000n);
    expect(cellOf(cells, 'B').allocated).toBe(50_000_000n);
    // 60.000.000 − 50.000.000 = 10.000.000 each; OVER_ALLOCATED_LINE is a line warning, not a gap flag
    expect(cellOf(cells, 'A').gap).toBe(10_000_000n);
    expect(cellOf(cells, 'A').flags).toEqual(['UNDERFUNDED']);
  });
});

describe('fundingFlag', () => {
  it.each<[string, bigint, bigint, ReturnType<typeof fundingFlag>]>([
    ['UNFUNDED: a need and nothing allocated', 100n, 0n, 'UNFUNDED'],
    ['UNDERFUNDED: less allocated than needed', 100n, 60n, 'UNDERFUNDED'],
    ['OVERFUNDED: more allocated than needed', 100n, 130n, 'OVERFUNDED'],
    ['OVERFUNDED: money with no need at all', 0n, 20n, 'OVERFUNDED'],
    ['nothing when allocation matches the need', 100n, 100n, undefined],
    ['nothing with no need and no money', 0n, 0n, undefined],
  ])('%s', (_name, need, allocated, flag) => {
    expect(fundingFlag(need, allocated)).toBe(flag);
  });
});

describe('computeActivityGaps: funding flags and the gap', () => {
  const oneLine = (need: Record<number, bigint>, amount: bigint | undefined) =>
    cellOf(gaps({ activities: [activity('A', need)], lines: amount === undefined ? [] : [line('L', [at('DPA', amount)], [share('A', 100)])] }), 'A');

  it('flags UNFUNDED a need of 100.000.000 with nothing allocated; the gap is the whole need', () => {
    const cell = oneLine({ 2026: 100_000_000n }, undefined);
    expect(cell).toMatchObject({ need: 100_000_000n, allocated: 0n, gap: 100_000_000n, flags: ['UNFUNDED'], lineIds: [] });
  });

  it('flags UNDERFUNDED a need of 100.000.000 with 60.000.000 allocated', () => {
    // 100.000.000 − 60.000.000 = 40.000.000
    const cell = oneLine({ 2026: 100_000_000n }, 60_000_000n);
    expect(cell).toMatchObject({ need: 100_000_000n, allocated: 60_000_000n, gap: 40_000_000n, flags: ['UNDERFUNDED'] });
  });

  it('flags OVERFUNDED with a negative gap, also money on a year with no need', () => {
    // 100.000.000 − 130.000.000 = −30.000.000
    expect(oneLine({ 2026: 100_000_000n }, 130_000_000n)).toMatchObject({ gap: -30_000_000n, flags: ['OVERFUNDED'] });
    // no cost for 2026: 0 − 20.000.000 = −20.000.000
    expect(oneLine({ 2027: 100_000_000n }, 20_000_000n)).toMatchObject({ need: 0n, allocated: 20_000_000n, gap: -20_000_000n, flags: ['OVERFUNDED'] });
  });

  it('flags nothing when the allocation equals the need, or when there is neither', () => {
    // 100.000.000 − 100.000.000 = 0
    expect(oneLine({ 2026: 100_000_000n }, 100_000_000n)).toMatchObject({ gap: 0n, flags: [] });
    expect(oneLine({}, undefined)).toMatchObject({ need: 0n, allocated: 0n, gap: 0n, flags: [] });
  });
});

describe('computeActivityGaps: sources', () => {
  it('adds APBD, APBDES, APBN, OTHER and POOL money in allocated and keeps each in bySource', () => {
    // 40.000.000 + 30.000.000 + 20.000.000 + 10.000.000 + (5.000.000 + 7.000.000 + 3.000.000) = 115.000.000
    const cell = cellOf(
      gaps({
        activities: [activity('A', { 2026: 200_000_000n })],
        lines: [
          line('APBD', [at('DPA', 40_000_000n)], [share('A', 100)]),
          desaLine('APBDES', DESA_A, [at('APBDES', 30_000_000n)], [share('A', 100)]),
          line('APBN', [at('COMMITTED', 20_000_000n)], [share('A', 100)], { source: 'APBN', agencyId: null, budgetCode: 'DAK', mandates: [] }),
          line('OTHER', [at('COMMITTED', 10_000_000n)], [share('A', 100)], { source: 'OTHER', agencyId: null, budgetCode: 'CSR', mandates: [] }),
        ],
        drawdowns: [drawdown('A', 5_000_000n, 'approved'), drawdown('A', 7_000_000n, 'disbursed'), drawdown('A', 3_000_000n, 'settled')],
      }),
      'A',
    );
    expect(cell.bySource).toEqual({ APBD: 40_000_000n, APBDES: 30_000_000n, APBN: 20_000_000n, OTHER: 10_000_000n, POOL: 15_000_000n });
    expect(cell.allocated).toBe(115_000_000n);
    expect(cell.allocated).toBe(sumMoney(Object.values(cell.bySource)));
    // 200.000.000 − 115.000.000 = 85.000.000
    expect(cell.gap).toBe(85_000_000n);
    expect(cell.lineIds).toEqual(['APBD', 'APBDES', 'APBN', 'OTHER']);
  });

  it('counts an approved pool drawdown as allocated but not realised, a disbursed or settled one as both', () => {
    // allocated 5.000.000 + 7.000.000 + 3.000.000 = 15.000.000 ; realised 7.000.000 + 3.000.000 = 10.000.000
    const cells = gaps({
      activities: [activity('A', { 2026: 15_000_000n }), activity('B', { 2026: 5_000_000n })],
      drawdowns: [drawdown('A', 5_000_000n, 'approved'), drawdown('A', 7_000_000n, 'disbursed'), drawdown('A', 3_000_000n, 'settled'), drawdown('B', 5_000_000n, 'approved')],
    });
    expect(cellOf(cells, 'A')).toMatchObject({ allocated: 15_000_000n, realised: 10_000_000n, gap: 0n, flags: [] });
    expect(cellOf(cells, 'A').bySource).toEqual({ ...NO_SOURCES, POOL: 15_000_000n });
    expect(cellOf(cells, 'B')).toMatchObject({ allocated: 5_000_000n, realised: 0n, flags: [] });
    expect(cellOf(cells, 'A').lineIds).toEqual([]);
  });
});

describe('computeActivityGaps: realised money', () => {
  it('passes on realised money in the proportion the activity counts: 30 of a line of 100 tagged 50 % → 15', () => {
    // 30.000.000 × 50.000.000 / 100.000.000 = 15.000.000 (the untagged half keeps the other 15.000.000)
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 50_000_000n })], lines: [line('L', [at('DPA', 100_000_000n)], [share('A', 50)], { realised: 30_000_000n })] }), 'A');
    expect(cell.allocated).toBe(50_000_000n);
    expect(cell.realised).toBe(15_000_000n);
  });

  it('shares realised money with an activity of another plan by their parts', () => {
    // 50.000.000 × 60 % = 30.000.000 for A ; X (other plan) keeps 20.000.000
    const cell = cellOf(
      gaps({ activities: [activity('A', { 2026: 60_000_000n })], lines: [line('L', [at('DPA', 100_000_000n)], [share('A', 60), share('X-other-plan', 40)], { realised: 50_000_000n })] }),
      'A',
    );
    expect(cell.realised).toBe(30_000_000n);
  });

  it('caps realised money above the line at the line amount', () => {
    // realised 120.000.000 on a line of 100.000.000 counts 100.000.000 ; at 50 %: 100.000.000 × 50 % = 50.000.000
    const cells = gaps({
      activities: [activity('A', { 2026: 100_000_000n }), activity('B', { 2026: 100_000_000n })],
      lines: [
        line('L1', [at('RKA', 150_000_000n), at('DPA', 100_000_000n)], [share('A', 100)], { realised: 120_000_000n }),
        line('L2', [at('DPA', 100_000_000n)], [share('B', 50)], { realised: 120_000_000n }),
      ],
    });
    expect(cellOf(cells, 'A').realised).toBe(100_000_000n);
    expect(cellOf(cells, 'B').realised).toBe(50_000_000n);
  });

  it('counts nothing realised when no quarter is recorded', () => {
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 10n })], lines: [line('L', [at('DPA', 10n)], [share('A', 100)])] }), 'A');
    expect(cell.realised).toBe(0n);
  });
});

describe('computeActivityGaps: line warnings on the activity-year cell', () => {
  it.each<[string, Partial<GapLineInput>, string]>([
    ['CODE_OUT_OF_MANDATE for a 1.06 code of an agency whose mandate is 2.08', { budgetCode: '1.06.03.2.01.0003', mandates: ['2.08'] }, 'CODE_OUT_OF_MANDATE'],
    ['CODE_LEVEL_MISMATCH for a province code (kegiatan digit 1) in a regency plan', { budgetCode: '1.06.03.1.01.0003', mandates: [] }, 'CODE_LEVEL_MISMATCH'],
    ['RETIRED_CODE for a code no longer in the catalogue in force', { retired: true }, 'RETIRED_CODE'],
  ])('puts %s on the year the line is tagged to, and not on the other years', (_name, overrides, flag) => {
    const cells = gaps({
      years: [2026, 2027],
      activities: [activity('A', { 2026: 100_000_000n, 2027: 100_000_000n })],
      lines: [line('L', [at('DPA', 100_000_000n)], [share('A', 100)], overrides)],
    });
    expect(cellOf(cells, 'A', 2026).flags).toEqual([flag]);
    expect(cellOf(cells, 'A', 2027).flags).toEqual(['UNFUNDED']);
  });
});

describe('computeActivityGaps: VILLAGE_UNALIGNED', () => {
  const inTwoDesa = activity('A', { 2026: 100_000_000n, 2027: 100_000_000n }, { locations: [DESA_A, DESA_B] });

  it('flags an activity located in two desa when only one of them funds it from its APBDes', () => {
    const cell = cellOf(gaps({ activities: [inTwoDesa], lines: [desaLine('L', DESA_A, [at('APBDES', 100_000_000n)], [share('A', 100)])] }), 'A');
    expect(cell.flags).toEqual(['VILLAGE_UNALIGNED']);
  });

  it('does not flag it when both desa fund it', () => {
    // 60.000.000 + 40.000.000 = 100.000.000
    const cell = cellOf(
      gaps({
        activities: [inTwoDesa],
        lines: [desaLine('L1', DESA_A, [at('APBDES', 60_000_000n)], [share('A', 100)]), desaLine('L2', DESA_B, [at('APBDES', 40_000_000n)], [share('A', 100)])],
      }),
      'A',
    );
    expect(cell.flags).toEqual([]);
  });

  it('does not count an APBD line as a desa aligning its APBDes', () => {
    const cell = cellOf(
      gaps({
        activities: [inTwoDesa],
        lines: [
          desaLine('L1', DESA_A, [at('APBDES', 60_000_000n)], [share('A', 100)]),
          line('L2', [at('DPA', 40_000_000n)], [share('A', 100)], { villageCode: DESA_B }),
        ],
      }),
      'A',
    );
    expect(cell.flags).toEqual(['VILLAGE_UNALIGNED']);
  });

  it('never flags an activity located only in a kecamatan', () => {
    const cell = cellOf(gaps({ activities: [activity('A', { 2026: 100_000_000n }, { locations: [KECAMATAN] })] }), 'A');
    expect(cell.flags).toEqual(['UNFUNDED']);
  });

  it('does not flag a year with no need', () => {
    // the 2026 APBDes of DESA_A funds it; 2027 has a need and no APBDes money, 2028 has no need
    const cells = gaps({
      years: [2026, 2027, 2028],
      activities: [activity('A', { 2026: 100_000_000n, 2027: 100_000_000n }, { locations: [DESA_A] })],
      lines: [desaLine('L', DESA_A, [at('APBDES', 100_000_000n)], [share('A', 100)])],
    });
    expect(cellOf(cells, 'A', 2026).flags).toEqual([]);
    expect(cellOf(cells, 'A', 2027).flags).toEqual(['UNFUNDED', 'VILLAGE_UNALIGNED']);
    expect(cellOf(cells, 'A', 2028).flags).toEqual([]);
  });
});

describe('computeActivityGaps: STALE_STAGE (today 2026-03-01)', () => {
  const run = (l: GapLineInput, today = '2026-03-01') =>
    gaps({ today, years: [2026, 2027], activities: [activity('A', { 2026: 100_000_000n, 2027: 100_000_000n })], lines: [l] });

  it('flags a 2026 line still at RKA: the year has begun', () => {
    expect(cellOf(run(line('L', [at('RKA', 100_000_000n)], [share('A', 100)])), 'A', 2026).flags).toEqual(['STALE_STAGE']);
    // the year begins on 1 January
    expect(cellOf(run(line('L', [at('RKA', 100_000_000n)], [share('A', 100)]), '2026-01-01'), 'A', 2026).flags).toEqual(['STALE_STAGE']);
    expect(cellOf(run(line('L', [at('RKA', 100_000_000n)], [share('A', 100)]), '2025-12-31'), 'A', 2026).flags).toEqual([]);
  });

  it('does not flag the same line once it is at DPA', () => {
    expect(cellOf(run(line('L', [at('RKA', 100_000_000n), at('DPA', 100_000_000n)], [share('A', 100)])), 'A', 2026).flags).toEqual([]);
  });

  it('does not flag a 2027 line at RKA: that year has not begun', () => {
    const cells = run(line('L', [at('RKA', 100_000_000n)], [share('A', 100)], { fiscalYear: 2027 }));
    expect(cellOf(cells, 'A', 2027).flags).toEqual([]);
    expect(cellOf(cells, 'A', 2026).flags).toEqual(['UNFUNDED']);
  });

  it('flags a 2026 APBDes line still only at RKPDES', () => {
    expect(cellOf(run(desaLine('L', DESA_A, [at('RKPDES', 100_000_000n)], [share('A', 100)])), 'A', 2026).flags).toEqual(['STALE_STAGE']);
  });
});

describe('computeActivityGaps: NO_LEAD_AGENCY', () => {
  it('flags an activity with no lead agency, in every year', () => {
    const cells = gaps({ years: [2026, 2027], activities: [activity('A', {}, { leadAgencyId: null })] });
    expect(cellOf(cells, 'A', 2026).flags).toEqual(['NO_LEAD_AGENCY']);
    expect(cellOf(cells, 'A', 2027).flags).toEqual(['NO_LEAD_AGENCY']);
  });
});

describe('computeActivityGaps: what lies outside the plan', () => {
  it('ignores years outside `years` and tags and drawdowns of unknown activities, and returns activities then years', () => {
    const cells = gaps({
      years: [2026, 2027],
      activities: [activity('B', { 2026: 10_000_000n }), activity('A', { 2026: 10_000_000n })],
      lines: [
        line('L2025', [at('DPA', 50_000_000n)], [share('A', 100)], { fiscalYear: 2025 }),
        line('L2028', [at('RKA', 50_000_000n)], [share('A', 100)], { fiscalYear: 2028 }),
        line('LX', [at('DPA', 50_000_000n)], [share('X-other-plan', 100)]),
      ],
      drawdowns: [drawdown('A', 5_000_000n, 'settled', 2025), drawdown('X-other-plan', 5_000_000n, 'settled')],
    });
    expect(cells.map((c) => `${c.activityId} ${c.fiscalYear}`)).toEqual(['B 2026', 'B 2027', 'A 2026', 'A 2027']);
    for (const c of cells) expect(c).toMatchObject({ allocated: 0n, realised: 0n, lineIds: [], bySource: NO_SOURCES });
    expect(cellOf(cells, 'A', 2026).flags).toEqual(['UNFUNDED']);
  });
});

/**
 * The golden scenario: a regency plan over 2026–2027, reported on 1 March 2026.
 *
 *   A1 strategy 1, DP3A, desa A and desa B  need 2026 150.000.000, 2027 100.000.000
 *   A2 strategy 1, DP3A, kecamatan          need 2026 200.000.000, 2027 200.000.000
 *   A3 strategy 2, no lead agency, desa B   need 2026  80.000.000
 *   A4 strategy 2, DPMD, whole region       need 2026  50.000.000, 2027  50.000.000
 *
 *   L1 APBD 2026 RKA 120, DPA 100, DPPA 110 (×1.000.000), realised 55.000.000: A1 60 %, A2 40 %
 *   L2 APBDES 2026 desa A, RKPDES 30, APBDES 24 (×1.000.000): A1 fixed 20.000.000, A3 fixed 10.000.000
 *   L3 APBDES 2026 desa B, APBDES 40.000.000, realised 10.000.000: A1 50 %
 *   L4 APBD 2026 DPMD (mandate 2.13) under 1.06, still RKA 30.000.000: A4 100 %
 *   L5 APBD 2027 retired code, RKA 90.000.000: A2 100 %
 *   L6 APBN 2026 50.000.000: A2 50 %, an activity of another plan 50 %
 *   L7 OTHER 2025 (outside the plan period) 99.000.000: A1 100 %
 *   pool: A3 disbursed 72.000.000, A4 approved 30.000.000 (2026), A4 settled 9.000.000 (2025)
 */
describe('the golden scenario', () => {
  const M = 1_000_000n;
  const activities = [
    activity('A1', { 2026: 150n * M, 2027: 100n * M }, { locations: [DESA_A, DESA_B] }),
    activity('A2', { 2026: 200n * M, 2027: 200n * M }, { locations: [KECAMATAN] }),
    activity('A3', { 2026: 80n * M }, { strategyCode: 2, leadAgencyId: null, locations: [DESA_B] }),
    activity('A4', { 2026: 50n * M, 2027: 50n * M }, { strategyCode: 2, leadAgencyId: 'dpmd' }),
  ];
  const lines = [
    line('L1', [at('RKA', 120n * M), at('DPA', 100n * M), at('DPPA', 110n * M)], [share('A1', 60), share('A2', 40)], { realised: 55n * M }),
    desaLine('L2', DESA_A, [at('RKPDES', 30n * M), at('APBDES', 24n * M)], [fixed('A1', 20n * M), fixed('A3', 10n * M)]),
    desaLine('L3', DESA_B, [at('APBDES', 40n * M)], [share('A1', 50)], { realised: 10n * M }),
    line('L4', [at('RKA', 30n * M)], [share('A4', 100)], { agencyId: 'dpmd', budgetCode: '1.06.03.2.01.0003', mandates: ['2.13'] }),
    line('L5', [at('RKA', 90n * M)], [share('A2', 100)], { fiscalYear: 2027, retired: true }),
    line('L6', [at('COMMITTED', 50n * M)], [share('A2', 50), share('X-other-plan', 50)], { source: 'APBN', agencyId: null, budgetCode: 'DAK', mandates: [] }),
    line('L7', [at('COMMITTED', 99n * M)], [share('A1', 100)], { source: 'OTHER', fiscalYear: 2025, agencyId: null, budgetCode: 'CSR', mandates: [] }),
  ];
  const drawdowns = [drawdown('A3', 72n * M, 'disbursed'), drawdown('A4', 30n * M, 'approved'), drawdown('A4', 9n * M, 'settled', 2025)];
  const cells = computeActivityGaps({ planLevel: 'regency', years: [2026, 2027], today: '2026-03-01', activities, lines, drawdowns });
  const strategyOf = (c: ActivityYearGap) => activities.find((a) => a.id === c.activityId)?.strategyCode;
  const in2026 = cells.filter((c) => c.fiscalYear === 2026);

  it('computes every activity-year cell', () => {
    expect(cells).toEqual<ActivityYearGap[]>([
      {
        // L1 110 × 60 % = 66 ; L2 24 × 20/30 = 16 ; L3 40 × 50 % = 20 → 66 + 16 + 20 = 102 ; gap 150 − 102 = 48
        // realised: L1 55 × 66/110 = 33 ; L3 10 × 20/40 = 5 → 38 ; desa A (L2) and desa B (L3) both fund it
        activityId: 'A1',
        fiscalYear: 2026,
        need: 150n * M,
        allocated: 102n * M,
        bySource: { ...NO_SOURCES, APBD: 66n * M, APBDES: 36n * M },
        realised: 38n * M,
        gap: 48n * M,
        flags: ['UNDERFUNDED'],
        lineIds: ['L1', 'L2', 'L3'],
      },
      {
        // nothing in 2027 (L7 is 2025, outside the period) ; neither desa funds it in 2027
        activityId: 'A1',
        fiscalYear: 2027,
        need: 100n * M,
        allocated: 0n,
        bySource: NO_SOURCES,
        realised: 0n,
        gap: 100n * M,
        flags: ['UNFUNDED', 'VILLAGE_UNALIGNED'],
        lineIds: [],
      },
      {
        // L1 110 × 40 % = 44 ; L6 50 × 50 % = 25 → 69 ; gap 200 − 69 = 131 ; realised L1 55 × 44/110 = 22
        activityId: 'A2',
        fiscalYear: 2026,
        need: 200n * M,
        allocated: 69n * M,
        bySource: { ...NO_SOURCES, APBD: 44n * M, APBN: 25n * M },
        realised: 22n * M,
        gap: 131n * M,
        flags: ['UNDERFUNDED'],
        lineIds: ['L1', 'L6'],
      },
      {
        // L5 90 (RKA, but 2027 has not begun) ; gap 200 − 90 = 110
        activityId: 'A2',
        fiscalYear: 2027,
        need: 200n * M,
        allocated: 90n * M,
        bySource: { ...NO_SOURCES, APBD: 90n * M },
        realised: 0n,
        gap: 110n * M,
        flags: ['UNDERFUNDED', 'RETIRED_CODE'],
        lineIds: ['L5'],
      },
      {
        // L2 24 × 10/30 = 8 ; pool 72 disbursed → 8 + 72 = 80 = need ; only desa A funds it, it is in desa B
        activityId: 'A3',
        fiscalYear: 2026,
        need: 80n * M,
        allocated: 80n * M,
        bySource: { ...NO_SOURCES, APBDES: 8n * M, POOL: 72n * M },
        realised: 72n * M,
        gap: 0n,
        flags: ['VILLAGE_UNALIGNED', 'NO_LEAD_AGENCY'],
        lineIds: ['L2'],
      },
      {
        // no need, no money: no funding flag and no village flag
        activityId: 'A3',
        fiscalYear: 2027,
        need: 0n,
        allocated: 0n,
        bySource: NO_SOURCES,
        realised: 0n,
        gap: 0n,
        flags: ['NO_LEAD_AGENCY'],
        lineIds: [],
      },
      {
        // L4 30 (still RKA in 2026) + pool 30 approved (not realised) = 60 ; gap 50 − 60 = −10
        activityId: 'A4',
        fiscalYear: 2026,
        need: 50n * M,
        allocated: 60n * M,
        bySource: { ...NO_SOURCES, APBD: 30n * M, POOL: 30n * M },
        realised: 0n,
        gap: -10n * M,
        flags: ['OVERFUNDED', 'CODE_OUT_OF_MANDATE', 'STALE_STAGE'],
        lineIds: ['L4'],
      },
      {
        // the 2025 drawdown is outside the period
        activityId: 'A4',
        fiscalYear: 2027,
        need: 50n * M,
        allocated: 0n,
        bySource: NO_SOURCES,
        realised: 0n,
        gap: 50n * M,
        flags: ['UNFUNDED'],
        lineIds: [],
      },
    ]);
  });

  it('adds the cells up with totalsOf', () => {
    // need 150 + 100 + 200 + 200 + 80 + 0 + 50 + 50 = 830 ; allocated 102 + 0 + 69 + 90 + 80 + 0 + 60 + 0 = 401
    // gap 830 − 401 = 429 (= 48 + 100 + 131 + 110 + 0 + 0 − 10 + 50)
    expect(totalsOf(cells)).toEqual({ need: 830n * M, allocated: 401n * M, gap: 429n * M });
    // 2026: need 150 + 200 + 80 + 50 = 480 ; allocated 102 + 69 + 80 + 60 = 311 ; gap 480 − 311 = 169
    expect(totalsOf(in2026)).toEqual({ need: 480n * M, allocated: 311n * M, gap: 169n * M });
    // realised 38 + 22 + 72 = 132
    expect(sumMoney(cells.map((c) => c.realised))).toBe(132n * M);
    expect(totalsOf([])).toEqual({ need: 0n, allocated: 0n, gap: 0n });
  });

  it('rolls the cells up by strategy', () => {
    // strategy 1 (A1, A2): need 250 + 400 = 650 ; allocated 102 + 159 = 261 ; gap 650 − 261 = 389 ; unfunded: A1 2027
    // strategy 2 (A3, A4): need 80 + 100 = 180 ; allocated 80 + 60 = 140 ; gap 180 − 140 = 40 ; unfunded: A4 2027
    expect(rollUp(cells, strategyOf)).toEqual(
      new Map([
        [1, { need: 650n * M, allocated: 261n * M, gap: 389n * M, activities: 2, unfunded: 1 }],
        [2, { need: 180n * M, allocated: 140n * M, gap: 40n * M, activities: 2, unfunded: 1 }],
      ]),
    );
    // 2026 only, as the report shows it: strategy 1 need 150 + 200 = 350, allocated 102 + 69 = 171, gap 179 ;
    // strategy 2 need 80 + 50 = 130, allocated 80 + 60 = 140, gap 130 − 140 = −10
    expect(rollUp(in2026, strategyOf)).toEqual(
      new Map([
        [1, { need: 350n * M, allocated: 171n * M, gap: 179n * M, activities: 2, unfunded: 0 }],
        [2, { need: 130n * M, allocated: 140n * M, gap: -10n * M, activities: 2, unfunded: 0 }],
      ]),
    );
  });

  it('rolls up by lead agency, leaving out the activity that has none', () => {
    const agencyOf = (c: ActivityYearGap) => activities.find((a) => a.id === c.activityId)?.leadAgencyId ?? undefined;
    // dp3a (A1, A2) 2026: need 350, allocated 171, gap 179 ; dpmd (A4): need 50, allocated 60, gap −10 ; A3 has none
    expect([...rollUp(in2026, agencyOf)]).toEqual([
      ['dp3a', { need: 350n * M, allocated: 171n * M, gap: 179n * M, activities: 2, unfunded: 0 }],
      ['dpmd', { need: 50n * M, allocated: 60n * M, gap: -10n * M, activities: 1, unfunded: 0 }],
    ]);
  });

  it('reports the village coverage: activities per desa, how many the desa funds and its APBDes money', () => {
    // desa B (…2002): located A1, A3 → 2 ; funds A1 (L3) → aligned 1 ; 40 × 50 % = 20
    // desa A (…2015): located A1, funds A1 and A3 (L2) → 2 ; aligned 2 ; 16 + 8 = 24
    expect(villageCoverage(activities, cells, lines)).toEqual([
      { villageCode: DESA_B, activities: 2, aligned: 1, allocated: 20n * M },
      { villageCode: DESA_A, activities: 2, aligned: 2, allocated: 24n * M },
    ]);
  });

  it('reports the village coverage of strategy 2 only (the cells and activities a filter leaves)', () => {
    // desa B: located A3, not funded by it ; desa A: funds A3 with 24 × 10/30 = 8 (A1 is filtered out)
    const shown = in2026.filter((c) => strategyOf(c) === 2);
    expect(
      villageCoverage(
        activities.filter((a) => a.strategyCode === 2),
        shown,
        lines,
      ),
    ).toEqual([
      { villageCode: DESA_B, activities: 1, aligned: 0, allocated: 0n },
      { villageCode: DESA_A, activities: 1, aligned: 1, allocated: 8n * M },
    ]);
  });
});
