import ExcelJS from 'exceljs';
import type { ImportError } from '@sinergi/contracts';
import { Readable, type Writable } from 'node:stream';
import { normaliseHeader } from './rad-matrix-reader';
import { RUPIAH_FORMAT, rupiahCell } from './rupiah-cell';
import { cellText, detectFormat, UnreadableFileError } from './table-reader';
import { inspectZip, XLSX_LIMITS } from './zip-safety';

/**
 * The allocation sheet an OPD fills in: its activities × fiscal years, one row per budget line,
 * with drop-down lists for the stage and for the sub kegiatan codes within its mandate. Downloaded
 * prefilled with the lines it already entered; uploaded back, each row becomes (or updates) a line.
 */
export const ALLOCATION_SHEET = 'Alokasi';
const CODES_SHEET = 'Kode';
const META_SHEET = 'Info';

export const ALLOCATION_COLUMNS = {
  activityCode: 'Kode Kegiatan',
  activity: 'Kegiatan',
  year: 'Tahun',
  need: 'Kebutuhan',
  budgetCode: 'Kode Sub Kegiatan',
  accountCode: 'Kode Rekening',
  stage: 'Tahap',
  amount: 'Nilai',
  share: 'Persen untuk kegiatan',
} as const;
type ColumnKey = keyof typeof ALLOCATION_COLUMNS;
const ORDER: ColumnKey[] = ['activityCode', 'activity', 'year', 'need', 'budgetCode', 'accountCode', 'stage', 'amount', 'share'];


export interface AllocationSheetRow {
  activityCode: string;
  activity: string;
  year: number;
  need: string;
  budgetCode?: string;
  accountCode?: string;
  stage?: string;
  amount?: string;
  sharePercent?: number;
}

export interface AllocationSheetInput {
  planTitle: string;
  agencyId: string;
  agencyName: string;
  rows: AllocationSheetRow[];
  codes: { code: string; name: string }[];
  stages: readonly string[];
}

const letter = (key: ColumnKey) => String.fromCharCode(65 + ORDER.indexOf(key));

