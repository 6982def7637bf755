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
import { uuidv7 } from '@sinergi/persistence';
import { recordAudit } from '../audit/audit';
import { codeLevel } from './line-helpers';

export interface BulkRow {
  activityId: string;
  input: LineInput;
  claim?: Omit<TagClaim, 'id'>;
}

/** Per failing row of a batch (index into the batch): the field and the message. */
export interface BulkRowError {
  index: number;
  path?: string;
  message: string;
}

type Claim = Omit<TagClaim, 'id'>;

/** New lines from which an import refreshes the table's statistics (see refreshStatistics). */
const LARGE_IMPORT = 1000;

/** A tag of a line as the import knows it; `id` once it is in the database. */
interface TagState {
  activityId: string;
  id?: string;
  claim: Claim;
}

/** What a batch knows of a line: from the database, or made by an earlier row of the batch. */
interface LineState {
  id: string;
  source: LineInput['source'];
  stage?: LineInput['stage'];
  amount?: bigint;
  tags: TagState[];
  versionId?: string | null;
}

/**
 * Records many APBD lines and their tags, batch by batch, with the same rules as
 * `AllocationsService.allocate` (code in a catalogue, stages only forward, a repeated stage and
 * amount adds nothing, a tag takes the whole line unless others share it, shares never exceed the
 * line) but set-based: per batch, new codes resolved in one query, the batch's lines read (and
 * locked) with their stages and tags in three, and lines, stages and tags written with one
 * `unnest` insert each. Rows are applied in order, so a later row of the same line — in the same
 * batch or a later one — is its next stage, as if posted one by one.
 *
 * The database is the state between batches: a batch reads the lines its rows name, including
 * those an earlier batch of the same import wrote, so memory holds one batch however long the
 * file. That is also why a batch is written even after a row failed (the caller rolls the whole
 * transaction back then): later rows are still checked against what the earlier ones did, and
 * every problem of the file is reported at once. New lines and tags get time-ordered ids
 * (uuidv7), which keeps the index work of a large import local. Scope (who may write for the
 * agency) is the caller's check. Audit (`finish`): one entry for the whole import; every stage
 * record carries who recorded it and when, which is each line's history.
 */
export class BulkAllocator {
  private readonly versions = new Map<string, string | null>();
  readonly counts = { created: 0, updated: 0, unchanged: 0 };
  private firstLineId?: string;
  private linesWritten = 0;
  private analysed = false;

  constructor(
    private readonly m: EntityManager,
    private readonly actor: UserView,
    private readonly ownerRegion: string,
  ) {}

  /** Applies one batch of rows in order and writes what the rows that passed change. */
  async apply(rows: BulkRow[]): Promise<BulkRowError[]> {
    await this.resolveCodes(rows);
    const keys = rows.map((r) => lineKey(r.input));
    const lines = await this.load(keys);

    const errors: BulkRowError[] = [];
    const newLines: { key: string; input: LineInput }[] = [];
    const newStages: { lineId: string; stage: LineInput['stage']; amount: bigint }[] = [];
    const changedTags = new Map<TagState, string>(); // tag → its line's id
    rows.forEach((r, index) => {
      const key = keys[index];
      try {
        const versionId = this.versions.get(`${r.input.budgetCode}|${r.input.fiscalYear}`);
        if (!versionId) throw new DomainError('UNKNOWN_BUDGET_CODE', `Kode ${r.input.budgetCode} tidak ada sebagai sub kegiatan di katalog mana pun`, [{ path: 'budgetCode', message: 'kode tidak dikenal' }]);
        const known = lines.get(key);
        const line = known ?? { id: uuidv7(), source: r.input.source, tags: [], versionId };
        assertStageCanFollow(line.source, line.stage, r.input.stage);
        const own = line.tags.find((t) => t.activityId === r.activityId);
        let claim: Claim | undefined;
        if (!own || r.claim) {
          const others = line.tags.filter((t) => t !== own).map((t, i) => ({ id: String(i), ...t.claim }));
          if (!r.claim && others.length) {
            throw DomainError.invalidField('sharePercent', 'baris ini sudah ditandai ke kegiatan lain; isi persentase atau nilai untuk kegiatan ini');
          }
          claim = r.claim ?? { shareBp: FULL_SHARE_BP, fixedAmount: null };
          assertClaimFits(r.input.amount, others, claim, claim.shareBp !== null ? 'sharePercent' : 'taggedAmount');
        }
        // Every check passed: the row takes effect.
        let changed = false;
        if (!known) {
          lines.set(key, line);
          newLines.push({ key, input: r.input });
        }
        if (line.stage !== r.input.stage || line.amount !== r.input.amount) {
          newStages.push({ lineId: line.id, stage: r.input.stage, amount: r.input.amount });
          line.stage = r.input.stage;
          line.amount = r.input.amount;
          changed = true;
        }
        if (claim && (!own || own.claim.shareBp !== claim.shareBp || own.claim.fixedAmount !== claim.fixedAmount)) {
          const tag = own ?? { activityId: r.activityId, claim };
          tag.claim = claim;
          if (!own) line.tags.push(tag);
          changedTags.set(tag, line.id);
          changed = true;
        }
        this.counts[!known ? 'created' : changed ? 'updated' : 'unchanged']++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const detail = Array.isArray(error.details) ? (error.details[0] as { path?: string; message?: string } | undefined) : (error.details as { path?: string } | undefined);
        errors.push({ index, path: detail?.path, message: error.code === 'VALIDATION_FAILED' && detail && 'message' in detail ? `${detail.path}: ${detail.message}` : error.message });
      }
    });
    await this.write(lines, newLines, newStages, changedTags);
    return errors;
  }

