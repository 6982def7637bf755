import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { RegionEntity } from './region.entity';

/** A GT PP-TPPO of one region, with its legal basis (SK / Pergub / Perbup). */
@Entity('task_force')
@Index('uq_task_force_region', ['regionCode'], { unique: true })
export class TaskForceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_task_force_region' })
  region?: RegionEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  legalBasis!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('task_force_member')
export class TaskForceMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  taskForceId!: string;

  @ManyToOne(() => TaskForceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_force_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_task_force_member_task_force' })
  taskForce?: TaskForceEntity;

  @PrimaryColumn({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_task_force_member_agency' })
  agency?: AgencyEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}
