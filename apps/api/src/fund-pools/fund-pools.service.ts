import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DrawdownStatus,
  DrawdownView,
  FundPoolSummary,
  FundPoolView,
  LedgerEntryView,
  LedgerKind,
  PoolBalances,
  PoolTotals,
  UserView,
} from '@sinergi/contracts';
import {
  applyEntry,
  assertDrawdownMove,
  assertRequestAllowed,
  availableOf,
  basisPointsToPercent,
  canPlanInRegion,
  carryOverAmount,
  DomainError,
  isWithinRegion,
  parseMoney,
  percentToBasisPoints,
  reserveOf,
  ZERO_BALANCES,
  type Balances,
} from '@sinergi/domain';
import { AgencyEntity, FundDrawdownEntity, FundLedgerEntryEntity, FundPoolEntity, RegionEntity } from '@sinergi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { notify, usersOfAgencies } from '../plans/notifications';
import type { ContributionDto, CreatePoolDto, DrawdownDto, PoolQueryDto, SettleDto, UpdatePoolRulesDto } from './fund-pool.dto';
import { movePoolMoney } from './pool-ledger';

/**
 * Tactical fund pools (API-CONTRACT.md "Tactical fund pools", ADR 0007). Reads are open to the
 * task force; writes check who holds, approves or requests. Every movement of money goes through
 * `movePoolMoney`, which keeps the pool's sums and its append-only ledger in step.
 */
