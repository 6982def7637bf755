import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ActionPlanEntity } from './action-plan.entity';
import { AgencyEntity } from './agency.entity';

/** A consultation round on a draft plan, with the member agencies invited to it. */
@Entity('consultation_round')
@Unique('uq_consultation_round_number', ['planId', 'number'])
@Check('ck_consultation_round_dates', `closes_on >= opens_on`)
@Check('ck_consultation_round_status', `status IN ('open', 'closed')`)
export class ConsultationRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_consultation_round_plan' })
  plan?: ActionPlanEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'date' })
  opensOn!: string;

  @Column({ type: 'date' })
  closesOn!: string;

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'closed';

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('consultation_invite')
export class ConsultationInviteEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => ConsultationRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_consultation_invite_round' })
  round?: ConsultationRoundEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_consultation_invite_agency' })
  agency?: AgencyEntity;
}
