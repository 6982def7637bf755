import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ProposalKind, ProposalStatus } from '@sinergi/contracts';
import { ActionPlanEntity } from './action-plan.entity';
import { AgencyEntity } from './agency.entity';
import { ConsultationRoundEntity } from './consultation.entity';
import { PlanActivityEntity } from './plan-activity.entity';
import { UserEntity } from './user.entity';

/** A member's proposal: a new activity, or an amendment (changed fields only) to one. */
@Entity('proposal')
@Index('idx_proposal_plan_status', ['planId', 'status'])
@Check('ck_proposal_kind', `kind IN ('new_activity', 'amendment')`)
@Check('ck_proposal_status', `status IN ('open', 'accepted', 'rejected', 'carried_over', 'withdrawn')`)
@Check('ck_proposal_amendment_target', `kind = 'new_activity' OR activity_id IS NOT NULL OR status <> 'open'`)
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_proposal_plan' })
  plan?: ActionPlanEntity;

  @Column({ type: 'text' })
  kind!: ProposalKind;

  @Column({ type: 'uuid', nullable: true })
  activityId!: string | null;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_proposal_activity' })
  activity?: PlanActivityEntity;

  @Column({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  rationale!: string | null;

  @Column({ type: 'text', default: 'open' })
  status!: ProposalStatus;

  @Column({ type: 'uuid' })
  proposerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_proposal_proposer' })
  proposer?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  proposerAgencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposer_agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_proposal_proposer_agency' })
  proposerAgency?: AgencyEntity;

  @Column({ type: 'uuid', nullable: true })
  roundId!: string | null;

  @ManyToOne(() => ConsultationRoundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'round_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_proposal_round' })
  round?: ConsultationRoundEntity;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  carryToYear!: number | null;

  @Column({ type: 'boolean', default: false })
  carryToNextPlan!: boolean;

  /** The activity that acceptance created or changed. */
  @Column({ type: 'uuid', nullable: true })
  resultActivityId!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One endorsement per organisation (agency, or desa for village officials) per proposal. */
@Entity('endorsement')
export class EndorsementEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  /** `agency:<uuid>` or `desa:<region code>`. */
  @PrimaryColumn({ type: 'text' })
  endorserKey!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_endorsement_proposal' })
  proposal?: ProposalEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_endorsement_user' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
