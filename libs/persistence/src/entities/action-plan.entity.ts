import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PlanStatus } from '@sinergi/contracts';
import { RegionEntity } from './region.entity';
import { TaskForceEntity } from './task-force.entity';
import { UserEntity } from './user.entity';

/** A RAD: the action plan of a province or regency for a period of years. */
@Entity('action_plan')
@Index('idx_action_plan_region', ['regionCode'])
@Check('ck_action_plan_status', `status IN ('draft', 'consultation', 'review', 'adopted', 'revision')`)
@Check('ck_action_plan_period', `end_year >= start_year AND end_year - start_year < 10`)
export class ActionPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_action_plan_region' })
  region?: RegionEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'integer' })
  startYear!: number;

  @Column({ type: 'integer' })
  endYear!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  @Column({ type: 'uuid', nullable: true })
  taskForceId!: string | null;

  @ManyToOne(() => TaskForceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'task_force_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_action_plan_task_force' })
  taskForce?: TaskForceEntity;

  /** Pergub/Perbup/Perwali that adopted the plan, set at adoption. */
  @Column({ type: 'text', nullable: true })
  legalBasisNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  legalBasisDate!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_action_plan_created_by' })
  creator?: UserEntity;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
