import type { UserView } from '@sinergi/contracts';
import {
  assertClaimFits,
  assertStageCanFollow,
  DomainError,
  FULL_SHARE_BP,
  latestStage,
  lineKey,
  stageRank,
  type LineInput,
  type TagClaim,
} from '@sinergi/domain';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { codeLevel } from './line-helpers';

export interface BulkRow {
  activityId: string;
  input: LineInput;
  claim?: Omit<TagClaim, 'id'>;
}

export interface BulkResult {
  statuses: ('created' | 'updated' | 'unchanged')[];
  /** Per failing row (index into the rows): the field and the message, as the one-line path says them. */
  errors: { index: number; path?: string; message: string }[];
}

interface LineState {
  id?: string;
  source: LineInput['source'];
  latest?: { stage: LineInput['stage']; amount: bigint };
  tags: Map<string, { id?: string; claim: Omit<TagClaim, 'id'>; changed: boolean }>;
  created: boolean;
  versionId?: string | null;
}

/**
 * Records many APBD lines and their tags at once, with the same rules as
 * `AllocationsService.allocate` (code in a catalogue, stages only forward, a repeated stage and
 * amount adds nothing, a tag takes the whole line unless others share it, shares never exceed the
 * line) but set-based: codes resolved in one query, existing lines, stages and tags read in three,
 * and lines, stages and tags written with one `unnest` insert each. Rows are applied in order, so
 * a later row of the same line is its next stage, as it would be posted one by one. Nothing is
 * written when any row fails. Scope (who may write for the agency) is the caller's check.
 * Audit: one entry for the whole import (rows, created, updated, unchanged); every stage record
 * carries who recorded it and when, which is each line's history.
 */
