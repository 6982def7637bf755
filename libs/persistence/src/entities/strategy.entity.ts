import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';

/** One of the six RAN PP-TPPO strategies; each is a working group (sub gugus tugas). */
@Entity('strategy')
export class StrategyEntity {
  @PrimaryColumn({ type: 'integer' })
  code!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_strategy_catalog_version' })
  catalogVersion?: CatalogVersionEntity;
}
