import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AllocationView, BudgetLineView, BudgetStage, MigrationResult, UserView } from '@sinergi/contracts';
import {
  assertClaimFits,
  assertStageCanFollow,
  canPlanInRegion,
  canWriteForAgency,
  canWriteForVillage,
  DomainError,
  FULL_SHARE_BP,
  isWithinRegion,
  latestStage,
  lineKey,
  parseClaim,
  parseLineInput,
  parseMoney,
  stageRank,
  type LineInput,
  type TagClaim,
} from '@sinergi/domain';
import { AgencyEntity, AllocationTagEntity, BudgetLineEntity, BudgetLineQueries, BudgetLineStageEntity, RegionEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { loadLineViews } from './line-views';
import { codeLevel, lockLine } from './line-helpers';
import { migrateRetiredLines } from './retired-codes';

interface ActivityRef {
  id: string;
  planId: string;
  planRegion: string;
}

/**
 * Budget lines and their tags to plan activities (API-CONTRACT.md "Allocations", ADR 0006).
 * Every write runs in one transaction with the line row locked, so the split rule ("shares never
 * exceed the line") holds when two clerks tag the same line at once.
 */
@Injectable()
export class AllocationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** POST /api/activities/:id/allocations: records the line (or its new stage) and tags it. */
  async allocate(actor: UserView, activityId: string, body: Record<string, unknown>, within?: EntityManager): Promise<{ id: string; lineId: string }> {
    const input = parseLineInput(body);
    const claim = parseClaim(body);
    return this.inTransaction(within, async (m) => {
      const activity = await findActivity(m, activityId);
      const ownerRegion = await this.assertCanWriteInput(m, actor, input, activity);
      const line = await this.recordLine(m, actor, input, ownerRegion);
      const tagId = await this.tag(m, actor, line, activity, claim, 'sharePercent');
      return { id: tagId, lineId: line.id };
    });
  }

  /** POST /api/budget-lines: a line without a tag yet (an OPD enters its DPA first, tags later). */
  async createLine(actor: UserView, body: Record<string, unknown>, within?: EntityManager): Promise<BudgetLineView> {
    const input = parseLineInput(body);
    if (input.source !== 'APBD' && input.source !== 'APBDES') {
      throw DomainError.invalidField('source', 'baris APBN/lainnya dicatat langsung pada kegiatan yang didanainya');
    }
    const id = await this.inTransaction(within, async (m) => {
      const ownerRegion = await this.assertCanWriteInput(m, actor, input, undefined);
      return (await this.recordLine(m, actor, input, ownerRegion)).id;
    });
    return this.line(id, within);
  }

  /** POST /api/budget-lines/:id/tags: tags an existing line (e.g. an imported APBDes line). */
  async tagLine(actor: UserView, lineId: string, activityId: string, body: Record<string, unknown>): Promise<{ id: string }> {
    const claim = parseClaim(body);
    return this.dataSource.transaction(async (m) => {
      const line = await lockLine(m, lineId);
      const activity = await findActivity(m, activityId);
      await this.assertCanWriteLine(m, actor, line);
      await assertLineFitsPlan(m, line, activity);
      return { id: await this.tag(m, actor, line, activity, claim, 'sharePercent') };
    });
  }

  /** PATCH /api/allocations/:id: changes the split of a tag. */
  async updateTag(actor: UserView, tagId: string, body: Record<string, unknown> & { version: number }): Promise<AllocationView> {
    const claim = parseClaim(body);
    if (!claim) throw DomainError.invalidField('sharePercent', 'isi persentase (sharePercent) atau nilai (taggedAmount)');
    await this.dataSource.transaction(async (m) => {
      const tag = await m.findOne(AllocationTagEntity, { where: { id: tagId } });
      if (!tag) throw DomainError.notFound('Penandaan anggaran');
      const line = await lockLine(m, tag.lineId);
      await this.assertCanWriteLine(m, actor, line);
      if (tag.version !== body.version) {
        throw DomainError.conflict(`Penandaan ini sudah diubah orang lain (versi ${tag.version}). Muat ulang lalu ulangi.`, { currentVersion: tag.version });
      }
      const others = (await m.find(AllocationTagEntity, { where: { lineId: line.id } })).filter((t) => t.id !== tag.id).map(toClaim);
      assertClaimFits(await countingAmount(m, line), others, claim, claim.shareBp !== null ? 'sharePercent' : 'taggedAmount');
      const before = { shareBp: tag.shareBp, fixedAmount: tag.fixedAmount?.toString() ?? null };
      tag.shareBp = claim.shareBp;
      tag.fixedAmount = claim.fixedAmount;
      await m.save(tag);
      await recordAudit(m, {
        actorId: actor.id,
        entity: 'budget_line',
        entityId: line.id,
        action: 'tag_changed',
        oldValue: { activityId: tag.activityId, ...before },
        newValue: { activityId: tag.activityId, shareBp: claim.shareBp, fixedAmount: claim.fixedAmount?.toString() ?? null },
      });
    });
    const tag = await this.dataSource.manager.findOneOrFail(AllocationTagEntity, { where: { id: tagId } });
    return (await this.forActivity(tag.activityId)).find((a) => a.id === tagId) as AllocationView;
  }

  /** DELETE /api/allocations/:id: the line stays (it is a real budget line), only the link goes. */
  async deleteTag(actor: UserView, tagId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const tag = await m.findOne(AllocationTagEntity, { where: { id: tagId } });
      if (!tag) throw DomainError.notFound('Penandaan anggaran');
      const line = await lockLine(m, tag.lineId);
      await this.assertCanWriteLine(m, actor, line);
      await m.delete(AllocationTagEntity, { id: tag.id });
      await recordAudit(m, {
        actorId: actor.id,
        entity: 'budget_line',
        entityId: line.id,
        action: 'untagged',
        oldValue: { activityId: tag.activityId, shareBp: tag.shareBp, fixedAmount: tag.fixedAmount?.toString() ?? null },
      });
    });
  }

  /** POST /api/budget-lines/:id/stages: the DPA after the RKA, a DPPA, or a correction. */
  async recordStage(actor: UserView, lineId: string, stage: BudgetStage, amountInput: unknown): Promise<BudgetLineView> {
    const amount = parseMoney(amountInput, 'amount');
    await this.dataSource.transaction(async (m) => {
      const line = await lockLine(m, lineId);
      await this.assertCanWriteLine(m, actor, line);
      await this.appendStage(m, actor, line, stage, amount);
    });
    return this.line(lineId);
  }

  /** PATCH /api/budget-lines/:id/realised: realised amounts per quarter (null clears one). */
  async setRealised(actor: UserView, lineId: string, body: { version: number; q1?: unknown; q2?: unknown; q3?: unknown; q4?: unknown }): Promise<BudgetLineView> {
    await this.dataSource.transaction(async (m) => {
      const line = await lockLine(m, lineId);
      await this.assertCanWriteLine(m, actor, line);
      if (line.version !== body.version) {
        throw DomainError.conflict(`Baris anggaran ini sudah diubah orang lain (versi ${line.version}). Muat ulang lalu ulangi.`, { currentVersion: line.version });
      }
      const before = quarters(line);
      for (const q of ['q1', 'q2', 'q3', 'q4'] as const) {
        if (body[q] === undefined) continue;
        const key = `realised${q.toUpperCase()}` as 'realisedQ1';
        line[key] = body[q] === null ? null : parseMoney(body[q], q);
      }
      await m.save(line);
      await recordAudit(m, { actorId: actor.id, entity: 'budget_line', entityId: line.id, action: 'realised', oldValue: before, newValue: quarters(line) });
    });
    return this.line(lineId);
  }

  async line(id: string, within?: EntityManager): Promise<BudgetLineView> {
    const [view] = await loadLineViews(within ?? this.dataSource.manager, { ids: [id] });
    if (!view) throw DomainError.notFound('Baris anggaran');
    return view;
  }

  async lines(filter: { agencyId?: string; villageCode?: string; planId?: string; fiscalYear?: number }): Promise<BudgetLineView[]> {
    return loadLineViews(this.dataSource.manager, filter);
  }

  /** GET /api/activities/:id/allocations: one row per tag, with its line's fields. */
  async forActivity(activityId: string): Promise<AllocationView[]> {
    await findActivity(this.dataSource.manager, activityId);
    const lines = await loadLineViews(this.dataSource.manager, { activityId });
    return lines.flatMap((line) =>
      line.tags
        .filter((t) => t.activityId === activityId)
        .map(({ id, sharePercent, taggedAmount, allocated, version }) => {
          const { tags: _tags, id: lineId, version: lineVersion, ...fields } = line;
          return { ...fields, id, lineId, lineVersion, activityId, sharePercent, taggedAmount, allocated, version };
        }),
    );
  }

  async migrateRetiredForPlan(actor: UserView, planId: string): Promise<MigrationResult> {
    return this.dataSource.transaction(async (m) => {
      const rows: { region_code: string }[] = await m.query('SELECT region_code FROM action_plan WHERE id = $1 FOR UPDATE', [planId]);
      if (!rows.length) throw DomainError.notFound('Rencana aksi');
      if (!canPlanInRegion(actor, rows[0].region_code)) {
        throw DomainError.forbidden('Hanya perencana Bappeda wilayah ini (atau admin) yang memindahkan kode lama');
      }
      return migrateRetiredLines(m, actor.id, planId);
    });
  }

  /** Runs in the caller's transaction (the demo seed) or a new one. */
  private inTransaction<T>(within: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : this.dataSource.transaction(work);
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Finds or creates the line with this identity (locked) and records the stage when it is new. */
  private async recordLine(m: EntityManager, actor: UserView, input: LineInput, ownerRegion: string | undefined): Promise<BudgetLineEntity> {
    const resolved = await this.resolveCode(m, input, ownerRegion);
    const key = lineKey(input);
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO budget_line (source, fiscal_year, agency_id, village_code, funder, budget_code, catalog_version_id, account_code,
                                account_code_original, fund_source, line_key, note, created_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)
       ON CONFLICT (line_key) DO NOTHING RETURNING id`,
      [
        input.source,
        input.fiscalYear,
        input.agencyId,
        input.villageCode,
        input.funder,
        input.budgetCode,
        resolved ?? null,
        input.accountCode,
        input.accountCodeOriginal,
        input.fundSource,
        key,
        input.note,
        actor.id,
      ],
    );
    const line = await m.findOne(BudgetLineEntity, { where: { lineKey: key }, lock: { mode: 'pessimistic_write' } });
    if (!line) throw new Error('budget line vanished after insert');
    if (inserted.length) {
      await recordAudit(m, { actorId: actor.id, entity: 'budget_line', entityId: line.id, action: 'created', newValue: { key, stage: input.stage, amount: input.amount.toString() } });
    }
    await this.appendStage(m, actor, line, input.stage, input.amount);
    return line;
  }

  /** Appends a stage record unless it repeats the counting one (posting the same line twice is harmless). */
  private async appendStage(m: EntityManager, actor: UserView, line: BudgetLineEntity, stage: BudgetStage, amount: bigint): Promise<void> {
    const records = await m.find(BudgetLineStageEntity, { where: { lineId: line.id } });
    const current = latestStage(line.source, records.map((r) => ({ stage: r.stage, amount: r.amount, seq: Number(r.id) })));
    assertStageCanFollow(line.source, current?.stage, stage);
    if (current && current.stage === stage && current.amount === amount) return;
    await m.insert(BudgetLineStageEntity, { lineId: line.id, stage, rank: stageRank(line.source, stage), amount, recordedBy: actor.id });
    if (current) {
      await recordAudit(m, {
        actorId: actor.id,
        entity: 'budget_line',
        entityId: line.id,
        action: 'stage_recorded',
        oldValue: { stage: current.stage, amount: current.amount.toString() },
        newValue: { stage, amount: amount.toString() },
      });
    }
  }

  /** Creates or changes the tag of `line` to `activity`, keeping the split within the line. */
  private async tag(m: EntityManager, actor: UserView, line: BudgetLineEntity, activity: ActivityRef, claim: Omit<TagClaim, 'id'> | undefined, field: string): Promise<string> {
    const all = await m.find(AllocationTagEntity, { where: { lineId: line.id } });
    const existing = all.find((t) => t.activityId === activity.id);
    const others = all.filter((t) => t !== existing).map(toClaim);
    if (existing && !claim) return existing.id;
    if (!claim && others.length) {
      throw DomainError.invalidField(field, 'baris ini sudah ditandai ke kegiatan lain; isi persentase (sharePercent) atau nilai (taggedAmount) untuk kegiatan ini');
    }
    const wanted = claim ?? { shareBp: FULL_SHARE_BP, fixedAmount: null };
    assertClaimFits(await countingAmount(m, line), others, wanted, wanted.shareBp !== null ? 'sharePercent' : 'taggedAmount');
    const newValue = { activityId: activity.id, shareBp: wanted.shareBp, fixedAmount: wanted.fixedAmount?.toString() ?? null };
    if (existing) {
      const oldValue = { activityId: activity.id, shareBp: existing.shareBp, fixedAmount: existing.fixedAmount?.toString() ?? null };
      existing.shareBp = wanted.shareBp;
      existing.fixedAmount = wanted.fixedAmount;
      await m.save(existing);
      await recordAudit(m, { actorId: actor.id, entity: 'budget_line', entityId: line.id, action: 'tag_changed', oldValue, newValue });
      return existing.id;
    }
    const saved = await m.save(
      AllocationTagEntity,
      m.create(AllocationTagEntity, { lineId: line.id, activityId: activity.id, shareBp: wanted.shareBp, fixedAmount: wanted.fixedAmount, createdBy: actor.id }),
    );
    await recordAudit(m, { actorId: actor.id, entity: 'budget_line', entityId: line.id, action: 'tagged', newValue });
    return saved.id;
  }

  /** The catalogue version of the line's code; 422 UNKNOWN_BUDGET_CODE when no version has it. */
  private async resolveCode(m: EntityManager, input: LineInput, ownerRegion: string | undefined): Promise<string | undefined> {
    if (input.source !== 'APBD' && input.source !== 'APBDES') return undefined;
    const q = new BudgetLineQueries(m);
    // The owner's level decides only for codes whose kegiatan digit does not (special-autonomy 3–8).
    const level = input.source === 'APBD' ? codeLevel(input.budgetCode, ownerRegion ?? '') : 'regency';
    const kind = input.source === 'APBD' ? 'APBD_NOMENCLATURE' : 'APBDES_ACTIVITIES';
    const found = await q.resolveCode(kind, input.budgetCode, input.source === 'APBD' ? 'sub_kegiatan' : 'kegiatan', input.fiscalYear, level);
    if (!found) {
      const what = input.source === 'APBD' ? 'sub kegiatan' : 'kegiatan APBDes';
      throw new DomainError('UNKNOWN_BUDGET_CODE', `Kode ${input.budgetCode} tidak ada sebagai ${what} di katalog mana pun`, [{ path: 'budgetCode', message: 'kode tidak dikenal' }]);
    }
    return found.versionId;
  }

  // ---- scope ---------------------------------------------------------------------------------

  /**
   * Who may write a line: an agency's APBD lines its own staff and the region's planners; a
   * desa's APBDes lines its own officials and the planners above it; APBN/other money the
   * planners of the plan's region, or an agency recording its own (a vertical agency's budget).
   * Returns the owner's region (the agency's, or the desa), which the code lookup needs.
   */
  private async assertCanWriteInput(m: EntityManager, actor: UserView, input: LineInput, activity: ActivityRef | undefined): Promise<string | undefined> {
    if (input.source === 'APBD' || (input.agencyId && (input.source === 'APBN' || input.source === 'OTHER'))) {
      const agency = await m.findOne(AgencyEntity, { where: { id: input.agencyId ?? '' } });
      if (!agency) throw DomainError.invalidField('agencyId', 'instansi tidak ditemukan');
      if (!canWriteForAgency(actor, agency)) {
        throw DomainError.forbidden(`Anda hanya dapat mencatat anggaran instansi Anda sendiri, bukan ${agency.shortName || agency.name}`);
      }
      if (activity && !isWithinRegion(agency.regionCode, activity.planRegion) && !isWithinRegion(activity.planRegion, agency.regionCode)) {
        throw DomainError.invalidField('agencyId', 'instansi ini berada di luar wilayah rencana aksi');
      }
      return agency.regionCode;
    }
    if (input.source === 'APBDES') {
      const village = input.villageCode ?? '';
      if (!canWriteForVillage(actor, village)) throw DomainError.forbidden('Anda hanya dapat mencatat APBDes desa Anda sendiri');
      if (!(await m.exists(RegionEntity, { where: { code: village } }))) throw DomainError.invalidField('villageCode', 'desa tidak ditemukan');
      if (activity && !isWithinRegion(village, activity.planRegion)) throw DomainError.invalidField('villageCode', 'desa ini berada di luar wilayah rencana aksi');
      return village;
    }
    // APBN or OTHER without an owning agency: the plan's planners.
    if (actor.role === 'agency') {
      throw DomainError.invalidField('agencyId', 'isi instansi Anda sebagai pemilik anggaran APBN/lainnya');
    }
    if (!activity || !canPlanInRegion(actor, activity.planRegion)) {
      throw DomainError.forbidden('Dana APBN/lainnya tanpa instansi dicatat oleh perencana Bappeda wilayah ini');
    }
    return undefined;
  }

  private async assertCanWriteLine(m: EntityManager, actor: UserView, line: BudgetLineEntity): Promise<void> {
    if (line.agencyId) {
      const agency = await m.findOneOrFail(AgencyEntity, { where: { id: line.agencyId } });
      if (canWriteForAgency(actor, agency)) return;
      throw DomainError.forbidden(`Anda hanya dapat mengubah anggaran instansi Anda sendiri, bukan ${agency.shortName || agency.name}`);
    }
    if (line.villageCode) {
      if (canWriteForVillage(actor, line.villageCode)) return;
      throw DomainError.forbidden('Anda hanya dapat mengubah APBDes desa Anda sendiri');
    }
    const regions: { region_code: string }[] = await m.query(
      `SELECT DISTINCT p.region_code FROM allocation_tag t JOIN plan_activity pa ON pa.id = t.activity_id JOIN action_plan p ON p.id = pa.plan_id WHERE t.line_id = $1`,
      [line.id],
    );
    if (actor.role === 'admin' || regions.some((r) => canPlanInRegion(actor, r.region_code))) return;
    throw DomainError.forbidden('Dana APBN/lainnya ini hanya dapat diubah oleh perencana Bappeda wilayah rencananya');
  }
}

// ---- helpers ---------------------------------------------------------------------------------

async function findActivity(m: EntityManager, id: string): Promise<ActivityRef> {
  const rows: { id: string; plan_id: string; region_code: string }[] = await m.query(
    'SELECT pa.id, pa.plan_id, p.region_code FROM plan_activity pa JOIN action_plan p ON p.id = pa.plan_id WHERE pa.id = $1',
    [id],
  );
  if (!rows.length) throw DomainError.notFound('Kegiatan');
  return { id: rows[0].id, planId: rows[0].plan_id, planRegion: rows[0].region_code };
}


async function assertLineFitsPlan(m: EntityManager, line: BudgetLineEntity, activity: ActivityRef): Promise<void> {
  if (line.villageCode && !isWithinRegion(line.villageCode, activity.planRegion)) {
    throw DomainError.invalidField('activityId', 'kegiatan ini milik rencana aksi wilayah lain dari desa baris ini');
  }
  if (line.agencyId) {
    const agency = await m.findOneOrFail(AgencyEntity, { where: { id: line.agencyId } });
    if (!isWithinRegion(agency.regionCode, activity.planRegion) && !isWithinRegion(activity.planRegion, agency.regionCode)) {
      throw DomainError.invalidField('activityId', 'kegiatan ini milik rencana aksi di luar wilayah instansi');
    }
  }
}

async function countingAmount(m: EntityManager, line: BudgetLineEntity): Promise<bigint> {
  const records = await m.find(BudgetLineStageEntity, { where: { lineId: line.id } });
  return latestStage(line.source, records.map((r) => ({ stage: r.stage, amount: r.amount, seq: Number(r.id) })))?.amount ?? 0n;
}

function toClaim(t: AllocationTagEntity): TagClaim {
  return { id: t.id, shareBp: t.shareBp, fixedAmount: t.fixedAmount };
}



function quarters(line: BudgetLineEntity) {
  return {
    q1: line.realisedQ1?.toString() ?? null,
    q2: line.realisedQ2?.toString() ?? null,
    q3: line.realisedQ3?.toString() ?? null,
    q4: line.realisedQ4?.toString() ?? null,
  };
}