export async function bulkAllocate(m: EntityManager, actor: UserView, ownerRegion: string, rows: BulkRow[], note: string): Promise<BulkResult> {
  const errors: BulkResult['errors'] = [];
  const statuses: BulkResult['statuses'] = [];

  // 1. Catalogue: each (code, year, level) once, with the same preference as resolveCode.
  const pairs = [...new Map(rows.map((r) => [`${r.input.budgetCode}|${r.input.fiscalYear}`, r.input])).values()];
  const resolved: { code: string; fiscal_year: number; version_id: string | null }[] = pairs.length
    ? await m.query(
        `SELECT p.code, p.fiscal_year, (
             SELECT b.catalog_version_id FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id
              WHERE v.kind = 'APBD_NOMENCLATURE' AND b.code = p.code AND b.level = 'sub_kegiatan'
              ORDER BY (b.government_level = p.level) DESC, (v.in_force_from IS NOT NULL AND v.in_force_from <= p.fiscal_year) DESC,
                       v.in_force_from DESC NULLS LAST, v.current DESC, v.imported_at DESC
              LIMIT 1) AS version_id
           FROM unnest($1::text[], $2::int[], $3::text[]) AS p(code, fiscal_year, level)`,
        [pairs.map((p) => p.budgetCode), pairs.map((p) => p.fiscalYear), pairs.map((p) => codeLevel(p.budgetCode, ownerRegion))],
      )
    : [];
  const versionOf = new Map(resolved.map((r) => [`${r.code}|${r.fiscal_year}`, r.version_id]));

  // 2. What exists: lines by key (locked), their stage records and their tags.
  const keys = rows.map((r) => lineKey(r.input));
  const existing: { id: string; line_key: string; source: LineInput['source'] }[] = keys.length
    ? await m.query('SELECT id, line_key, source FROM budget_line WHERE line_key = ANY($1::text[]) ORDER BY id FOR UPDATE', [[...new Set(keys)]])
    : [];
  const ids = existing.map((l) => l.id);
  const [stageRows, tagRows] = ids.length
    ? [
        (await m.query('SELECT line_id, stage, amount::text AS amount, id::text AS seq FROM budget_line_stage WHERE line_id = ANY($1::uuid[])', [ids])) as {
          line_id: string;
          stage: LineInput['stage'];
          amount: string;
          seq: string;
        }[],
        (await m.query('SELECT id, line_id, activity_id, share_bp, fixed_amount::text AS fixed_amount FROM allocation_tag WHERE line_id = ANY($1::uuid[])', [ids])) as {
          id: string;
          line_id: string;
          activity_id: string;
          share_bp: number | null;
          fixed_amount: string | null;
        }[],
      ]
    : [[], []];

  const state = new Map<string, LineState>();
  const stagesOf = groupBy(stageRows, (s) => s.line_id);
  const tagsOf = groupBy(tagRows, (t) => t.line_id);
  for (const l of existing) {
    const records = (stagesOf.get(l.id) ?? []).map((s) => ({ stage: s.stage, amount: BigInt(s.amount), seq: Number(s.seq) }));
    const latest = latestStage(l.source, records);
    const tags = new Map(
      (tagsOf.get(l.id) ?? []).map((t) => [t.activity_id, { id: t.id, claim: { shareBp: t.share_bp, fixedAmount: t.fixed_amount === null ? null : BigInt(t.fixed_amount) }, changed: false }]),
    );
    state.set(l.line_key, { id: l.id, source: l.source, latest: latest && { stage: latest.stage, amount: latest.amount }, tags, created: false });
  }

  // 3. Apply the rows in order, in memory.
  const firstIndex = new Map<string, number>();
  keys.forEach((k, i) => firstIndex.has(k) || firstIndex.set(k, i));
  const newStages: { key: string; stage: LineInput['stage']; amount: bigint }[] = [];
  rows.forEach((r, index) => {
    const key = keys[index];
    try {
      const versionId = versionOf.get(`${r.input.budgetCode}|${r.input.fiscalYear}`);
      if (!versionId) throw new DomainError('UNKNOWN_BUDGET_CODE', `Kode ${r.input.budgetCode} tidak ada sebagai sub kegiatan di katalog mana pun`, [{ path: 'budgetCode', message: 'kode tidak dikenal' }]);
      const line: LineState = state.get(key) ?? { source: r.input.source, tags: new Map(), created: true, versionId };
      assertStageCanFollow(line.source, line.latest?.stage, r.input.stage);
      let changed = false;
      if (!line.latest || line.latest.stage !== r.input.stage || line.latest.amount !== r.input.amount) {
        newStages.push({ key, stage: r.input.stage, amount: r.input.amount });
        line.latest = { stage: r.input.stage, amount: r.input.amount };
        changed = true;
      }
      const own = line.tags.get(r.activityId);
      const others = [...line.tags].filter(([activityId]) => activityId !== r.activityId).map(([, t], i) => ({ id: String(i), ...t.claim }));
      if (!own || r.claim) {
        if (!r.claim && others.length) {
          throw DomainError.invalidField('sharePercent', 'baris ini sudah ditandai ke kegiatan lain; isi persentase atau nilai untuk kegiatan ini');
        }
        const claim = r.claim ?? { shareBp: FULL_SHARE_BP, fixedAmount: null };
        assertClaimFits(line.latest.amount, others, claim, claim.shareBp !== null ? 'sharePercent' : 'taggedAmount');
        if (!own || own.claim.shareBp !== claim.shareBp || own.claim.fixedAmount !== claim.fixedAmount) {
          line.tags.set(r.activityId, { id: own?.id, claim, changed: true });
          changed = true;
        }
      }
      state.set(key, line);
      statuses.push(line.created && firstIndex.get(key) === index ? 'created' : changed ? 'updated' : 'unchanged');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const detail = Array.isArray(error.details) ? (error.details[0] as { path?: string; message?: string } | undefined) : (error.details as { path?: string } | undefined);
      errors.push({ index, path: detail?.path, message: error.code === 'VALIDATION_FAILED' && detail && 'message' in detail ? `${detail.path}: ${detail.message}` : error.message });
      statuses.push('unchanged');
    }
  });
  if (errors.length) return { statuses, errors };

  // 4. Write: new lines, then stage records and tags, each with one insert.
  const toCreate = [...state].filter(([, l]) => !l.id);
  if (toCreate.length) {
    const first = new Map<string, LineInput>();
    for (const [k, i] of firstIndex) first.set(k, rows[i].input);
    const created: { id: string; line_key: string }[] = await m.query(
      `INSERT INTO budget_line (source, fiscal_year, agency_id, budget_code, catalog_version_id, account_code, account_code_original, fund_source, line_key, note, created_by, version)
       SELECT 'APBD', y, a, c, v, ac, aco, '', k, NULL, $8, 1
         FROM unnest($1::int[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS t(y, a, c, v, ac, aco, k)
       RETURNING id, line_key`,
      [
        toCreate.map(([k]) => first.get(k)!.fiscalYear),
        toCreate.map(([k]) => first.get(k)!.agencyId),
        toCreate.map(([k]) => first.get(k)!.budgetCode),
        toCreate.map(([, l]) => l.versionId ?? null),
        toCreate.map(([k]) => first.get(k)!.accountCode),
        toCreate.map(([k]) => first.get(k)!.accountCodeOriginal),
        toCreate.map(([k]) => k),
        actor.id,
      ],
    );
    for (const c of created) state.get(c.line_key)!.id = c.id;
  }
  if (newStages.length) {
    await m.query(
      `INSERT INTO budget_line_stage (line_id, stage, rank, amount, recorded_by)
       SELECT l, s, r, a, $5 FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS t(l, s, r, a, o) ORDER BY o`,
      [newStages.map((s) => state.get(s.key)!.id), newStages.map((s) => s.stage), newStages.map((s) => stageRank('APBD', s.stage)), newStages.map((s) => s.amount.toString()), actor.id],
    );
  }
  const tagChanges = [...state.values()].flatMap((l) => [...l.tags].filter(([, t]) => t.changed).map(([activityId, t]) => ({ lineId: l.id!, activityId, ...t })));
  const inserts = tagChanges.filter((t) => !t.id);
  if (inserts.length) {
    await m.query(
      `INSERT INTO allocation_tag (line_id, activity_id, share_bp, fixed_amount, created_by, version)
       SELECT l, a, s, f, $5, 1 FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::bigint[]) AS t(l, a, s, f)`,
      [inserts.map((t) => t.lineId), inserts.map((t) => t.activityId), inserts.map((t) => t.claim.shareBp), inserts.map((t) => t.claim.fixedAmount?.toString() ?? null), actor.id],
    );
  }
  const updates = tagChanges.filter((t) => t.id);
  if (updates.length) {
    await m.query(
      `UPDATE allocation_tag t SET share_bp = u.s, fixed_amount = u.f, version = t.version + 1
         FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS u(id, s, f) WHERE t.id = u.id`,
      [updates.map((t) => t.id), updates.map((t) => t.claim.shareBp), updates.map((t) => t.claim.fixedAmount?.toString() ?? null)],
    );
  }
  const count = (s: string) => statuses.filter((x) => x === s).length;
  await recordAudit(m, {
    actorId: actor.id,
    entity: 'budget_line',
    entityId: state.values().next().value?.id ?? actor.id,
    action: 'bulk_import',
    newValue: { note, rows: rows.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged') },
  });
  return { statuses, errors };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
