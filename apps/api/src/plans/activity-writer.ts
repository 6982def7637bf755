import type { ActivityInput } from '@sinergi/contracts';
import { type ActivityDraft, assertEditable, DomainError, isWithinRegion, type SnapshotActivity, validateActivity, yearMapFromTargets } from '@sinergi/domain';
import { type ActionPlanEntity, PlanActivityEntity, PlanQueries } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit';

/**
 * The one place activities are written, whether a planner edits directly or a proposal is
 * accepted: the same validation, the same existence checks, the same field-level audit.
 * Callers hold the plan row's lock and run inside a transaction.
 */
export async function checkReferences(m: EntityManager, draft: ActivityDraft, plan: { regionCode: string }): Promise<void> {
  const q = new PlanQueries(m);
  const problems: { path: string; message: string }[] = [];
  if (draft.leadAgencyId && (await q.missingAgencies([draft.leadAgencyId])).length) {
    problems.push({ path: 'leadAgencyId', message: 'instansi tidak ditemukan' });
  }
  if (draft.supportingAgencyIds?.length) {
    const missing = new Set(await q.missingAgencies(draft.supportingAgencyIds));
    draft.supportingAgencyIds.forEach((id, i) => missing.has(id) && problems.push({ path: `supportingAgencyIds.${i}`, message: 'instansi tidak ditemukan' }));
  }
  if (draft.regionCodes?.length) {
    const missing = new Set(await q.missingRegions(draft.regionCodes));
    draft.regionCodes.forEach((c, i) => {
      if (!isWithinRegion(c, plan.regionCode)) problems.push({ path: `regionCodes.${i}`, message: `di luar wilayah rencana (${plan.regionCode})` });
      else if (missing.has(c)) problems.push({ path: `regionCodes.${i}`, message: 'wilayah tidak ditemukan' });
    });
  }
  if (problems.length) throw new DomainError('VALIDATION_FAILED', `Input tidak valid: ${problems.map((p) => p.path).join(', ')}`, problems);
}

function auditable(a: SnapshotActivity): Omit<SnapshotActivity, 'id'> {
  const { id: _id, ...rest } = a;
  return rest;
}

export async function createActivity(
  m: EntityManager,
  plan: ActionPlanEntity,
  input: Partial<ActivityInput>,
  actorId: string,
  via?: string,
): Promise<{ id: string; code: string; version: number }> {
  assertEditable(plan.status);
  const draft = validateActivity(input, plan, false);
  await checkReferences(m, draft, plan);
  const q = new PlanQueries(m);
  const seq = await q.nextSeq(plan.id, draft.strategyCode!);
  const entity = m.create(PlanActivityEntity, {
    planId: plan.id,
    strategyCode: draft.strategyCode!,
    seq,
    title: draft.title!,
    description: draft.description ?? null,
    output: draft.output ?? null,
    indicator: draft.indicator ?? null,
    unit: draft.unit ?? null,
    baseline: draft.baseline ?? null,
    leadAgencyId: draft.leadAgencyId!,
    targets: draft.targets ? yearMapFromTargets(draft.targets) : {},
    priority: draft.priority ?? 'medium',
    status: draft.status ?? 'active',
  });
  await m.save(entity);
  await q.replaceCosts(entity.id, draft.costs ?? new Map());
  await q.replaceAgencies(entity.id, draft.supportingAgencyIds ?? []);
  await q.replaceLocations(entity.id, draft.regionCodes ?? []);
  const [after] = await q.activities(plan.id, [entity.id]);
  await recordAudit(m, {
    actorId,
    entity: 'plan_activity',
    entityId: entity.id,
    action: via ? `create (${via})` : 'create',
    newValue: auditable(after),
  });
  return { id: entity.id, code: `${entity.strategyCode}.${entity.seq}`, version: entity.version };
}

export async function updateActivity(
  m: EntityManager,
  plan: ActionPlanEntity,
  activityId: string,
  input: Partial<ActivityInput>,
  actorId: string,
  expectedVersion?: number,
  via?: string,
): Promise<void> {
  assertEditable(plan.status);
  const entity = await m.findOne(PlanActivityEntity, { where: { id: activityId, planId: plan.id }, lock: { mode: 'pessimistic_write' } });
  if (!entity) throw DomainError.notFound('Kegiatan');
  if (expectedVersion !== undefined && entity.version !== expectedVersion) {
    throw DomainError.conflict(`Kegiatan ${entity.strategyCode}.${entity.seq} sudah diubah orang lain. Muat ulang lalu ulangi.`, {
      currentVersion: entity.version,
    });
  }
  const draft = validateActivity(input, plan, true);
  await checkReferences(m, draft, plan);
  const q = new PlanQueries(m);
  const [before] = await q.activities(plan.id, [activityId]);

  if (draft.strategyCode !== undefined && draft.strategyCode !== entity.strategyCode) {
    entity.strategyCode = draft.strategyCode;
    entity.seq = await q.nextSeq(plan.id, draft.strategyCode);
  }
  if (draft.title !== undefined) entity.title = draft.title;
  for (const key of ['description', 'output', 'indicator', 'unit', 'baseline'] as const) {
    if (draft[key] !== undefined) entity[key] = draft[key] ?? null;
  }
  if (draft.leadAgencyId !== undefined) entity.leadAgencyId = draft.leadAgencyId;
  if (draft.targets !== undefined) entity.targets = yearMapFromTargets(draft.targets);
  if (draft.priority !== undefined) entity.priority = draft.priority;
  if (draft.status !== undefined) entity.status = draft.status;
  if (draft.costs !== undefined) await q.replaceCosts(activityId, draft.costs);
  if (draft.supportingAgencyIds !== undefined) await q.replaceAgencies(activityId, draft.supportingAgencyIds);
  if (draft.regionCodes !== undefined) await q.replaceLocations(activityId, draft.regionCodes);
  // Saving always bumps the version, so a change of costs or agencies alone is also "a change".
  entity.updatedAt = new Date();
  await m.save(entity);

  const [after] = await q.activities(plan.id, [activityId]);
  const diff = changedFields(auditable(before), auditable(after));
  if (diff) {
    await recordAudit(m, { actorId, entity: 'plan_activity', entityId: activityId, action: via ? `update (${via})` : 'update', ...diff });
  }
}
