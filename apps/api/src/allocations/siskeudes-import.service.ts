import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatRupiah, type ApbdesImportLine, type ApbdesImportResult, type ApbdesImportSuggestion, type BudgetLineView, type ImportError, type UserView } from '@sinergi/contracts';
import { assertHasApbdes, canWriteForVillage, DomainError, stageRank } from '@sinergi/domain';
import { RegionEntity } from '@sinergi/persistence';
import { readSiskeudesZip, siskeudesLines, UnreadableFileError, type SiskeudesLine, type SiskeudesRead } from '@sinergi/xlsx';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { PlansService } from '../plans/plans.service';
import { AllocationsService } from './allocations.service';
import { loadLineViews } from './line-views';
import { VillageAndCoverageService } from './village-and-coverage.service';

const MAX_REPORTED_ERRORS = 500;
/** How many APBDes codes of an activity's suggestion list count (the default of GET /api/activities/:id/suggestions). */
const SUGGESTIONS_PER_ACTIVITY = 10;

interface PlannedLine {
  read: SiskeudesLine;
  view: ApbdesImportLine;
  /** Stages to record, in order (an earlier stage than the line's counting one is never posted). */
  writes: { stage: 'APBDES' | 'APBDES_P'; amount: bigint }[];
}

/**
 * POST /api/villages/:code/apbdes/import: a desa's Siskeudes export (a zip of CSV tables) becomes
 * its APBDes lines, one per kegiatan and fund source (libs/xlsx/src/siskeudes.ts sums
 * Ta_RABRinci; APBDES, then APBDES_P when the revision changed the group).
 *
 * - Every problem in the file, and every code missing from the APBDes catalogue, is an error with
 *   table, CSV row and column; any error is 422 IMPORT_INVALID and nothing is written. A file that
 *   is not a zip, is corrupt or is hostile (bomb, nesting) is the same 422 with one error.
 * - A line whose counting stage and amount already match is `unchanged`; a new stage or amount is
 *   `updated` (the earlier stage stays in the history, ADR 0006). A line already at APBDES_P that
 *   the file has only at APBDES is an error: it would undo an agreed revision.
 * - The commit is one transaction through AllocationsService.createLine, so the line identity,
 *   catalogue resolution, stage order, scope and audit are the same as for a line typed by hand.
 *   Lines of the desa that the file does not mention are left as they are.
 * - Suggestions (which plan activities the imported codes could fund), for the activities located
 *   in the desa, its kecamatan or the whole plan region (GET /api/villages/:code/activities):
 *   a code is suggested for an activity when it is among the activity's first
 *   SUGGESTIONS_PER_ACTIVITY APBDes suggestions (the ranking of GET
 *   /api/activities/:id/suggestions?kind=APBDES, by the words of its title, output and indicator),
 *   or when another desa has already tagged a line with that code to the activity (one query).
 *   Pairs this desa has already tagged are not suggested again. The ranking is the endpoint's own
 *   (PlansService.suggestions), run per located activity in parallel: about 20 ms an activity on
 *   the demo plan, paid once per import; a single set-based ranking query in ReferenceQueries is
 *   the way out if plans with hundreds of located activities make that slow.
 */
