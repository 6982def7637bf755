import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import type { ContributionStatus, DrawdownStatus, LedgerKind, PoolApprover, PoolSourceType } from '@sinergi/contracts';
import { moneyTransformer } from '../money-transformer';
import { AgencyEntity } from './agency.entity';
import { PlanActivityEntity } from './plan-activity.entity';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

/**
 * A tactical fund pool. The four sums are the ledger's running totals, kept on the row so that an
 * approval is one conditional UPDATE under the row lock, and a CHECK constraint makes a negative
 * available balance impossible whatever the application does (ADR 0007).
 */
@Entity('fund_pool')
@Unique('uq_fund_pool_name_year', ['regionCode', 'fiscalYear', 'name'])
@Check('ck_fund_pool_available', `received - committed - disbursed >= 0`)
@Check('ck_fund_pool_sums', `pledged >= 0 AND received >= 0 AND committed >= 0 AND disbursed >= 0`)
@Check('ck_fund_pool_reserve', `reserve_bp BETWEEN 0 AND 10000`)
@Check('ck_fund_pool_approver', `approver IN ('holder', 'planner', 'holder_or_planner')`)
export class FundPoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  holderAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_pool_holder' })
  holder?: AgencyEntity;

  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_fund_pool_region' })
  region?: RegionEntity;

  @Column({ type: 'integer' })
  fiscalYear!: number;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  maxPerDrawdown!: bigint | null;

  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  eligibleStrategies!: number[];

  @Column({ type: 'text', default: 'holder_or_planner' })
  approver!: PoolApprover;

  @Column({ type: 'integer', default: 0 })
  reserveBp!: number;

  @Column({ type: 'bigint', default: 0, transformer: moneyTransformer })
  pledged!: bigint;

  @Column({ type: 'bigint', default: 0, transformer: moneyTransformer })
  received!: bigint;

  @Column({ type: 'bigint', default: 0, transformer: moneyTransformer })
  committed!: bigint;

  @Column({ type: 'bigint', default: 0, transformer: moneyTransformer })
  disbursed!: bigint;

  /** Set at year end when the available balance moved to next year's pool. */
  @Column({ type: 'uuid', nullable: true })
  carriedToPoolId!: string | null;

  @ManyToOne(() => FundPoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_to_pool_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_pool_carried_to' })
  carriedTo?: FundPoolEntity;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_pool_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}

/** A request to draw on a pool for a plan activity. */
@Entity('fund_drawdown')
@Index('idx_fund_drawdown_pool', ['poolId', 'status'])
@Index('idx_fund_drawdown_activity', ['activityId'])
@Check('ck_fund_drawdown_status', `status IN ('requested', 'approved', 'rejected', 'disbursed', 'settled', 'cancelled')`)
@Check('ck_fund_drawdown_amount', `amount > 0`)
export class FundDrawdownEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  poolId!: string;

  @ManyToOne(() => FundPoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pool_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_drawdown_pool' })
  pool?: FundPoolEntity;

  @Column({ type: 'uuid' })
  activityId!: string;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_drawdown_activity' })
  activity?: PlanActivityEntity;

  @Column({ type: 'uuid' })
  requestingAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requesting_agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_drawdown_agency' })
  requestingAgency?: AgencyEntity;

  @Column({ type: 'bigint', transformer: moneyTransformer })
  amount!: bigint;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text', nullable: true })
  beneficiaryNote!: string | null;

  @Column({ type: 'boolean', default: false })
  emergency!: boolean;

  @Column({ type: 'text', default: 'requested' })
  status!: DrawdownStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'text', nullable: true })
  proofDocumentNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  proofDate!: string | null;

  @Column({ type: 'text', nullable: true })
  proofFileName!: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  proofFile!: Buffer | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_drawdown_requested_by' })
  requester?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_drawdown_decided_by' })
  decider?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}

/** One movement of a pool. Append-only (trigger): a correction is a REVERSAL entry. */
@Entity('fund_ledger_entry')
@Index('idx_fund_ledger_pool', ['poolId'])
@Unique('uq_fund_ledger_reverses', ['reversesEntryId'])
@Check('ck_fund_ledger_kind', `kind IN ('PLEDGE', 'RECEIPT', 'COMMIT', 'RELEASE', 'DISBURSE', 'REVERSAL', 'CARRY_OUT', 'CARRY_IN')`)
@Check('ck_fund_ledger_amount', `amount > 0`)
@Check('ck_fund_ledger_contribution_status', `contribution_status IS NULL OR contribution_status IN ('pledged', 'received')`)
export class FundLedgerEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  poolId!: string;

  @ManyToOne(() => FundPoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pool_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_ledger_pool' })
  pool?: FundPoolEntity;

  @Column({ type: 'text' })
  kind!: LedgerKind;

  @Column({ type: 'bigint', transformer: moneyTransformer })
  amount!: bigint;

  @Column({ type: 'uuid', nullable: true })
  drawdownId!: string | null;

  @ManyToOne(() => FundDrawdownEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'drawdown_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_ledger_drawdown' })
  drawdown?: FundDrawdownEntity;

  /** For contributions: where the money comes from, and whether it is promised or in hand. */
  @Column({ type: 'text', nullable: true })
  sourceType!: PoolSourceType | null;

  @Column({ type: 'text', nullable: true })
  contributionStatus!: ContributionStatus | null;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'bigint', nullable: true })
  reversesEntryId!: string | null;

  @ManyToOne(() => FundLedgerEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverses_entry_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_ledger_reverses' })
  reverses?: FundLedgerEntryEntity;

  /** The other pool of a carry-over (CARRY_OUT → next year's, CARRY_IN → last year's). */
  @Column({ type: 'uuid', nullable: true })
  counterpartPoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_ledger_actor' })
  actor?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
