import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { RegionEntity } from './region.entity';
import type { Role } from '@sinergi/contracts';

@Entity('app_user')
@Check('ck_app_user_role', `role IN ('admin', 'planner', 'agency', 'village', 'member', 'viewer')`)
@Check('ck_app_user_email_lower', `email = lower(email)`)
@Index('uq_app_user_email', ['email'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; login compares lower-cased input. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** argon2id hash; never leaves the persistence layer in a response. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_app_user_agency' })
  agency?: AgencyEntity;

  @Column({ type: 'text', nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_app_user_region' })
  region?: RegionEntity;

  @Column({ type: 'text', nullable: true })
  villageCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_app_user_village' })
  village?: RegionEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