@Injectable()
export class SiskeudesImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly allocations: AllocationsService,
    private readonly villages: VillageAndCoverageService,
    private readonly plans: PlansService,
  ) {}

  async import(actor: UserView, villageCode: string, bytes: Buffer, dryRun: boolean): Promise<ApbdesImportResult> {
    assertHasApbdes(villageCode, 'code');
    if (!canWriteForVillage(actor, villageCode)) throw DomainError.forbidden('Anda hanya dapat mengimpor APBDes desa Anda sendiri');
    if (!(await this.dataSource.manager.exists(RegionEntity, { where: { code: villageCode } }))) throw DomainError.notFound('Desa');

    const read = await readFile(bytes);
    const errors = [...read.errors];
    let errorCount = read.errorCount;
    const names = read.fiscalYear === undefined ? new Map<string, string>() : await catalogNames(this.dataSource.manager, read.lines, read.fiscalYear);
    for (const line of read.lines) {
      if (names.has(line.budgetCode)) continue;
      errorCount++;
      errors.push({
        sheet: 'Ta_RABRinci',
        row: line.row,
        column: 'Kd_Keg',
        message: `Kode kegiatan ${line.idKeg} (${line.budgetCode}) tidak ada di katalog kegiatan APBDes`,
      });
    }
    if (errorCount || read.fiscalYear === undefined) throw importInvalid(errors, errorCount);
    const fiscalYear = read.fiscalYear;

    const run = async (m: EntityManager) => {
      const planned = await this.plan(m, villageCode, fiscalYear, read.lines, names);
      if (!dryRun) await this.commit(m, actor, villageCode, fiscalYear, planned, bytes, read);
      return planned;
    };
    const planned = dryRun ? await run(this.dataSource.manager) : await this.dataSource.transaction(run);
    const lines = planned.map((p) => p.view);
    const count = (status: ApbdesImportLine['status']) => lines.filter((l) => l.status === status).length;
    return {
      dryRun,
      valid: true,
      fiscalYear,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      lines,
      suggestions: await this.suggest(villageCode, fiscalYear, lines),
      errors: [],
    };
  }

  /** Compares each line of the file with the desa's line of the same identity; refuses a stage going back. */
  private async plan(m: EntityManager, villageCode: string, fiscalYear: number, lines: SiskeudesLine[], names: Map<string, string>): Promise<PlannedLine[]> {
    const existing = new Map<string, BudgetLineView>();
    for (const view of await loadLineViews(m, { villageCode, fiscalYear })) {
      // Imported lines have no account code: a line typed with one is another line.
      if (view.source === 'APBDES' && !view.accountCode) existing.set(`${view.budgetCode}|${view.fundSource}`, view);
    }
    const errors: ImportError[] = [];
    const planned = lines.map((read): PlannedLine => {
      const target = read.stages[read.stages.length - 1];
      const before = existing.get(`${read.budgetCode}|${read.fundSource}`);
      const view: ApbdesImportLine = {
        ...(before ? { lineId: before.id } : {}),
        budgetCode: read.budgetCode,
        budgetCodeName: names.get(read.budgetCode),
        fundSource: read.fundSource,
        stage: target.stage,
        amount: target.amount.toString(),
        stages: read.stages.map((s) => ({ stage: s.stage, amount: s.amount.toString() })),
        status: 'created',
      };
      if (!before) return { read, view, writes: read.stages };
      if (before.stage === target.stage && before.amount === target.amount.toString()) return { read, view: { ...view, status: 'unchanged' }, writes: [] };
      const beforeRank = stageRank('APBDES', before.stage);
      if (beforeRank > stageRank('APBDES', target.stage)) {
        errors.push({
          sheet: 'Ta_RABRinci',
          row: read.row,
          column: 'AnggaranStlhPAK',
          message:
            `Kegiatan ${read.idKeg} dana ${read.fundSource} sudah tercatat pada tahap ${before.stage} (${formatRupiah(before.amount)}), ` +
            `berkas ini hanya memuat tahap ${target.stage}: impor ekspor Siskeudes setelah perubahan (PAK)`,
        });
      }
      return {
        read,
        view: { ...view, status: 'updated', previous: { stage: before.stage, amount: before.amount } },
        writes: read.stages.filter((s) => stageRank('APBDES', s.stage) >= beforeRank),
      };
    });
    if (errors.length) throw importInvalid(errors, errors.length);
    return planned;
  }

  private async commit(m: EntityManager, actor: UserView, villageCode: string, fiscalYear: number, planned: PlannedLine[], bytes: Buffer, read: SiskeudesRead): Promise<void> {
    for (const p of planned) {
      for (const write of p.writes) {
        const line = await this.allocations.createLine(
          actor,
          { source: 'APBDES', villageCode, fiscalYear, budgetCode: p.read.budgetCode, fundSource: p.read.fundSource, stage: write.stage, amount: write.amount.toString() },
          m,
        );
        p.view.lineId = line.id;
      }
    }
    const count = (status: ApbdesImportLine['status']) => planned.filter((p) => p.view.status === status).length;
    await recordAudit(m, {
      actorId: actor.id,
      entity: 'village_apbdes',
      entityId: villageCode,
      action: 'siskeudes_import',
      newValue: {
        fiscalYear,
        kdDesa: read.kdDesa,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
      },
    });
  }

  /** See the class comment: the activity's own APBDes suggestions, and what other desa tagged to it. */
  private async suggest(villageCode: string, fiscalYear: number, lines: ApbdesImportLine[]): Promise<ApbdesImportSuggestion[]> {
    const codes = [...new Set(lines.map((l) => l.budgetCode))];
    if (!codes.length) return [];
    const activities = await this.villages.activities(villageCode);
    if (!activities.length) return [];
    const ids = activities.map((a) => a.activityId);
    const m = this.dataSource.manager;
    const [taggedHere, taggedElsewhere]: { activity_id: string; budget_code: string }[][] = await Promise.all([
      m.query(
        `SELECT DISTINCT t.activity_id, l.budget_code FROM allocation_tag t JOIN budget_line l ON l.id = t.line_id
          WHERE l.source = 'APBDES' AND l.village_code = $1 AND l.fiscal_year = $2 AND l.budget_code = ANY($3::text[])`,
        [villageCode, fiscalYear, codes],
      ),
      m.query(
        `SELECT DISTINCT t.activity_id, l.budget_code FROM allocation_tag t JOIN budget_line l ON l.id = t.line_id
          WHERE l.source = 'APBDES' AND l.village_code <> $1 AND t.activity_id = ANY($2::uuid[]) AND l.budget_code = ANY($3::text[])`,
        [villageCode, ids, codes],
      ),
    ]);
    const done = new Set(taggedHere.map((r) => `${r.activity_id}|${r.budget_code}`));
    const elsewhere = new Set(taggedElsewhere.map((r) => `${r.activity_id}|${r.budget_code}`));
    const wanted = new Set(codes);
    const out: ApbdesImportSuggestion[] = [];
    const ranked = await Promise.all(activities.map((a) => this.plans.suggestions(a.activityId, 'APBDES', SUGGESTIONS_PER_ACTIVITY)));
    for (const [i, a] of activities.entries()) {
      const byCatalog = new Set(ranked[i].map((c) => c.code).filter((c) => wanted.has(c)));
      for (const code of codes) {
        const key = `${a.activityId}|${code}`;
        if (done.has(key)) continue;
        const reason = byCatalog.has(code) ? 'catalog' : elsewhere.has(key) ? 'other_villages' : undefined;
        if (reason) out.push({ budgetCode: code, activityId: a.activityId, activityCode: a.code, activityTitle: a.title, planId: a.planId, reason });
      }
    }
    return out;
  }
}

