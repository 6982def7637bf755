import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';
import type { BudgetCodeKind, BudgetCodeLevel, GovernmentLevel } from '@sinergi/contracts';

/**
 * A programme/activity code of a catalogue version: APBD nomenclature (urusan … sub kegiatan) or
 * APBDes (bidang … kegiatan). A nomenclature code is unique only together with its government
 * level, hence the three-part key.
 */
@Entity('budget_code')
@Check('ck_budget_code_kind', `kind IN ('APBD', 'APBDES')`)
@Unique('uq_budget_code_version_code_level', ['catalogVersionId', 'code', 'governmentLevel'])
@Index('idx_budget_code_kind_code', ['kind', 'code'])
// Weighted GIN over name and detail words; created in the migration.
@Index('idx_budget_code_search', { synchronize: false })
export class BudgetCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_budget_code_catalog_version' })
  catalogVersion?: CatalogVersionEntity;

  @Column({ type: 'text' })
  kind!: BudgetCodeKind;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  level!: BudgetCodeLevel;

  @Column({ type: 'text' })
  name!: string;

  /** `province` or `regency` below program level; '' where the code serves both (urusan, bidang). */
  @Column({ type: 'text', default: '' })
  governmentLevel!: GovernmentLevel | '';

  @Column({ type: 'text', nullable: true })
  bidangUrusan!: string | null;

  @Column({ type: 'text', nullable: true })
  output!: string | null;

  @Column({ type: 'text', nullable: true })
  indicator!: string | null;

  @Column({ type: 'text', nullable: true })
  unit!: string | null;

  @Column({ type: 'text', nullable: true })
  previousCode!: string | null;

  /** Normalised words of the name; a GIN index over name and detail words serves ranked search. */
  @Column({ type: 'text' })
  searchText!: string;

  /** Normalised words of output and indicator: ranked below a match in the name. */
  @Column({ type: 'text', default: '' })
  searchDetail!: string;
}
