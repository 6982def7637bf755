import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of who changed what: written in the same transaction as the change, never
 * updated or deleted (a trigger in the migration refuses both).
 */
@Entity('audit_entry')
@Index('idx_audit_entry_entity', ['entity', 'entityId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'text' })
  entityId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb', nullable: true })
  oldValue!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  newValue!: unknown;
}