  /** The one audit entry of the import. */
  async finish(note: string, rows: number): Promise<void> {
    await recordAudit(this.m, {
      actorId: this.actor.id,
      entity: 'budget_line',
      entityId: this.firstLineId ?? this.actor.id,
      action: 'bulk_import',
      newValue: { note, rows, ...this.counts },
    });
  }

  /**
   * A large import is mostly foreign-key checks against the lines it has just written (each stage
   * record and tag names its line), planned from budget_line's statistics. When those say "a few
   * rows on many pages" — as after the dry run of a big sheet was rolled back and vacuumed —
   * PostgreSQL checks each key with a sequential scan of the growing table, and 100 000 rows take
   * many minutes instead of seconds (measured; see docs/benchmarks.md). ANALYZE inside the
   * transaction counts the lines written so far, so every later check uses the primary key. Done
   * once, as soon as the import has written 1 000 new lines: a small upload never pays for it. Its lock
   * (held until commit) only makes a second large import wait for this one.
   */
  private async refreshStatistics(newLines: number): Promise<void> {
    this.linesWritten += newLines;
    if (this.analysed || this.linesWritten < LARGE_IMPORT) return;
    this.analysed = true;
    await this.m.query('ANALYZE budget_line');
  }

  /** Catalogue: each (code, year) not seen before, with the same preference as resolveCode. */
  private async resolveCodes(rows: BulkRow[]): Promise<void> {
    const pairs = [...new Map(rows.map((r) => [`${r.input.budgetCode}|${r.input.fiscalYear}`, r.input])).entries()].filter(([k]) => !this.versions.has(k)).map(([, p]) => p);
    if (!pairs.length) return;
    const resolved: { code: string; fiscal_year: number; version_id: string | null }[] = await this.m.query(
      `SELECT p.code, p.fiscal_year, (
           SELECT b.catalog_version_id FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id
            WHERE v.kind = 'APBD_NOMENCLATURE' AND b.code = p.code AND b.level = 'sub_kegiatan'
            ORDER BY (b.government_level = p.level) DESC, (v.in_force_from IS NOT NULL AND v.in_force_from <= p.fiscal_year) DESC,
                     v.in_force_from DESC NULLS LAST, v.current DESC, v.imported_at DESC
            LIMIT 1) AS version_id
         FROM unnest($1::text[], $2::int[], $3::text[]) AS p(code, fiscal_year, level)`,
      [pairs.map((p) => p.budgetCode), pairs.map((p) => p.fiscalYear), pairs.map((p) => codeLevel(p.budgetCode, this.ownerRegion))],
    );
    for (const r of resolved) this.versions.set(`${r.code}|${r.fiscal_year}`, r.version_id);
  }