/** Writes the sheet (streamed). Drop-downs point at a hidden code list so the list can be long. */
export async function writeAllocationSheet(input: AllocationSheetInput, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sinergi';
  // The hidden Info sheet (whose agency the sheet is) comes first in the file, so that a streamed
  // upload knows the agency before the first line row; Excel opens on the Alokasi tab.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];
  const meta = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  meta.addRow(['Rencana aksi', input.planTitle]).commit();
  meta.addRow(['Instansi', input.agencyName]).commit();
  meta.addRow(['agencyId', input.agencyId]).commit();
  meta.commit();
  const ws = wb.addWorksheet(ALLOCATION_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = ORDER.map((k) => ({ header: ALLOCATION_COLUMNS[k], width: k === 'activity' ? 48 : k === 'budgetCode' || k === 'accountCode' ? 22 : 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const codeList = `${CODES_SHEET}!$A$2:$A$${Math.max(2, input.codes.length + 1)}`;
  input.rows.forEach((r, i) => {
    const row = ws.addRow([r.activityCode, r.activity, r.year, rupiahCell(r.need), r.budgetCode ?? '', r.accountCode ?? '', r.stage ?? '', r.amount ? rupiahCell(r.amount) : null, r.sharePercent ?? null]);
    row.getCell(ORDER.indexOf('need') + 1).numFmt = RUPIAH_FORMAT;
    row.getCell(ORDER.indexOf('amount') + 1).numFmt = RUPIAH_FORMAT;
    const n = i + 2;
    ws.getCell(`${letter('stage')}${n}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${input.stages.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Tahap',
      error: `Pilih salah satu: ${input.stages.join(', ')}`,
    };
    ws.getCell(`${letter('budgetCode')}${n}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [codeList],
      showErrorMessage: false, // a code outside the mandate is allowed (and flagged), so only a hint
    };
    row.commit();
  });
  ws.commit();

  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  codes.columns = [
    { header: 'Kode', width: 22 },
    { header: 'Nama', width: 80 },
  ];
  for (const c of input.codes) codes.addRow([c.code, c.name]).commit();
  codes.commit();

  await wb.commit();
}

export interface ParsedAllocationRow {
  row: number;
  activityCode: string;
  year: number;
  budgetCode: string;
  accountCode?: string;
  stage: string;
  amount: string;
  sharePercent?: number;
  column: Record<ColumnKey, string>;
}

/** What the reader hands over, batch by batch, while it goes on reading the next rows. */
export interface AllocationSheetBatch {
  /** The agency named by the Info sheet, when that sheet came before these rows (as written). */
  agencyId?: string;
  rows: ParsedAllocationRow[];
  /** Problems of shape in these rows (a year that is not a number), with sheet, row and column. */
  errors: ImportError[];
}

export interface AllocationSheetSummary {
  agencyId?: string;
  /** Whether the Info sheet was read only after line rows had been handed over. */
  agencyAfterRows: boolean;
  rows: number;
  /** Problems of the file as a whole (not xlsx, no Alokasi sheet, a missing column); no rows then. */
  errors: ImportError[];
}

/**
 * Reads an uploaded allocation sheet, streamed: a 100 000-row sheet never sits in memory, as a
 * workbook or as rows. Rows with a sub kegiatan code or an amount are lines (rows with neither are
 * left alone); they are handed to `onBatch` `batchSize` at a time, and the next batch is read while
 * the previous one is being saved (one batch in flight: reading and writing overlap, memory stays
 * bounded). Problems of shape are ImportErrors with sheet, row and column; the meaning is checked
 * by the caller. After a rejected `onBatch` no more batches are handed over; its error is rethrown
 * once the file has been read through.
 */
export async function readAllocationSheet(
  bytes: Buffer,
  onBatch: (batch: AllocationSheetBatch) => Promise<void>,
  batchSize = 1000,
): Promise<AllocationSheetSummary> {
  const fileError = (message: string): AllocationSheetSummary => ({ agencyAfterRows: false, rows: 0, errors: [{ sheet: '', row: 0, column: '', message }] });
  if (detectFormat(bytes) !== 'xlsx') return fileError('Berkas bukan xlsx: unggah lembar alokasi yang diunduh dari Sinergi');
  // Judged by its directory before exceljs inflates anything (a zip bomb never reaches it).
  inspectZip(bytes, XLSX_LIMITS, 'xlsx');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  const summary: AllocationSheetSummary = { agencyAfterRows: false, rows: 0, errors: [] };
  let found = false;
  let batch: AllocationSheetBatch = { rows: [], errors: [] };
  let inFlight: Promise<void> = Promise.resolve();
  // The handler's failure (a refusal, a database error). The reading then goes on to the end without
  // handing anything over: exceljs removes its temporary copy of each sheet only when the sheet has
  // been read through, and a server must not keep one per refused upload.
  let handlerFailure: { error: unknown } | undefined;
  const handOver = async () => {
    await inFlight; // the previous batch is saved, or has failed
    const next = batch;
    batch = { agencyId: summary.agencyId, rows: [], errors: [] };
    if (handlerFailure) return;
    inFlight = onBatch(next).catch((error: unknown) => {
      handlerFailure ??= { error };
    });
  };
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: string }).name;
      // exceljs's streaming reader sometimes loses the workbook's sheet list, the last zip entry
      // (exceljs#3064: twice in some fifteen reads here, under load), and then calls the sheets
      // Sheet1, Sheet2…; so a sheet not named as ours is recognised by its first row too.
      let isAllocation: boolean = !found && name === ALLOCATION_SHEET;
      let first = true;
      let columns: Map<ColumnKey, number> | undefined;
      let columnOf: Record<ColumnKey, string> | undefined;
      for await (const r of ws) {
        if (first) {
          first = false;
          if (!found && name !== META_SHEET && name !== CODES_SHEET) isAllocation ||= headerColumns(r).size >= 3;
          found ||= isAllocation;
        }
        if (!isAllocation) {
          // The Info sheet (or any other): only its agencyId row matters.
          if (cellText(r.getCell(1).value) === 'agencyId') {
            summary.agencyId = cellText(r.getCell(2).value).trim() || undefined;
            summary.agencyAfterRows = summary.rows > 0;
            batch.agencyId = summary.agencyId;
          }
          continue; // also drains the sheet: the reader moves on only when a sheet is consumed
        }
        if (!columns) {
          columns = headerColumns(r);
          for (const key of ['activityCode', 'year', 'budgetCode', 'stage', 'amount'] as ColumnKey[]) {
            if (!columns.has(key)) summary.errors.push({ sheet: ALLOCATION_SHEET, row: r.number, column: '', message: `kolom "${ALLOCATION_COLUMNS[key]}" tidak ada` });
          }
          columnOf = Object.fromEntries(ORDER.map((k) => [k, columns!.has(k) ? String.fromCharCode(64 + columns!.get(k)!) : ''])) as Record<ColumnKey, string>;
          continue;
        }
        if (summary.errors.length || handlerFailure) continue;
        const row = parseRow(r, columns, columnOf!, batch.errors);
        if (!row) continue;
        batch.rows.push(row);
        summary.rows++;
        if (batch.rows.length >= batchSize) await handOver();
      }
    }
    if (batch.rows.length || batch.errors.length) await handOver();
    await inFlight;
  } catch (error) {
    await inFlight; // never rejects: a failure is kept in handlerFailure
    // Anything thrown here came from reading the file (exceljs, the zip or XML parser).
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`Berkas xlsx rusak atau tidak dapat dibaca (${(error as Error).message.slice(0, 120)})`);
  }
  // The handler's own errors pass unchanged, once the file has been read through.
  if (handlerFailure) throw handlerFailure.error;
  if (!found) return fileError(`Lembar "${ALLOCATION_SHEET}" tidak ada: unggah lembar alokasi yang diunduh dari Sinergi`);
  return summary;
}

