import type { BudgetSource, BudgetStage } from '@sinergi/contracts';
import { assertStageCanFollow, latestStage, stageRank, stagesOf, type StageRecord } from './stages';
import { caught, problems } from '../../../../test/support/domain-errors';

const record = (stage: BudgetStage, amount: bigint, seq: number): StageRecord => ({ stage, amount, seq });

describe('the stages of each source', () => {
  it('lists the stages earliest first', () => {
    expect(stagesOf('APBD')).toEqual(['RKA', 'DPA', 'DPPA']);
    expect(stagesOf('APBDES')).toEqual(['RKPDES', 'APBDES', 'APBDES_P']);
    expect(stagesOf('APBN')).toEqual(['COMMITTED']);
    expect(stagesOf('OTHER')).toEqual(['COMMITTED']);
  });

  it('ranks RKA 0, DPA 1, DPPA 2 and a stage of another source -1', () => {
    expect(['RKA', 'DPA', 'DPPA'].map((s) => stageRank('APBD', s as BudgetStage))).toEqual([0, 1, 2]);
    expect(stageRank('APBD', 'APBDES')).toBe(-1);
    expect(stageRank('APBDES', 'DPA')).toBe(-1);
  });
});

describe('latestStage: the record that counts for a line', () => {
  it('RKA 100, DPA 80, DPPA 90 counts 90, once', () => {
    const rka = record('RKA', 100n, 1);
    const dpa = record('DPA', 80n, 2);
    const dppa = record('DPPA', 90n, 3);
    expect(latestStage('APBD', [rka, dpa, dppa])).toBe(dppa);
    expect(latestStage('APBD', [rka, dpa, dppa])?.amount).toBe(90n);
  });

  it.each([
    ['DPPA, RKA, DPA', [2, 0, 1]],
    ['DPA, DPPA, RKA', [1, 2, 0]],
    ['RKA, DPPA, DPA', [0, 2, 1]],
  ])('finds the DPPA whatever order the records come in (%s)', (_, order) => {
    const all = [record('RKA', 100n, 1), record('DPA', 80n, 2), record('DPPA', 90n, 3)];
    const shuffled = order.map((i) => all[i]);
    expect(latestStage('APBD', shuffled)).toBe(all[2]);
  });

  it('counts the higher stage even when it was recorded earlier than a lower one', () => {
    // An import may bring the RKA after the DPA was already typed in: the DPA still counts.
    const dpa = record('DPA', 80n, 1);
    const lateRka = record('RKA', 100n, 5);
    expect(latestStage('APBD', [dpa, lateRka])).toBe(dpa);
  });

  it('lets a correction of the same stage replace it: of two DPA records the newer counts', () => {
    const first = record('DPA', 80n, 2);
    const correction = record('DPA', 75n, 4);
    const rka = record('RKA', 100n, 1);
    expect(latestStage('APBD', [correction, rka, first])).toBe(correction);
    expect(latestStage('APBD', [first, correction, rka])?.amount).toBe(75n);
  });

  it('counts APBDES_P over APBDES over RKPDES for a village budget', () => {
    const rkpdes = record('RKPDES', 50n, 1);
    const apbdes = record('APBDES', 45n, 2);
    const perubahan = record('APBDES_P', 60n, 3);
    expect(latestStage('APBDES', [perubahan, rkpdes, apbdes])).toBe(perubahan);
    expect(latestStage('APBDES', [apbdes, rkpdes])).toBe(apbdes);
  });

  it('counts the newest entry of national money (one stage, later entries replace it)', () => {
    const first = record('COMMITTED', 500n, 1);
    const revised = record('COMMITTED', 450n, 2);
    expect(latestStage('APBN', [revised, first])).toBe(revised);
  });

  it('returns the single record of a line with one stage', () => {
    const rka = record('RKA', 100n, 1);
    expect(latestStage('APBD', [rka])).toBe(rka);
  });

  it('returns undefined for a line without records', () => {
    expect(latestStage('APBD', [])).toBeUndefined();
  });

  it('keeps the extra fields of the records it is given', () => {
    const records = [
      { stage: 'RKA' as const, amount: 100n, seq: 1, id: 'a' },
      { stage: 'DPA' as const, amount: 80n, seq: 2, id: 'b' },
    ];
    expect(latestStage('APBD', records)?.id).toBe('b');
  });
});

describe('assertStageCanFollow', () => {
  it('accepts the first stage of a new line', () => {
    expect(() => assertStageCanFollow('APBD', undefined, 'RKA')).not.toThrow();
    expect(() => assertStageCanFollow('APBD', undefined, 'DPPA')).not.toThrow();
  });

  it('accepts the same stage again (a correction)', () => {
    expect(() => assertStageCanFollow('APBD', 'DPA', 'DPA')).not.toThrow();
    expect(() => assertStageCanFollow('APBDES', 'APBDES', 'APBDES')).not.toThrow();
    expect(() => assertStageCanFollow('APBN', 'COMMITTED', 'COMMITTED')).not.toThrow();
  });

  it('accepts a later stage, also one that skips a stage', () => {
    expect(() => assertStageCanFollow('APBD', 'RKA', 'DPA')).not.toThrow();
    expect(() => assertStageCanFollow('APBD', 'RKA', 'DPPA')).not.toThrow();
    expect(() => assertStageCanFollow('APBDES', 'RKPDES', 'APBDES_P')).not.toThrow();
  });

  it.each<[BudgetSource, BudgetStage, BudgetStage]>([
    ['APBD', 'DPA', 'RKA'],
    ['APBD', 'DPPA', 'DPA'],
    ['APBD', 'DPPA', 'RKA'],
    ['APBDES', 'APBDES_P', 'RKPDES'],
    ['APBDES', 'APBDES', 'RKPDES'],
  ])('refuses going back (%s: %s then %s) and says which stage the line is at', (source, current, next) => {
    const error = caught(() => assertStageCanFollow(source, current, next));
    expect(error.code).toBe('STAGE_OUT_OF_ORDER');
    expect(error.details).toEqual({ currentStage: current });
    expect(error.message).toContain(current);
  });

  it.each<[BudgetSource, BudgetStage]>([
    ['APBDES', 'DPA'],
    ['APBDES', 'RKA'],
    ['APBD', 'APBDES'],
    ['APBD', 'COMMITTED'],
    ['APBN', 'DPA'],
    ['OTHER', 'RKPDES'],
  ])('refuses a stage of another source (%s with stage %s) on the field stage', (source, stage) => {
    const list = problems(() => assertStageCanFollow(source, undefined, stage));
    expect(list).toHaveLength(1);
    expect(list[0].path).toBe('stage');
    expect(list[0].message).toContain(stagesOf(source).join(', '));
  });

  it('refuses a stage of another source even as a correction of the current stage', () => {
    expect(problems(() => assertStageCanFollow('APBDES', 'APBDES', 'DPA')).map((p) => p.path)).toEqual(['stage']);
  });
});
