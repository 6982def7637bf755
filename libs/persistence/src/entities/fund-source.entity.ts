import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';

/** Village fund source (sumber dana desa): DDS, ADD, PBH, PBP, PBK, SWD, DLL. */
@Entity('fund_source')
export class FundSourceEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_fund_source_catalog_version' })
  catalogVersion?: CatalogVersionEntity;
}
