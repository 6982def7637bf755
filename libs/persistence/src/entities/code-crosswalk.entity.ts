import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';

/** Old nomenclature code → its replacement in a newer catalogue version. */
@Entity('code_crosswalk')
@Unique('uq_code_crosswalk', ['catalogVersionId', 'previousCode', 'governmentLevel'])
export class CodeCrosswalkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_code_crosswalk_catalog_version' })
  catalogVersion?: CatalogVersionEntity;

  @Column({ type: 'text' })
  previousCode!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text', default: '' })
  governmentLevel!: string;
}
