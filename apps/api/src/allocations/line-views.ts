import type { BudgetLineView, BudgetStage, LineTagView, LineWarning, StageRecordView, VillageFundSource } from '@sinergi/contracts';
import { basisPointsToPercent, governmentLevelOfRegion, latestStage, lineWarnings, splitLine } from '@sinergi/domain';
import { BudgetLineQueries, type LineFilter, type LineRow, type StageRow, type TagRow } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Builds the views of budget lines from their rows: the counting stage (latest), the split of
 * the line among its tags and the warnings, all by the rules in libs/domain.
 */
export async function loadLineViews(m: EntityManager, filter: LineFilter): Promise<BudgetLineView[]> {
  const q = new BudgetLineQueries(m);
  const lines = await q.lines(filter);
  const ids = lines.map((l) => l.id);
  const [stages, tags, retired] = [await q.stages(ids), await q.tags(ids), await q.retired(ids)];
  const stagesBy = groupBy(stages, (s) => s.line_id);
  const tagsBy = groupBy(tags, (t) => t.line_id);
  const retiredBy = new Map(retired.map((r) => [r.line_id, r.replacement]));
  return lines.map((line) => lineView(line, stagesBy.get(line.id) ?? [], tagsBy.get(line.id) ?? [], retiredBy));
}

function lineView(line: LineRow, stageRows: StageRow[], tagRows: TagRow[], retired: Map<string, string | null>): BudgetLineView {
  const records = stageRows.map((s) => ({ ...s, amountValue: BigInt(s.amount), seq: Number(s.id) }));
  const latest = latestStage(line.source, records.map((r) => ({ stage: r.stage, amount: r.amountValue, seq: r.seq })));
  const amount = latest?.amount ?? 0n;
  const split = splitLine(
    amount,
    tagRows.map((t) => ({ id: t.id, shareBp: t.share_bp, fixedAmount: t.fixed_amount === null ? null : BigInt(t.fixed_amount) })),
  );
  // A line tagged to plans of several levels is judged against each; untagged, against its owner.
  const levels = new Set(tagRows.map((t) => governmentLevelOfRegion(t.plan_region)));
  if (!levels.size && line.agency_region) levels.add(governmentLevelOfRegion(line.agency_region));
  const warnings = new Set<LineWarning>();
  for (const planLevel of levels.size ? levels : [undefined]) {
    for (const w of lineWarnings({
      source: line.source,
      budgetCode: line.budget_code,
      mandates: line.mandates ?? [],
      planLevel,
      retired: retired.has(line.id),
      overAllocated: split.overAllocated,
    })) {
      warnings.add(w);
    }
  }
  const tags: LineTagView[] = tagRows.map((t) => ({
    id: t.id,
    activityId: t.activity_id,
    activityCode: t.activity_code,
    activityTitle: t.activity_title,
    planId: t.plan_id,
    sharePercent: t.share_bp === null ? undefined : basisPointsToPercent(t.share_bp),
    taggedAmount: t.fixed_amount ?? undefined,
    allocated: (split.portions.get(t.id) ?? 0n).toString(),
    version: t.version,
  }));
  const stages: StageRecordView[] = records.map((r) => ({
    stage: r.stage,
    amount: r.amount,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.email ?? undefined,
  }));
  const realised = {
    q1: line.realised_q1 ?? undefined,
    q2: line.realised_q2 ?? undefined,
    q3: line.realised_q3 ?? undefined,
    q4: line.realised_q4 ?? undefined,
  };
  return {
    id: line.id,
    source: line.source,
    fiscalYear: line.fiscal_year,
    agencyId: line.agency_id ?? undefined,
    agencyName: line.agency_name ?? undefined,
    villageCode: line.village_code ?? undefined,
    villageName: line.village_name ?? undefined,
    funder: line.funder ?? undefined,
    budgetCode: line.budget_code || undefined,
    budgetCodeName: line.budget_code_name ?? undefined,
    catalogVersion: line.catalog_label ?? undefined,
    accountCode: line.account_code || undefined,
    accountCodeOriginal: line.account_code_original ?? undefined,
    fundSource: (line.fund_source || undefined) as VillageFundSource | undefined,
    stage: (latest?.stage ?? 'RKA') as BudgetStage,
    amount: amount.toString(),
    stages,
    realised: Object.values(realised).some((v) => v !== undefined) ? realised : undefined,
    tags,
    untagged: split.untagged.toString(),
    warnings: [...warnings],
    replacementCode: retired.get(line.id) ?? undefined,
    migratedFromCode: line.migrated_from_code ?? undefined,
    note: line.note ?? undefined,
    version: line.version,
  };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
