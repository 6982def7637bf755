import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionPlanEntity } from './action-plan.entity';
import { PlanActivityEntity } from './plan-activity.entity';
import { ProposalEntity } from './proposal.entity';
import { UserEntity } from './user.entity';

/** A comment in a thread on a proposal or on an activity; replies point at their parent. */
@Entity('comment')
@Index('idx_comment_proposal', ['proposalId'])
@Index('idx_comment_activity', ['activityId'])
@Check('ck_comment_target', `(proposal_id IS NULL) <> (activity_id IS NULL)`)
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ActionPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_comment_plan' })
  plan?: ActionPlanEntity;

  @Column({ type: 'uuid', nullable: true })
  proposalId!: string | null;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_comment_proposal' })
  proposal?: ProposalEntity;

  @Column({ type: 'uuid', nullable: true })
  activityId!: string | null;

  @ManyToOne(() => PlanActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_comment_activity' })
  activity?: PlanActivityEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_comment_parent' })
  parent?: CommentEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_comment_author' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
