import type { AuditEntryView } from '@sinergi/contracts';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
}

/** Writes an audit entry with the same manager (transaction) as the change it describes. */
export async function recordAudit(manager: EntityManager, entry: AuditRecord): Promise<void> {
  // Raw SQL: jsonb values of any shape, which TypeORM's typed insert cannot express.
  await manager.query(
    'INSERT INTO audit_entry (actor_id, entity, entity_id, action, old_value, new_value) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      entry.actorId,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
      entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
    ],
  );
}

/** Only the fields that differ, as `{ field: [old, new] }` would be noisy; old and new objects instead. */
export function changedFields<T extends object>(before: T, after: Partial<T>): { oldValue: Partial<T>; newValue: Partial<T> } | undefined {
  const oldValue: Partial<T> = {};
  const newValue: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      oldValue[key] = before[key];
      newValue[key] = after[key] as T[keyof T];
    }
  }
  return Object.keys(newValue).length ? { oldValue, newValue } : undefined;
}

/** Who changed one record and how, newest first (the last 500 entries). */
export async function auditHistory(m: EntityManager, entity: string, entityId: string): Promise<AuditEntryView[]> {
  const rows: { id: string; at: Date; actor_id: string | null; email: string | null; action: string; old_value: unknown; new_value: unknown }[] = await m.query(
    `SELECT e.id, e.at, e.actor_id, u.email, e.action, e.old_value, e.new_value
       FROM audit_entry e LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE e.entity = $1 AND e.entity_id = $2
      ORDER BY e.id DESC LIMIT 500`,
    [entity, entityId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id ?? undefined,
    actorEmail: r.email ?? undefined,
    entity,
    entityId,
    action: r.action,
    oldValue: r.old_value ?? undefined,
    newValue: r.new_value ?? undefined,
  }));
}
