import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ActivityPriority, ActivityStatus } from '@sinergi/contracts';
import { moneyTransformer } from '../money-transformer';
import { ActionPlanEntity } from './action-plan.entity';
import { AgencyEntity } from './agency.entity';
import { RegionEntity } from './region.entity';
import { StrategyEntity } from './strategy.entity';

/** One kegiatan of a RAD; its code is `strategy.seq` (e.g. `3.2`), stable once given. */
@Entity('plan_activity')
@Unique('uq_plan_activity_code', ['planId', 'strategyCode', 'seq'])
@Index('idx_plan_activity_lead_agency', ['leadAgencyId'])
@Check('ck_plan_activity_priority', `priority IN ('high', 'medium', 'low')`)
@Check('ck_plan_activity_status', `status IN ('active', 'deferred', 'dropped')`)
export class PlanActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_plan' })
  plan?: ActionPlanEntity;

  @Column({ type: 'integer' })
  strategyCode!: number;

  @ManyToOne(() => StrategyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategy_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_plan_activity_strategy' })
  strategy?: StrategyEntity;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  output!: string | null;

  @Column({ type: 'text', nullable: true })
  indicator!: string | null;

  @Column({ type: 'text', nullable: true })
  unit!: string | null;

  @Column({ type: 'text', nullable: true })
  baseline!: string | null;

  @Column({ type: 'uuid' })
  leadAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_lead_agency' })
  leadAgency?: AgencyEntity;

  /** Target per year, `{ "2026": "12" }`: decimal text, not money. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  targets!: Record<string, string>;

  @Column({ type: 'text', default: 'medium' })
  priority!: ActivityPriority;

  @Column({ type: 'text', default: 'active' })
  status!: ActivityStatus;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The money an activity needs in one fiscal year (the plan's side of the gap). */
@Entity('plan_activity_cost')
@Check('ck_plan_activity_cost_amount', `amount >= 0`)
export class PlanActivityCostEntity {
  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @PrimaryColumn({ type: 'integer' })
  fiscalYear!: number;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_cost_activity' })
  activity?: PlanActivityEntity;

  @Column({ type: 'bigint', transformer: moneyTransformer })
  amount!: bigint;
}

/** Supporting agencies (instansi terkait) of an activity. */
@Entity('plan_activity_agency')
export class PlanActivityAgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_agency_activity' })
  activity?: PlanActivityEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_agency_agency' })
  agency?: AgencyEntity;
}

/** Where an activity happens: regions down to desa. */
@Entity('plan_activity_location')
@Index('idx_plan_activity_location_region', ['regionCode'])
export class PlanActivityLocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  activityId!: string;

  @PrimaryColumn({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_activity_location_activity' })
  activity?: PlanActivityEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_plan_activity_location_region' })
  region?: RegionEntity;
}