/** Which of the sheet's columns (by key) a header row names, matched loosely. */
function headerColumns(r: ExcelJS.Row): Map<ColumnKey, number> {
  const columns = new Map<ColumnKey, number>();
  r.eachCell((cell, col) => {
    const key = ORDER.find((k) => normaliseHeader(ALLOCATION_COLUMNS[k]) === normaliseHeader(cellText(cell.value)));
    if (key && !columns.has(key)) columns.set(key, col);
  });
  return columns;
}

function parseRow(r: ExcelJS.Row, columns: Map<ColumnKey, number>, columnOf: Record<ColumnKey, string>, errors: ImportError[]): ParsedAllocationRow | undefined {
  const get = (k: ColumnKey) => (columns.has(k) ? cellText(r.getCell(columns.get(k)!).value).trim() : '');
  const raw = r.getCell(columns.get('amount')!).value;
  const budgetCode = get('budgetCode');
  const amountText = typeof raw === 'number' ? String(raw) : get('amount').replace(/^rp\.?\s*/i, '').replace(/\./g, '');
  if (!budgetCode && !amountText) return undefined;
  const year = Number(get('year'));
  if (!Number.isInteger(year)) errors.push({ sheet: ALLOCATION_SHEET, row: r.number, column: columnOf.year, message: 'tahun harus angka, contoh 2026' });
  const share = get('share');
  return {
    row: r.number,
    activityCode: get('activityCode'),
    year,
    budgetCode,
    accountCode: get('accountCode') || undefined,
    stage: get('stage').toUpperCase(),
    amount: amountText,
    sharePercent: share ? Number(share.replace(',', '.').replace('%', '')) : undefined,
    column: columnOf,
  };
}
