import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';
import type { RegionLevel } from '@sinergi/contracts';

/** A Kemendagri region: province, regency/city, kecamatan, desa or kelurahan. */
@Entity('region')
@Check('ck_region_level', `level IN ('province', 'regency', 'district', 'village', 'urban_village')`)
@Index('idx_region_parent', ['parentCode'])
// GIN over the search words; created in the migration (an expression index TypeORM cannot describe).
@Index('idx_region_search', { synchronize: false })
export class RegionEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: RegionLevel;

  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  /** Normalised tokens of the name for search (see libs/domain search-text). */
  @Column({ type: 'text' })
  searchText!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_region_catalog_version' })
  catalogVersion?: CatalogVersionEntity;
}
