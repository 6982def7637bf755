import { NotificationEntity } from '@sinergi/persistence';
import type { EntityManager } from 'typeorm';

/** Writes in-app notifications in the same transaction as the event they announce. */
export async function notify(
  m: EntityManager,
  userIds: string[],
  n: { kind: string; title: string; body: string; link?: string },
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await m.insert(
    NotificationEntity,
    unique.map((userId) => ({ userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null })),
  );
}

/** Active users of the given agencies (an invitation reaches everyone who works there). */
export async function usersOfAgencies(m: EntityManager, agencyIds: string[]): Promise<string[]> {
  if (!agencyIds.length) return [];
  const rows: { id: string }[] = await m.query('SELECT id FROM app_user WHERE active AND agency_id = ANY($1::uuid[])', [agencyIds]);
  return rows.map((r) => r.id);
}
