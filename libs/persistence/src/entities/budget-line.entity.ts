import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import type { BudgetSource, BudgetStage } from '@sinergi/contracts';
import { moneyTransformer } from '../money-transformer';
import { AgencyEntity } from './agency.entity';
import { CatalogVersionEntity } from './catalog-version.entity';
import { PlanActivityEntity } from './plan-activity.entity';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

/**
 * A real line of a budget document: an agency's APBD line (sub kegiatan + account code), a desa's
 * APBDes line (kegiatan + fund source), or national/third-party money. Its amount is not a column:
 * it is the latest of its stage records (ADR 0006), so a DPA never overwrites the RKA it follows.
 */
@Entity('budget_line')
@Unique('uq_budget_line_key', ['lineKey'])
@Index('idx_budget_line_agency_year', ['agencyId', 'fiscalYear'])
@Index('idx_budget_line_village_year', ['villageCode', 'fiscalYear'])
@Check('ck_budget_line_source', `source IN ('APBD', 'APBDES', 'APBN', 'OTHER')`)
@Check(
  'ck_budget_line_owner',
  `(source = 'APBD' AND agency_id IS NOT NULL AND village_code IS NULL AND budget_code <> '')
   OR (source = 'APBDES' AND village_code IS NOT NULL AND agency_id IS NULL AND budget_code <> '' AND fund_source <> '')
   OR (source IN ('APBN', 'OTHER') AND funder IS NOT NULL AND village_code IS NULL)`,
)
export class BudgetLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: BudgetSource;

  @Column({ type: 'integer' })
  fiscalYear!: number;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_line_agency' })
  agency?: AgencyEntity;

  @Column({ type: 'text', nullable: true })
  villageCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_budget_line_village' })
  village?: RegionEntity;

  @Column({ type: 'text', nullable: true })
  funder!: string | null;

  /** Canonical spelling (`1.06.03.2.01.0003`, `4.4.02`); '' for APBN/other money. */
  @Column({ type: 'text', default: '' })
  budgetCode!: string;

  /** The catalogue version the code was found in: a line keeps its code when the list changes. */
  @Column({ type: 'uuid', nullable: true })
  catalogVersionId!: string | null;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_line_catalog_version' })
  catalogVersion?: CatalogVersionEntity;

  /** Canonical account code (`5.1.02.01.01.0024`), '' when not given. */
  @Column({ type: 'text', default: '' })
  accountCode!: string;

  /** The account code as written when it was spelled differently (3-digit, SIPD-RI). */
  @Column({ type: 'text', nullable: true })
  accountCodeOriginal!: string | null;

  @Column({ type: 'text', default: '' })
  fundSource!: string;

  /** source|owner|year|code|account|fund source: one line per real line (lineKey in libs/domain). */
  @Column({ type: 'text' })
  lineKey!: string;

  /** Set when a crosswalk moved the line to a new code: the code it had before. */
  @Column({ type: 'text', nullable: true })
  migratedFromCode!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  realisedQ1!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  realisedQ2!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  realisedQ3!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  realisedQ4!: bigint | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_line_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}

/** One recorded stage value of a line. Append-only (trigger): corrections are new records. */
@Entity('budget_line_stage')
@Index('idx_budget_line_stage_line', ['lineId'])
@Check('ck_budget_line_stage_stage', `stage IN ('RKA', 'DPA', 'DPPA', 'RKPDES', 'APBDES', 'APBDES_P', 'COMMITTED')`)
@Check('ck_budget_line_stage_amount', `amount >= 0`)
export class BudgetLineStageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  lineId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_line_stage_line' })
  line?: BudgetLineEntity;

  /** Rank of the stage within its source (RKA 0, DPA 1, DPPA 2): the latest is the highest rank, then the newest id. */
  @Column({ type: 'smallint' })
  rank!: number;

  @Column({ type: 'text' })
  stage!: BudgetStage;

  @Column({ type: 'bigint', transformer: moneyTransformer })
  amount!: bigint;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_line_stage_recorded_by' })
  recorder?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

/** A tag: a line, or a share of it, funds a plan activity. Either a share in basis points or a fixed sum. */
@Entity('allocation_tag')
@Unique('uq_allocation_tag_line_activity', ['lineId', 'activityId'])
@Index('idx_allocation_tag_activity', ['activityId'])
@Check('ck_allocation_tag_claim', `(share_bp IS NOT NULL AND fixed_amount IS NULL AND share_bp BETWEEN 1 AND 10000) OR (share_bp IS NULL AND fixed_amount > 0)`)
export class AllocationTagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  lineId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'line_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_allocation_tag_line' })
  line?: BudgetLineEntity;

  @Column({ type: 'uuid' })
  activityId!: string;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_allocation_tag_activity' })
  activity?: PlanActivityEntity;

  @Column({ type: 'integer', nullable: true })
  shareBp!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer })
  fixedAmount!: bigint | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_allocation_tag_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