@Injectable()
export class FundPoolsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PoolQueryDto): Promise<FundPoolSummary[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.regionCode) {
      params.push(query.regionCode);
      where.push(`(p.region_code = $${params.length} OR p.region_code LIKE $${params.length} || '.%')`);
    }
    if (query.fiscalYear) {
      params.push(query.fiscalYear);
      where.push(`p.fiscal_year = $${params.length}`);
    }
    const rows: PoolRow[] = await this.dataSource.manager.query(`${POOL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.fiscal_year DESC, p.name`, params);
    return rows.map(summary);
  }

  async get(actor: UserView, id: string): Promise<FundPoolView> {
    const rows: PoolRow[] = await this.dataSource.manager.query(`${POOL_SELECT} WHERE p.id = $1`, [id]);
    if (!rows.length) throw DomainError.notFound('Dana taktis');
    const r = rows[0];
    const pool = { holderAgencyId: r.holder_agency_id, regionCode: r.region_code, approver: r.approver, holderRegion: r.holder_region };
    return {
      ...summary(r),
      maxPerDrawdown: r.max_per_drawdown ?? undefined,
      eligibleStrategies: r.eligible_strategies,
      approver: r.approver,
      reservePercent: basisPointsToPercent(r.reserve_bp),
      version: r.version,
      canApprove: mayApprove(actor, pool),
      canRequest: !r.carried_to_pool_id && (actor.role === 'admin' || (actor.role === 'planner' && canPlanInRegion(actor, r.region_code)) || ((actor.role === 'agency' || actor.role === 'member') && !!actor.agencyId)),
      canManage: mayManage(actor, pool),
    };
  }

  async create(actor: UserView, dto: CreatePoolDto, within?: EntityManager): Promise<{ id: string }> {
    return this.inTransaction(within, async (m) => {
      const holder = await m.findOne(AgencyEntity, { where: { id: dto.holderAgencyId } });
      if (!holder) throw DomainError.invalidField('holderAgencyId', 'instansi tidak ditemukan');
      if (!(await m.exists(RegionEntity, { where: { code: dto.regionCode } }))) throw DomainError.invalidField('regionCode', 'wilayah tidak ditemukan');
      if (!isWithinRegion(holder.regionCode, dto.regionCode) && !isWithinRegion(dto.regionCode, holder.regionCode)) {
        throw DomainError.invalidField('holderAgencyId', 'instansi pemegang berada di luar wilayah dana ini');
      }
      if (!mayManage(actor, { holderAgencyId: holder.id, regionCode: dto.regionCode, holderRegion: holder.regionCode })) {
        throw DomainError.forbidden('Dana taktis dibuat oleh perencana Bappeda wilayah ini atau instansi pemegangnya');
      }
      const rules = readRules(dto);
      if (await m.exists(FundPoolEntity, { where: { regionCode: dto.regionCode, fiscalYear: dto.fiscalYear, name: dto.name.trim() } })) {
        throw DomainError.conflict(`Dana "${dto.name.trim()}" tahun ${dto.fiscalYear} sudah ada di wilayah ini`);
      }
      const pool = await m.save(
        FundPoolEntity,
        m.create(FundPoolEntity, { name: dto.name.trim(), holderAgencyId: holder.id, regionCode: dto.regionCode, fiscalYear: dto.fiscalYear, ...rules, createdBy: actor.id }),
      );
      await recordAudit(m, { actorId: actor.id, entity: 'fund_pool', entityId: pool.id, action: 'created', newValue: { name: pool.name, fiscalYear: pool.fiscalYear, holder: holder.shortName } });
      return { id: pool.id };
    });
  }

  async updateRules(actor: UserView, id: string, dto: UpdatePoolRulesDto): Promise<FundPoolView> {
    await this.dataSource.transaction(async (m) => {
      const pool = await lockPool(m, id);
      await this.assertManage(m, actor, pool);
      if (pool.version !== dto.version) {
        throw DomainError.conflict(`Aturan dana ini sudah diubah orang lain (versi ${pool.version}). Muat ulang lalu ulangi.`, { currentVersion: pool.version });
      }
      const before = ruleSnapshot(pool);
      const rules = readRules({ ...ruleInput(pool), ...dto });
      Object.assign(pool, rules);
      await m.save(pool);
      await recordAudit(m, { actorId: actor.id, entity: 'fund_pool', entityId: pool.id, action: 'rules_changed', oldValue: before, newValue: ruleSnapshot(pool) });
    });
    return this.get(actor, id);
  }

  /** POST /api/fund-pools/:id/contributions: money pledged or received, with its source. */
  async contribute(actor: UserView, id: string, dto: ContributionDto, within?: EntityManager): Promise<{ id: string; balances: PoolBalances }> {
    const amount = positive(dto.amount, 'amount');
    return this.inTransaction(within, async (m) => {
      const pool = await lockPool(m, id);
      await this.assertManage(m, actor, pool);
      assertOpen(pool);
      const status = dto.status ?? 'received';
      const moved = await movePoolMoney(m, {
        poolId: id,
        kind: status === 'pledged' ? 'PLEDGE' : 'RECEIPT',
        amount,
        actorId: actor.id,
        sourceType: dto.sourceType,
        contributionStatus: status,
        reference: dto.reference.trim(),
        note: dto.note?.trim() || undefined,
      });
      return { id: moved.entryId, balances: balancesView(moved.balances, pool.reserveBp) };
    });
  }

  /** POST /api/fund-pools/:id/drawdowns: a member asks for money for a plan activity. */
  async request(actor: UserView, poolId: string, dto: DrawdownDto): Promise<{ id: string; status: DrawdownStatus }> {
    const amount = positive(dto.amount, 'amount');
    return this.dataSource.transaction(async (m) => {
      const pool = await m.findOne(FundPoolEntity, { where: { id: poolId } });
      if (!pool) throw DomainError.notFound('Dana taktis');
      assertOpen(pool);
      const agency = await m.findOne(AgencyEntity, { where: { id: dto.requestingAgencyId } });
      if (!agency) throw DomainError.invalidField('requestingAgencyId', 'instansi tidak ditemukan');
      const own = (actor.role === 'agency' || actor.role === 'member') && actor.agencyId === agency.id;
      if (!own && !(actor.role !== 'agency' && actor.role !== 'member' && canPlanInRegion(actor, pool.regionCode))) {
        throw DomainError.forbidden('Anda hanya dapat mengajukan permintaan atas nama instansi Anda sendiri');
      }
      const [activity]: { id: string; strategy_code: number; region_code: string; code: string; title: string }[] = await m.query(
        `SELECT pa.id, pa.strategy_code, p.region_code, pa.strategy_code || '.' || pa.seq AS code, pa.title
           FROM plan_activity pa JOIN action_plan p ON p.id = pa.plan_id WHERE pa.id = $1`,
        [dto.activityId],
      );
      if (!activity) throw DomainError.invalidField('activityId', 'kegiatan tidak ditemukan');
      if (!isWithinRegion(activity.region_code, pool.regionCode) && !isWithinRegion(pool.regionCode, activity.region_code)) {
        throw DomainError.invalidField('activityId', 'kegiatan ini milik rencana aksi di luar wilayah dana');
      }
      assertRequestAllowed({ maxPerDrawdown: pool.maxPerDrawdown, eligibleStrategies: pool.eligibleStrategies }, amount, activity.strategy_code);
      const drawdown = await m.save(
        FundDrawdownEntity,
        m.create(FundDrawdownEntity, {
          poolId,
          activityId: activity.id,
          requestingAgencyId: agency.id,
          amount,
          purpose: dto.purpose.trim(),
          beneficiaryNote: dto.beneficiaryNote?.trim() || null,
          emergency: dto.emergency ?? false,
          status: 'requested',
          requestedBy: actor.id,
        }),
      );
      await recordAudit(m, { actorId: actor.id, entity: 'fund_drawdown', entityId: drawdown.id, action: 'requested', newValue: { amount: amount.toString(), activity: activity.code } });
      await notify(m, await usersOfAgencies(m, [pool.holderAgencyId]), {
        kind: 'drawdown_requested',
        title: `Permintaan dana taktis dari ${agency.shortName || agency.name}`,
        body: `${activity.code} ${activity.title}: ${amount.toString()}`,
        link: `/dana-taktis/${poolId}`,
      });
      return { id: drawdown.id, status: drawdown.status };
    });
  }

  /** Approval commits the money: 422 INSUFFICIENT_FUNDS when the pool cannot cover it. */
  async approve(actor: UserView, id: string): Promise<{ status: DrawdownStatus }> {
    return this.decide(actor, id, 'approved', async (m, d) => {
      await movePoolMoney(m, { poolId: d.poolId, kind: 'COMMIT', amount: d.amount, actorId: actor.id, drawdownId: d.id, keepReserve: !d.emergency });
    });
  }

  async reject(actor: UserView, id: string, reason: string): Promise<{ status: DrawdownStatus }> {
    return this.decide(actor, id, 'rejected', async (_m, d) => {
      d.rejectReason = reason.trim();
    });
  }

  async disburse(actor: UserView, id: string): Promise<{ status: DrawdownStatus }> {
    return this.decide(actor, id, 'disbursed', async (m, d) => {
      await movePoolMoney(m, { poolId: d.poolId, kind: 'DISBURSE', amount: d.amount, actorId: actor.id, drawdownId: d.id });
    });
  }

  async settle(actor: UserView, id: string, dto: SettleDto, file?: { name: string; bytes: Buffer }): Promise<{ status: DrawdownStatus }> {
    return this.decide(actor, id, 'settled', async (_m, d) => {
      d.proofDocumentNumber = dto.documentNumber.trim();
      d.proofDate = dto.date;
      d.proofFileName = file?.name ?? null;
      d.proofFile = file?.bytes ?? null;
    });
  }

  /**
   * Cancelling: the requester withdraws a request not yet decided; the approver cancels an
   * approved one, which releases the committed money.
   */
  async cancel(actor: UserView, id: string): Promise<{ status: DrawdownStatus }> {
    return this.dataSource.transaction(async (m) => {
      const d = await lockDrawdown(m, id);
      const pool = await lockPool(m, d.poolId);
      assertDrawdownMove(d.status, 'cancelled');
      const requester = (actor.role === 'agency' || actor.role === 'member') && actor.agencyId === d.requestingAgencyId;
      const approver = mayApprove(actor, { ...pool, holderRegion: undefined });
      if (!(approver || (requester && d.status === 'requested'))) {
        throw DomainError.forbidden('Hanya peminta (sebelum diputuskan) atau pemberi persetujuan yang dapat membatalkan');
      }
      if (d.status === 'approved') await movePoolMoney(m, { poolId: d.poolId, kind: 'RELEASE', amount: d.amount, actorId: actor.id, drawdownId: d.id });
      const from = d.status;
      d.status = 'cancelled';
      await m.save(d);
      await recordAudit(m, { actorId: actor.id, entity: 'fund_drawdown', entityId: d.id, action: 'cancelled', oldValue: { status: from }, newValue: { status: 'cancelled' } });
      return { status: d.status };
    });
  }

  /** A correction: a REVERSAL entry undoing a pledge, a receipt or a disbursement (a refund). */
  async reverse(actor: UserView, poolId: string, entryId: string, note: string): Promise<{ id: string; balances: PoolBalances }> {
    return this.dataSource.transaction(async (m) => {
      const pool = await lockPool(m, poolId);
      await this.assertManage(m, actor, pool);
      const entry = await m.findOne(FundLedgerEntryEntity, { where: { id: entryId, poolId } });
      if (!entry) throw DomainError.notFound('Entri buku kas');
      if (!['PLEDGE', 'RECEIPT', 'DISBURSE'].includes(entry.kind)) {
        throw DomainError.invalidField('entryId', 'hanya janji, penerimaan dan pencairan yang dapat dibalik');
      }
      if (await m.exists(FundLedgerEntryEntity, { where: { reversesEntryId: entry.id } })) throw DomainError.conflict('Entri ini sudah dibalik');
      const moved = await movePoolMoney(m, {
        poolId,
        kind: 'REVERSAL',
        amount: entry.amount,
        actorId: actor.id,
        reverses: { id: entry.id, kind: entry.kind },
        drawdownId: entry.drawdownId ?? undefined,
        note: note.trim(),
      });
      return { id: moved.entryId, balances: balancesView(moved.balances, pool.reserveBp) };
    });
  }

  /**
   * Year end: the available balance moves into next year's pool (created with the same name,
   * holder and rules when there is none). Commitments stay and are paid from this year's pool;
   * afterwards the pool takes no new contributions or requests.
   */
  async carryOver(actor: UserView, poolId: string): Promise<{ poolId: string; amount: string }> {
    return this.dataSource.transaction(async (m) => {
      const pool = await lockPool(m, poolId);
      await this.assertManage(m, actor, pool);
      assertOpen(pool);
      const open = await m.count(FundDrawdownEntity, { where: { poolId, status: 'requested' } });
      if (open) throw DomainError.conflict(`Masih ada ${open} permintaan yang belum diputuskan; putuskan dahulu sebelum tutup tahun`);
      let next = await m.findOne(FundPoolEntity, { where: { regionCode: pool.regionCode, fiscalYear: pool.fiscalYear + 1, name: pool.name } });
      next ??= await m.save(
        FundPoolEntity,
        m.create(FundPoolEntity, {
          name: pool.name,
          holderAgencyId: pool.holderAgencyId,
          regionCode: pool.regionCode,
          fiscalYear: pool.fiscalYear + 1,
          maxPerDrawdown: pool.maxPerDrawdown,
          eligibleStrategies: pool.eligibleStrategies,
          approver: pool.approver,
          reserveBp: pool.reserveBp,
          createdBy: actor.id,
        }),
      );
      const amount = carryOverAmount(pool);
      if (amount > 0n) {
        await movePoolMoney(m, { poolId, kind: 'CARRY_OUT', amount, actorId: actor.id, counterpartPoolId: next.id, note: `ke tahun ${next.fiscalYear}` });
        await movePoolMoney(m, { poolId: next.id, kind: 'CARRY_IN', amount, actorId: actor.id, counterpartPoolId: pool.id, note: `dari tahun ${pool.fiscalYear}` });
      }
      await m.update(FundPoolEntity, { id: pool.id }, { carriedToPoolId: next.id });
      await recordAudit(m, { actorId: actor.id, entity: 'fund_pool', entityId: pool.id, action: 'carried_over', newValue: { to: next.id, amount: amount.toString() } });
      return { poolId: next.id, amount: amount.toString() };
    });
  }

  async drawdowns(poolId: string, filter: { status?: DrawdownStatus; requestingAgencyId?: string }): Promise<DrawdownView[]> {
    if (!(await this.dataSource.manager.exists(FundPoolEntity, { where: { id: poolId } }))) throw DomainError.notFound('Dana taktis');
    const params: unknown[] = [poolId];
    let where = 'd.pool_id = $1';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND d.status = $${params.length}`;
    }
    if (filter.requestingAgencyId) {
      params.push(filter.requestingAgencyId);
      where += ` AND d.requesting_agency_id = $${params.length}`;
    }
    const rows: DrawdownRow[] = await this.dataSource.manager.query(`${DRAWDOWN_SELECT} WHERE ${where} ORDER BY d.created_at DESC`, params);
    return rows.map(drawdownView);
  }

  async drawdown(id: string): Promise<DrawdownView> {
    const rows: DrawdownRow[] = await this.dataSource.manager.query(`${DRAWDOWN_SELECT} WHERE d.id = $1`, [id]);
    if (!rows.length) throw DomainError.notFound('Permintaan dana');
    return drawdownView(rows[0]);
  }

  async proofFile(id: string): Promise<{ name: string; bytes: Buffer }> {
    const d = await this.dataSource.manager.findOne(FundDrawdownEntity, { where: { id }, select: { id: true, proofFileName: true, proofFile: true } });
    if (!d?.proofFile || !d.proofFileName) throw DomainError.notFound('Berkas bukti');
    return { name: d.proofFileName, bytes: d.proofFile };
  }

  /** The ledger, oldest first, with the balances after each entry (a statement). */
  async ledger(poolId: string): Promise<LedgerEntryView[]> {
    const m = this.dataSource.manager;
    const pool = await m.findOne(FundPoolEntity, { where: { id: poolId } });
    if (!pool) throw DomainError.notFound('Dana taktis');
    const rows: {
      id: string;
      kind: LedgerKind;
      amount: string;
      at: Date;
      email: string | null;
      drawdown_id: string | null;
      source_type: LedgerEntryView['sourceType'] | null;
      reference: string | null;
      note: string | null;
      reverses_entry_id: string | null;
      reverses_kind: LedgerKind | null;
      reversed_by: string | null;
    }[] = await m.query(
      `SELECT e.id::text AS id, e.kind, e.amount::text AS amount, e.at, u.email, e.drawdown_id, e.source_type, e.reference, e.note,
              e.reverses_entry_id::text AS reverses_entry_id, r.kind AS reverses_kind, rb.id::text AS reversed_by
         FROM fund_ledger_entry e
         LEFT JOIN app_user u ON u.id = e.actor_id
         LEFT JOIN fund_ledger_entry r ON r.id = e.reverses_entry_id
         LEFT JOIN fund_ledger_entry rb ON rb.reverses_entry_id = e.id
        WHERE e.pool_id = $1 ORDER BY e.id`,
      [poolId],
    );
    let balances: Balances = ZERO_BALANCES;
    return rows.map((r) => {
      balances = applyEntry(balances, { kind: r.kind, amount: BigInt(r.amount), reverses: r.reverses_kind ?? undefined });
      return {
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        at: r.at.toISOString(),
        actorEmail: r.email ?? undefined,
        drawdownId: r.drawdown_id ?? undefined,
        sourceType: r.source_type ?? undefined,
        reference: r.reference ?? undefined,
        note: r.note ?? undefined,
        reversesEntryId: r.reverses_entry_id ?? undefined,
        reversedBy: r.reversed_by ?? undefined,
        balances: balancesView(balances, pool.reserveBp),
      };
    });
  }

  /** Committed and disbursed money per activity and per requesting agency. */
  async totals(poolId: string): Promise<PoolTotals> {
    const m = this.dataSource.manager;
    if (!(await m.exists(FundPoolEntity, { where: { id: poolId } }))) throw DomainError.notFound('Dana taktis');
    const byActivity: { activity_id: string; code: string; title: string; committed: string; disbursed: string }[] = await m.query(
      `SELECT d.activity_id, pa.strategy_code || '.' || pa.seq AS code, pa.title,
              coalesce(sum(d.amount) FILTER (WHERE d.status = 'approved'), 0)::text AS committed,
              coalesce(sum(d.amount) FILTER (WHERE d.status IN ('disbursed', 'settled')), 0)::text AS disbursed
         FROM fund_drawdown d JOIN plan_activity pa ON pa.id = d.activity_id
        WHERE d.pool_id = $1 GROUP BY d.activity_id, pa.strategy_code, pa.seq, pa.title ORDER BY pa.strategy_code, pa.seq`,
      [poolId],
    );
    const byAgency: { agency_id: string; name: string; requested: number; committed: string; disbursed: string }[] = await m.query(
      `SELECT d.requesting_agency_id AS agency_id, a.name, count(*)::int AS requested,
              coalesce(sum(d.amount) FILTER (WHERE d.status = 'approved'), 0)::text AS committed,
              coalesce(sum(d.amount) FILTER (WHERE d.status IN ('disbursed', 'settled')), 0)::text AS disbursed
         FROM fund_drawdown d JOIN agency a ON a.id = d.requesting_agency_id
        WHERE d.pool_id = $1 GROUP BY d.requesting_agency_id, a.name ORDER BY a.name`,
      [poolId],
    );
    return {
      byActivity: byActivity.map((r) => ({ activityId: r.activity_id, code: r.code, title: r.title, committed: r.committed, disbursed: r.disbursed })),
      byAgency: byAgency.map((r) => ({ agencyId: r.agency_id, name: r.name, requested: r.requested, committed: r.committed, disbursed: r.disbursed })),
    };
  }

  /** Runs in the caller's transaction (the demo seed) or a new one. */
  private inTransaction<T>(within: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : this.dataSource.transaction(work);
  }

  // ---- internals ------------------------------------------------------------------------------

  /** The approver's decisions: approve, reject, disburse, settle; each with its own ledger effect. */
  private async decide(
    actor: UserView,
    id: string,
    to: DrawdownStatus,
    effect: (m: EntityManager, d: FundDrawdownEntity) => Promise<void>,
  ): Promise<{ status: DrawdownStatus }> {
    return this.dataSource.transaction(async (m) => {
      const d = await lockDrawdown(m, id);
      const pool = await m.findOneOrFail(FundPoolEntity, { where: { id: d.poolId } });
      if (!mayApprove(actor, pool)) {
        throw DomainError.forbidden('Hanya instansi pemegang dana (atau perencana/admin sesuai aturan dana) yang memutuskan permintaan');
      }
      assertDrawdownMove(d.status, to);
      await effect(m, d);
      const from = d.status;
      d.status = to;
      if (to === 'approved' || to === 'rejected') {
        d.decidedBy = actor.id;
        d.decidedAt = new Date();
      }
      await m.save(d);
      await recordAudit(m, { actorId: actor.id, entity: 'fund_drawdown', entityId: d.id, action: to, oldValue: { status: from }, newValue: { status: to, reason: d.rejectReason ?? undefined } });
      if (to === 'approved' || to === 'rejected') {
        await notify(m, await usersOfAgencies(m, [d.requestingAgencyId]), {
          kind: `drawdown_${to}`,
          title: to === 'approved' ? 'Permintaan dana taktis disetujui' : 'Permintaan dana taktis ditolak',
          body: to === 'approved' ? `${d.amount.toString()} untuk: ${d.purpose}` : `Alasan: ${d.rejectReason ?? ''}`,
          link: `/dana-taktis/${d.poolId}`,
        });
      }
      return { status: d.status };
    });
  }

  private async assertManage(m: EntityManager, actor: UserView, pool: FundPoolEntity): Promise<void> {
    const holder = await m.findOneOrFail(AgencyEntity, { where: { id: pool.holderAgencyId } });
    if (!mayManage(actor, { holderAgencyId: pool.holderAgencyId, regionCode: pool.regionCode, holderRegion: holder.regionCode })) {
      throw DomainError.forbidden('Hanya instansi pemegang dana atau perencana Bappeda wilayah ini yang mengelola dana ini');
    }
  }
}

// ---- rules of who may do what --------------------------------------------------------------

interface PoolScope {
  holderAgencyId: string;
  regionCode: string;
  approver?: FundPoolEntity['approver'];
  holderRegion?: string;
}

/** Holder staff, the region's planners and admins manage a pool (rules, contributions, corrections). */
function mayManage(actor: UserView, pool: PoolScope): boolean {
  if (actor.role === 'agency') return actor.agencyId === pool.holderAgencyId;
  return canPlanInRegion(actor, pool.regionCode);
}

/** Who decides on requests, by the pool's rule: the holder, the planners, or either. Admins always. */
function mayApprove(actor: UserView, pool: PoolScope): boolean {
  if (actor.role === 'admin') return true;
  const rule = pool.approver ?? 'holder_or_planner';
  if (actor.role === 'agency' && actor.agencyId === pool.holderAgencyId) return rule !== 'planner';
  if (actor.role === 'planner' && canPlanInRegion(actor, pool.regionCode)) return rule !== 'holder';
  return false;
}

// ---- helpers ----------------------------------------------------------------------------------

async function lockPool(m: EntityManager, id: string): Promise<FundPoolEntity> {
  const pool = await m.findOne(FundPoolEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!pool) throw DomainError.notFound('Dana taktis');
  return pool;
}

async function lockDrawdown(m: EntityManager, id: string): Promise<FundDrawdownEntity> {
  const d = await m.findOne(FundDrawdownEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!d) throw DomainError.notFound('Permintaan dana');
  return d;
}

function assertOpen(pool: FundPoolEntity): void {
  if (pool.carriedToPoolId) throw DomainError.conflict('Dana ini sudah ditutup dan sisanya dipindahkan ke tahun berikutnya');
}

function positive(value: unknown, field: string): bigint {
  const amount = parseMoney(value, field);
  if (amount === 0n) throw DomainError.invalidField(field, 'harus lebih dari 0');
  return amount;
}

interface RuleInput {
  maxPerDrawdown?: string | number | null;
  eligibleStrategies?: number[];
  approver?: FundPoolEntity['approver'];
  reservePercent?: number;
}

function readRules(dto: RuleInput): Pick<FundPoolEntity, 'maxPerDrawdown' | 'eligibleStrategies' | 'approver' | 'reserveBp'> {
  const max = dto.maxPerDrawdown === undefined || dto.maxPerDrawdown === null || dto.maxPerDrawdown === '' ? null : positive(dto.maxPerDrawdown, 'maxPerDrawdown');
  const strategies = [...new Set(dto.eligibleStrategies ?? [])].sort();
  strategies.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1 || s > 6) throw DomainError.invalidField(`eligibleStrategies.${i}`, 'kode strategi RAN 1–6');
  });
  const reserveBp = dto.reservePercent === undefined || dto.reservePercent === 0 ? 0 : percentToBasisPoints(dto.reservePercent, 'reservePercent');
  return { maxPerDrawdown: max, eligibleStrategies: strategies, approver: dto.approver ?? 'holder_or_planner', reserveBp };
}

function ruleInput(pool: FundPoolEntity): RuleInput {
  return {
    maxPerDrawdown: pool.maxPerDrawdown?.toString() ?? null,
    eligibleStrategies: pool.eligibleStrategies,
    approver: pool.approver,
    reservePercent: basisPointsToPercent(pool.reserveBp),
  };
}

function ruleSnapshot(pool: FundPoolEntity) {
  return { maxPerDrawdown: pool.maxPerDrawdown?.toString() ?? null, eligibleStrategies: pool.eligibleStrategies, approver: pool.approver, reserveBp: pool.reserveBp };
}

function balancesView(b: Balances, reserveBp: number): PoolBalances {
  // The reserve is a floor on `available` for ordinary requests; what is shown is the part of
  // `available` it still protects (after emergencies or a carry-over it can be less).
  const available = availableOf(b);
  const reserve = reserveOf(b, reserveBp);
  return {
    expected: b.pledged.toString(),
    received: b.received.toString(),
    committed: b.committed.toString(),
    disbursed: b.disbursed.toString(),
    available: available.toString(),
    reserve: (reserve < available ? reserve : available).toString(),
  };
}

interface PoolRow {
  id: string;
  name: string;
  holder_agency_id: string;
  holder_name: string;
  holder_region: string;
  region_code: string;
  region_name: string;
  fiscal_year: number;
  max_per_drawdown: string | null;
  eligible_strategies: number[];
  approver: FundPoolEntity['approver'];
  reserve_bp: number;
  pledged: string;
  received: string;
  committed: string;
  disbursed: string;
  carried_to_pool_id: string | null;
  open_requests: number;
  version: number;
}

const POOL_SELECT = `
  SELECT p.id, p.name, p.holder_agency_id, a.name AS holder_name, a.region_code AS holder_region, p.region_code, r.name AS region_name,
         p.fiscal_year, p.max_per_drawdown::text AS max_per_drawdown, p.eligible_strategies, p.approver, p.reserve_bp,
         p.pledged::text AS pledged, p.received::text AS received, p.committed::text AS committed, p.disbursed::text AS disbursed,
         p.carried_to_pool_id, p.version,
         (SELECT count(*)::int FROM fund_drawdown d WHERE d.pool_id = p.id AND d.status = 'requested') AS open_requests
    FROM fund_pool p JOIN agency a ON a.id = p.holder_agency_id JOIN region r ON r.code = p.region_code`;

function summary(r: PoolRow): FundPoolSummary {
  const b = { pledged: BigInt(r.pledged), received: BigInt(r.received), committed: BigInt(r.committed), disbursed: BigInt(r.disbursed) };
  return {
    id: r.id,
    name: r.name,
    holderAgencyId: r.holder_agency_id,
    holderAgencyName: r.holder_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    fiscalYear: r.fiscal_year,
    openRequests: r.open_requests,
    carriedToPoolId: r.carried_to_pool_id ?? undefined,
    ...balancesView(b, r.reserve_bp),
  };
}

interface DrawdownRow {
  id: string;
  pool_id: string;
  activity_id: string;
  activity_code: string;
  activity_title: string;
  requesting_agency_id: string;
  agency_name: string;
  amount: string;
  purpose: string;
  beneficiary_note: string | null;
  emergency: boolean;
  status: DrawdownStatus;
  reject_reason: string | null;
  proof_document_number: string | null;
  proof_date: string | null;
  proof_file_name: string | null;
  requested_by: string | null;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  version: number;
}

const DRAWDOWN_SELECT = `
  SELECT d.id, d.pool_id, d.activity_id, pa.strategy_code || '.' || pa.seq AS activity_code, pa.title AS activity_title,
         d.requesting_agency_id, a.name AS agency_name, d.amount::text AS amount, d.purpose, d.beneficiary_note, d.emergency, d.status,
         d.reject_reason, d.proof_document_number, to_char(d.proof_date, 'YYYY-MM-DD') AS proof_date, d.proof_file_name,
         ru.email AS requested_by, d.created_at, du.email AS decided_by, d.decided_at, d.version
    FROM fund_drawdown d
    JOIN plan_activity pa ON pa.id = d.activity_id
    JOIN agency a ON a.id = d.requesting_agency_id
    LEFT JOIN app_user ru ON ru.id = d.requested_by
    LEFT JOIN app_user du ON du.id = d.decided_by`;

function drawdownView(r: DrawdownRow): DrawdownView {
  return {
    id: r.id,
    poolId: r.pool_id,
    activityId: r.activity_id,
    activityCode: r.activity_code,
    activityTitle: r.activity_title,
    requestingAgencyId: r.requesting_agency_id,
    requestingAgencyName: r.agency_name,
    amount: r.amount,
    purpose: r.purpose,
    beneficiaryNote: r.beneficiary_note ?? undefined,
    emergency: r.emergency,
    status: r.status,
    rejectReason: r.reject_reason ?? undefined,
    proof: r.proof_document_number ? { documentNumber: r.proof_document_number, date: r.proof_date ?? '', fileName: r.proof_file_name ?? undefined } : undefined,
    requestedBy: r.requested_by ?? undefined,
    requestedAt: r.created_at.toISOString(),
    decidedBy: r.decided_by ?? undefined,
    decidedAt: r.decided_at?.toISOString(),
    version: r.version,
  };
}