async function readFile(bytes: Buffer): Promise<SiskeudesRead> {
  try {
    return siskeudesLines(await readSiskeudesZip(bytes));
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new DomainError('IMPORT_INVALID', error.message, [{ sheet: '', row: 0, column: '', message: error.message }]);
    }
    throw error;
  }
}

function importInvalid(errors: ImportError[], count: number): DomainError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = count > shown.length ? ` (${shown.length} pertama ditampilkan)` : '';
  const message = count ? `${count} masalah di berkas Siskeudes; tidak ada yang disimpan${more}` : 'Berkas Siskeudes tidak memuat tahun anggaran';
  return new DomainError('IMPORT_INVALID', message, shown);
}

/**
 * The catalogue name of each APBDes kegiatan code, resolved as a typed line would be (the version
 * in force for the year first, else the newest that has it); a code that is absent is missing.
 */
async function catalogNames(m: EntityManager, lines: SiskeudesLine[], fiscalYear: number): Promise<Map<string, string>> {
  const codes = [...new Set(lines.map((l) => l.budgetCode))];
  if (!codes.length) return new Map();
  const rows: { code: string; name: string }[] = await m.query(
    `SELECT DISTINCT ON (b.code) b.code, b.name
       FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id
      WHERE v.kind = 'APBDES_ACTIVITIES' AND b.level = 'kegiatan' AND b.code = ANY($1::text[])
      ORDER BY b.code, (b.government_level = 'regency') DESC, (v.in_force_from IS NOT NULL AND v.in_force_from <= $2) DESC,
               v.in_force_from DESC NULLS LAST, v.current DESC, v.imported_at DESC`,
    [codes, fiscalYear],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
