import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CatalogVersionEntity } from './catalog-version.entity';
import type { BudgetCodeKind } from '@sinergi/contracts';

/** A kode rekening of a catalogue version, stored in its canonical spelling. */
@Entity('account_code')
@Unique('uq_account_code_version_code', ['catalogVersionId', 'code'])
export class AccountCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  catalogVersionId!: string;

  @ManyToOne(() => CatalogVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'catalog_version_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_account_code_catalog_version' })
  catalogVersion?: CatalogVersionEntity;

  @Column({ type: 'text' })
  kind!: BudgetCodeKind;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ type: 'text' })
  name!: string;
}
