import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RegionEntity } from './region.entity';
import type { AgencyKind } from '@sinergi/contracts';

/** A task-force member institution: an OPD, a vertical agency, an NGO, a university … */
@Entity('agency')
@Check('ck_agency_kind', `kind IN ('opd', 'vertical', 'ngo', 'university', 'private', 'partner', 'other')`)
@Index('idx_agency_region', ['regionCode'])
@Index('uq_agency_region_short_name', ['regionCode', 'shortName'], { unique: true })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  shortName!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_agency_region' })
  region?: RegionEntity;

  /** Bidang urusan codes (`2.08`) under which the agency may spend. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  mandates!: string[];

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
