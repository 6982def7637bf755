import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PlanStatus } from '@sinergi/contracts';
import { ActionPlanEntity } from './action-plan.entity';

/** The plan as it was at one workflow transition. Immutable (a trigger refuses UPDATE/DELETE). */
@Entity('plan_snapshot')
@Unique('uq_plan_snapshot_number', ['planId', 'number'])
export class PlanSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_plan_snapshot_plan' })
  plan?: ActionPlanEntity;

  @Column({ type: 'integer' })
  number!: number;

  /** e.g. `draft→consultation`. */
  @Column({ type: 'text' })
  transition!: string;

  @Column({ type: 'text' })
  status!: PlanStatus;

  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
