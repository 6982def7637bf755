import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CatalogKind } from '@sinergi/contracts';

/**
 * One imported edition of a code list (the 2027 nomenclature, the account chart of 2020 …).
 * Codes keep the version they were entered under; `current` marks the one new work uses.
 */
@Entity('catalog_version')
@Unique('uq_catalog_version_kind_label', ['kind', 'label'])
// At most one current version per kind (partial unique index in the migration).
@Index('uq_catalog_version_current', { synchronize: false })
export class CatalogVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: CatalogKind;

  @Column({ type: 'text' })
  label!: string;

  /** Where the list comes from, shown to planners ("catalogue source") so they know what to trust. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'integer', default: 0 })
  rowCount!: number;

  /** sha256 of the imported file: importing the same file again is recognised and skipped. */
  @Column({ type: 'text', nullable: true })
  checksum!: string | null;

  @Column({ type: 'boolean', default: false })
  current!: boolean;

  /**
   * First fiscal year this edition is in force for (null: not tied to a year). The version in
   * force for year Y is the one of its kind with the greatest `inForceFrom` ≤ Y; budget lines of
   * year Y whose code it lacks carry a retired code.
   */
  @Column({ type: 'integer', nullable: true })
  inForceFrom!: number | null;

  @Column({ type: 'uuid', nullable: true })
  importedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}
