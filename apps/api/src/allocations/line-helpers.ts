import { DomainError, governmentLevelOfRegion, parseApbdCode, type LineIdentity, type LineInput } from '@sinergi/domain';
import { BudgetLineEntity } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';

/** Small helpers shared by the allocation writers. */

/** The line, locked for the rest of the transaction (404 when there is none). */
export async function lockLine(m: EntityManager, id: string): Promise<BudgetLineEntity> {
  const line = await m.findOne(BudgetLineEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!line) throw DomainError.notFound('Baris anggaran');
  return line;
}

/** The government level a code is looked up under: its own kegiatan digit, else the owner's. */
export function codeLevel(code: string, ownerRegion: string): string {
  return parseApbdCode(code)?.governmentLevel ?? governmentLevelOfRegion(ownerRegion);
}

/** The identity fields of a stored line, as `lineKey` takes them. */
export function identityOf(line: BudgetLineEntity): LineIdentity {
  return {
    source: line.source,
    fiscalYear: line.fiscalYear,
    agencyId: line.agencyId,
    villageCode: line.villageCode,
    funder: line.funder,
    budgetCode: line.budgetCode,
    accountCode: line.accountCode,
    accountCodeOriginal: line.accountCodeOriginal,
    fundSource: line.fundSource as LineInput['fundSource'],
  };
}
