import { APBD_STAGES, APBDES_STAGES, OTHER_STAGES, type BudgetSource, type BudgetStage } from '@sinergi/contracts';
import { DomainError } from '../domain-error';

/** The stages a line of this source goes through, earliest first. */
export function stagesOf(source: BudgetSource): readonly BudgetStage[] {
  switch (source) {
    case 'APBD':
      return APBD_STAGES;
    case 'APBDES':
      return APBDES_STAGES;
    case 'APBN':
    case 'OTHER':
      return OTHER_STAGES;
  }
}

/** Position of a stage in its source's sequence (RKA 0, DPA 1, DPPA 2); -1 when it does not belong. */
export function stageRank(source: BudgetSource, stage: BudgetStage): number {
  return stagesOf(source).indexOf(stage);
}

export interface StageRecord {
  stage: BudgetStage;
  amount: bigint;
  /** Order of recording (a sequence or a timestamp): among records of the same stage the newest counts. */
  seq: number;
}

/**
 * The record that counts for a line: the highest stage, and within it the newest record (a
 * correction of the DPA replaces the DPA). RKA 100, DPA 80, DPPA 90 counts 90, once. The same
 * ordering is written in SQL (`DISTINCT ON (line_id) … ORDER BY rank DESC, id DESC`) for reports.
 */
export function latestStage<T extends StageRecord>(source: BudgetSource, records: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const r of records) {
    if (!best) {
      best = r;
      continue;
    }
    const a = stageRank(source, r.stage);
    const b = stageRank(source, best.stage);
    if (a > b || (a === b && r.seq > best.seq)) best = r;
  }
  return best;
}

/**
 * A new stage may be recorded when it is the current stage (a correction) or a later one. Going
 * back (an RKA after the DPA is final) would silently undo the agreed budget, so it is refused.
 */
export function assertStageCanFollow(source: BudgetSource, current: BudgetStage | undefined, next: BudgetStage): void {
  const rank = stageRank(source, next);
  if (rank < 0) {
    throw DomainError.invalidField('stage', `untuk sumber ${source} harus salah satu dari ${stagesOf(source).join(', ')}`);
  }
  if (current !== undefined && rank < stageRank(source, current)) {
    throw new DomainError('STAGE_OUT_OF_ORDER', `Baris ini sudah pada tahap ${current}; tahap ${next} yang lebih awal tidak dapat dicatat lagi`, {
      currentStage: current,
    });
  }
}