  /** The lines these keys name, from the database (locked), with their stages and tags. */
  private async load(keys: string[]): Promise<Map<string, LineState>> {
    const lines = new Map<string, LineState>();
    const existing: { id: string; line_key: string; source: LineInput['source'] }[] = await this.m.query(
      'SELECT id, line_key, source FROM budget_line WHERE line_key = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [[...new Set(keys)]],
    );
    if (!existing.length) return lines;
    const ids = existing.map((l) => l.id);
    const stageRows: { line_id: string; stage: LineInput['stage']; amount: string; seq: string }[] = await this.m.query(
      'SELECT line_id, stage, amount::text AS amount, id::text AS seq FROM budget_line_stage WHERE line_id = ANY($1::uuid[])',
      [ids],
    );
    const tagRows: { id: string; line_id: string; activity_id: string; share_bp: number | null; fixed_amount: string | null }[] = await this.m.query(
      'SELECT id, line_id, activity_id, share_bp, fixed_amount::text AS fixed_amount FROM allocation_tag WHERE line_id = ANY($1::uuid[])',
      [ids],
    );
    const stagesOf = groupBy(stageRows, (s) => s.line_id);
    const tagsOf = groupBy(tagRows, (t) => t.line_id);
    for (const l of existing) {
      const latest = latestStage(l.source, (stagesOf.get(l.id) ?? []).map((s) => ({ stage: s.stage, amount: BigInt(s.amount), seq: Number(s.seq) })));
      const tags = (tagsOf.get(l.id) ?? []).map((t) => ({
        activityId: t.activity_id,
        id: t.id,
        claim: { shareBp: t.share_bp, fixedAmount: t.fixed_amount === null ? null : BigInt(t.fixed_amount) },
      }));
      lines.set(l.line_key, { id: l.id, source: l.source, stage: latest?.stage, amount: latest?.amount, tags });
    }
    return lines;
  }

  /** The batch's new lines, then its stage records and tag changes, each with one statement. */
  private async write(
    lines: Map<string, LineState>,
    newLines: { key: string; input: LineInput }[],
    newStages: { lineId: string; stage: LineInput['stage']; amount: bigint }[],
    changedTags: Map<TagState, string>,
  ): Promise<void> {
    if (newLines.length) {
      await this.m.query(
        `INSERT INTO budget_line (id, source, fiscal_year, agency_id, budget_code, catalog_version_id, account_code, account_code_original, fund_source, line_key, note, created_by, version)
         SELECT id, 'APBD', y, a, c, v, ac, aco, '', k, NULL, $9, 1
           FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[]) AS t(id, y, a, c, v, ac, aco, k)`,
        [
          newLines.map((n) => lines.get(n.key)!.id),
          newLines.map((n) => n.input.fiscalYear),
          newLines.map((n) => n.input.agencyId),
          newLines.map((n) => n.input.budgetCode),
          newLines.map((n) => lines.get(n.key)!.versionId ?? null),
          newLines.map((n) => n.input.accountCode),
          newLines.map((n) => n.input.accountCodeOriginal),
          newLines.map((n) => n.key),
          this.actor.id,
        ],
      );
      this.firstLineId ??= lines.get(newLines[0].key)!.id;
      await this.refreshStatistics(newLines.length);
    }
    if (newStages.length) {
      await this.m.query(
        `INSERT INTO budget_line_stage (line_id, stage, rank, amount, recorded_by)
         SELECT l, s, r, a, $5 FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) WITH ORDINALITY AS t(l, s, r, a, o) ORDER BY o`,
        [newStages.map((s) => s.lineId), newStages.map((s) => s.stage), newStages.map((s) => stageRank('APBD', s.stage)), newStages.map((s) => s.amount.toString()), this.actor.id],
      );
    }
    const tags = [...changedTags].map(([tag, lineId]) => ({ tag, lineId }));
    const inserts = tags.filter((t) => !t.tag.id);
    if (inserts.length) {
      await this.m.query(
        `INSERT INTO allocation_tag (id, line_id, activity_id, share_bp, fixed_amount, created_by, version)
         SELECT id, l, a, s, f, $6, 1 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::bigint[]) AS t(id, l, a, s, f)`,
        [
          inserts.map(() => uuidv7()),
          inserts.map((t) => t.lineId),
          inserts.map((t) => t.tag.activityId),
          inserts.map((t) => t.tag.claim.shareBp),
          inserts.map((t) => t.tag.claim.fixedAmount?.toString() ?? null),
          this.actor.id,
        ],
      );
    }
    const updates = tags.filter((t) => t.tag.id);
    if (updates.length) {
      await this.m.query(
        `UPDATE allocation_tag t SET share_bp = u.s, fixed_amount = u.f, version = t.version + 1
           FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS u(id, s, f) WHERE t.id = u.id`,
        [updates.map((t) => t.tag.id), updates.map((t) => t.tag.claim.shareBp), updates.map((t) => t.tag.claim.fixedAmount?.toString() ?? null)],
      );
    }
    this.firstLineId ??= lines.values().next().value?.id;
  }
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
