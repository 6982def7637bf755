import type { LedgerKind, PoolSourceType, ContributionStatus } from '@sinergi/contracts';
import { entryEffect, insufficient, type Balances } from '@sinergi/domain';
import type { EntityManager } from 'typeorm';

export interface Movement {
  poolId: string;
  kind: LedgerKind;
  amount: bigint;
  actorId: string | null;
  reverses?: { id: string; kind: LedgerKind };
  drawdownId?: string;
  sourceType?: PoolSourceType;
  contributionStatus?: ContributionStatus;
  reference?: string;
  note?: string;
  counterpartPoolId?: string;
  /** Approvals: ordinary requests must leave the reserve; emergencies may go to zero. */
  keepReserve?: boolean;
}

/**
 * Moves money in a pool: one conditional UPDATE of the pool's sums and one ledger entry, in the
 * caller's transaction. The UPDATE's WHERE clause is the rule "available never below zero (or the
 * reserve, for an ordinary approval)"; PostgreSQL re-checks it on the newest row version after
 * waiting for a concurrent approval's lock, so fifty simultaneous approvals cannot overspend. The
 * table's CHECK constraint is the last guard. Returns the sums after the movement.
 */
export async function movePoolMoney(m: EntityManager, mv: Movement): Promise<{ entryId: string; balances: Balances }> {
  const d = entryEffect({ kind: mv.kind, amount: mv.amount, reverses: mv.reverses?.kind });
  const [rows] = (await m.query(
    `UPDATE fund_pool
        SET pledged = pledged + $2, received = received + $3, committed = committed + $4, disbursed = disbursed + $5
      WHERE id = $1
        AND pledged + $2 >= 0 AND received + $3 >= 0 AND committed + $4 >= 0 AND disbursed + $5 >= 0
        AND (received + $3) - (committed + $4) - (disbursed + $5) >= CASE WHEN $6 THEN ((received + $3) * reserve_bp) / 10000 ELSE 0 END
      RETURNING pledged::text, received::text, committed::text, disbursed::text,
                (received - committed - disbursed)::text AS available, ((received * reserve_bp) / 10000)::text AS reserve`,
    [mv.poolId, d.pledged.toString(), d.received.toString(), d.committed.toString(), d.disbursed.toString(), mv.keepReserve === true],
  )) as [{ pledged: string; received: string; committed: string; disbursed: string }[], number];
  if (!rows.length) {
    const [now]: { usable: string }[] = await m.query(
      `SELECT (received - committed - disbursed - CASE WHEN $2 THEN (received * reserve_bp) / 10000 ELSE 0 END)::text AS usable FROM fund_pool WHERE id = $1`,
      [mv.poolId, mv.keepReserve === true],
    );
    throw insufficient(BigInt(now?.usable ?? '0'), mv.amount);
  }
  const [entry]: { id: string }[] = await m.query(
    `INSERT INTO fund_ledger_entry (pool_id, kind, amount, drawdown_id, source_type, contribution_status, reference, note, reverses_entry_id, counterpart_pool_id, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
    [
      mv.poolId,
      mv.kind,
      mv.amount.toString(),
      mv.drawdownId ?? null,
      mv.sourceType ?? null,
      mv.contributionStatus ?? null,
      mv.reference ?? null,
      mv.note ?? null,
      mv.reverses?.id ?? null,
      mv.counterpartPoolId ?? null,
      mv.actorId,
    ],
  );
  const r = rows[0];
  return { entryId: entry.id, balances: { pledged: BigInt(r.pledged), received: BigInt(r.received), committed: BigInt(r.committed), disbursed: BigInt(r.disbursed) } };
}
