import type { MigrationResult } from '@sinergi/contracts';
import { lineKey } from '@sinergi/domain';
import { AgencyEntity, BudgetLineEntity, BudgetLineQueries } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { codeLevel, identityOf, lockLine } from './line-helpers';

/**
 * Moves every line with a retired code (all, or those tagged to one plan) to the code the crosswalk gives for its fiscal
 * year. The line keeps its stages, tags and id; the old code stays in `migratedFromCode` and
 * the audit trail. A line whose new identity already exists, or without a crosswalk entry, is
 * reported as skipped, never merged silently.
 */
export async function migrateRetiredLines(m: EntityManager, actorId: string | null, planId?: string): Promise<MigrationResult> {
  const q = new BudgetLineQueries(m);
  const ids = await q.retiredLineIds(planId);
  const retired = await q.retired(ids);
  const result: MigrationResult = { migrated: [], skipped: [] };
  for (const r of retired) {
    const line = await lockLine(m, r.line_id);
    if (!r.replacement) {
      result.skipped.push({ lineId: line.id, code: line.budgetCode, reason: 'tidak ada padanan di crosswalk' });
      continue;
    }
    const owner = await m.findOneOrFail(AgencyEntity, { where: { id: line.agencyId ?? '' } });
    const resolved = await q.resolveCode('APBD_NOMENCLATURE', r.replacement, 'sub_kegiatan', line.fiscalYear, codeLevel(r.replacement, owner.regionCode));
    const key = lineKey({ ...identityOf(line), budgetCode: r.replacement });
    if (!resolved || (await m.exists(BudgetLineEntity, { where: { lineKey: key } }))) {
      result.skipped.push({ lineId: line.id, code: line.budgetCode, reason: `baris dengan kode ${r.replacement} sudah ada` });
      continue;
    }
    const from = line.budgetCode;
    line.migratedFromCode = from;
    line.budgetCode = r.replacement;
    line.catalogVersionId = resolved.versionId;
    line.lineKey = key;
    await m.save(line);
    await recordAudit(m, { actorId, entity: 'budget_line', entityId: line.id, action: 'code_migrated', oldValue: { budgetCode: from }, newValue: { budgetCode: r.replacement } });
    result.migrated.push({ lineId: line.id, from, to: r.replacement });
  }
  return result;
}

