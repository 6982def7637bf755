import ExcelJS from 'exceljs';
import type { ImportError } from '@sinergi/contracts';
import { cellText, detectFormat, UnreadableFileError } from './table-reader';
import { inspectZip, XLSX_LIMITS } from './zip-safety';

/**
 * Reads a region's existing RAD matrix from Excel, as planners keep it: the header row somewhere in
 * the first 20 rows (one row, or two with merged group cells over the years), header names matched
 * loosely, merged strategy cells followed, amounts as numbers or text. It only reads and reports
 * cells; matching agencies, strategies and places is the API's (it knows the region).
 */

export type MatrixField =
  | 'no'
  | 'strategy'
  | 'activity'
  | 'output'
  | 'indicator'
  | 'unit'
  | 'baseline'
  | 'lead'
  | 'supporting'
  | 'location'
  | 'budgetCode'
  | 'fundSource';
export type YearField = 'target' | 'need' | 'allocated';

/** Header synonyms, normalised (lower case, single spaces, no punctuation). */
const FIELD_NAMES: Record<MatrixField, string[]> = {
  no: ['no', 'nomor', 'no urut'],
  strategy: ['strategi', 'strategi ran', 'strategi nasional'],
  activity: ['kegiatan', 'nama kegiatan', 'rencana aksi', 'program kegiatan', 'uraian kegiatan'],
  output: ['output', 'keluaran'],
  indicator: ['indikator', 'indikator kinerja', 'indikator keluaran'],
  unit: ['satuan'],
  baseline: ['baseline', 'kondisi awal', 'data dasar'],
  lead: ['penanggung jawab', 'pj', 'leading sector', 'instansi penanggung jawab', 'opd penanggung jawab', 'pelaksana'],
  supporting: ['instansi terkait', 'pendukung', 'instansi pendukung', 'mitra', 'opd terkait'],
  location: ['lokasi', 'lokus'],
  budgetCode: ['kode sub kegiatan', 'kode', 'kode rekening', 'kode anggaran'],
  fundSource: ['sumber dana', 'sumber anggaran', 'sumber pendanaan'],
};
const YEAR_NAMES: Record<YearField, string[]> = {
  target: ['target'],
  need: ['kebutuhan anggaran', 'pagu indikatif', 'kebutuhan', 'anggaran', 'kebutuhan biaya', 'pagu'],
  allocated: ['teralokasi', 'alokasi', 'realisasi anggaran'],
};

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function fieldOf(text: string): MatrixField | undefined {
  const n = normaliseHeader(text);
  return (Object.keys(FIELD_NAMES) as MatrixField[]).find((f) => FIELD_NAMES[f].includes(n));
}

function yearFieldOf(text: string): { field: YearField; year: number } | undefined {
  const n = normaliseHeader(text);
  const m = /\b(20\d{2})\b/.exec(n);
  if (!m) return undefined;
  const label = n.replace(m[0], '').replace(/\b(tahun|th|ta|rp)\b/g, '').replace(/\s+/g, ' ').trim();
  const field = (Object.keys(YEAR_NAMES) as YearField[]).find((f) => YEAR_NAMES[f].includes(label));
  return field ? { field, year: Number(m[1]) } : undefined;
}

export interface MatrixLayout {
  sheet: string;
  headerRow: number;
  /** First row below the header (two header rows push it one further down). */
  dataRow: number;
  /** Column number (1-based) of each fixed field found. */
  fields: Partial<Record<MatrixField, number>>;
  /** Per year field: year → column. */
  years: Record<YearField, Map<number, number>>;
}

export interface MatrixCell {
  text: string;
  column: string;
  /** A numeric cell keeps its number (amounts). */
  number?: number;
}

export interface MatrixRow {
  row: number;
  cells: Partial<Record<MatrixField, MatrixCell>>;
  yearCells: Record<YearField, Map<number, MatrixCell>>;
}

export interface MatrixRead {
  layout: MatrixLayout;
  rows: MatrixRow[];
  /** From a cover sheet written by Sinergi ("Rencana Aksi Daerah" row), when there is one. */
  title?: string;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The value of a cell, or of the master of its merged range (a strategy cell spanning rows). */
function valueOf(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.CellValue {
  const cell = ws.getCell(row, col);
  return cell.isMerged ? cell.master.value : cell.value;
}

/**
 * Finds the header in the first 20 rows: the row naming an activity column, a lead column and
 * per-year need columns, the years either in the same cells ("Kebutuhan Anggaran 2026") or in the
 * row below under a merged group label ("Pagu Indikatif" over 2026 … 2028).
 */
function findLayout(ws: ExcelJS.Worksheet): MatrixLayout | undefined {
  const last = Math.min(20, ws.rowCount);
  for (let r = 1; r <= last; r++) {
    const layout: MatrixLayout = { sheet: ws.name, headerRow: r, dataRow: r + 1, fields: {}, years: { target: new Map(), need: new Map(), allocated: new Map() } };
    const width = Math.max(ws.getRow(r).cellCount, ws.getRow(r + 1).cellCount);
    for (let c = 1; c <= width; c++) {
      const text = cellText(valueOf(ws, r, c)).trim();
      const below = cellText(ws.getCell(r + 1, c).value).trim();
      if (/^20\d{2}$/.test(below)) {
        // Two header rows: a bare year under a group label (the master of a merged cell).
        const group = yearFieldOf(`${text} ${below}`);
        if (group) {
          layout.years[group.field].set(group.year, c);
          layout.dataRow = r + 2;
          continue;
        }
      }
      if (!text) continue;
      const field = fieldOf(text);
      if (field && layout.fields[field] === undefined) {
        layout.fields[field] = c;
        continue;
      }
      const yf = yearFieldOf(text);
      if (yf) layout.years[yf.field].set(yf.year, c);
    }
    if (layout.fields.activity && layout.fields.lead && layout.years.need.size) return layout;
  }
  return undefined;
}

/** Reads the workbook; a file that is not xlsx or has no recognisable matrix is one ImportError. */
export async function readRadMatrix(bytes: Buffer): Promise<{ read?: MatrixRead; errors: ImportError[] }> {
  if (detectFormat(bytes) !== 'xlsx') return { errors: [{ sheet: '', row: 0, column: '', message: 'Berkas bukan xlsx: unggah matriks RAD dalam format Excel (.xlsx)' }] };
  // Judged by its directory before exceljs inflates anything (a zip bomb never reaches it).
  inspectZip(bytes, XLSX_LIMITS, 'xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(`Berkas xlsx rusak atau tidak dapat dibaca (${(error as Error).message.slice(0, 120)})`);
  }
  let title: string | undefined;
  const cover = wb.worksheets.find((w) => normaliseHeader(w.name) === 'sampul');
  cover?.eachRow((row) => {
    if (normaliseHeader(cellText(row.getCell(1).value)) === 'rencana aksi daerah') title = cellText(row.getCell(2).value).trim() || undefined;
  });
  for (const ws of wb.worksheets) {
    const layout = findLayout(ws);
    if (!layout) continue;
    const rows: MatrixRow[] = [];
    for (let r = layout.dataRow; r <= ws.rowCount; r++) {
      const cells: MatrixRow['cells'] = {};
      for (const [field, col] of Object.entries(layout.fields) as [MatrixField, number][]) {
        const value = valueOf(ws, r, col);
        const text = cellText(value).trim();
        if (text) cells[field] = { text, column: columnLetter(col), number: typeof value === 'number' ? value : undefined };
      }
      const yearCells: MatrixRow['yearCells'] = { target: new Map(), need: new Map(), allocated: new Map() };
      for (const yf of Object.keys(layout.years) as YearField[]) {
        for (const [year, col] of layout.years[yf]) {
          const value = ws.getCell(r, col).value;
          const text = cellText(value).trim();
          if (text) yearCells[yf].set(year, { text, column: columnLetter(col), number: typeof value === 'number' ? value : undefined });
        }
      }
      if (Object.keys(cells).length || yearCells.need.size) rows.push({ row: r, cells, yearCells });
    }
    return { read: { layout, rows, title }, errors: [] };
  }
  return {
    errors: [
      {
        sheet: wb.worksheets[0]?.name ?? '',
        row: 0,
        column: '',
        message: 'Baris judul matriks tidak ditemukan di 20 baris pertama: perlu kolom Kegiatan, Penanggung Jawab dan Kebutuhan Anggaran per tahun',
      },
    ],
  };
}

/**
 * An amount as planners type it: a number cell, or text such as `Rp 1.250.000`, `1.250.000,00`,
 * `1250000`. Dots are thousands separators, a comma starts decimals (which must be zero). Returns
 * the digits or an error message.
 */
export function parseAmountText(cell: MatrixCell): { value?: string; error?: string } {
  if (cell.number !== undefined) {
    if (!Number.isSafeInteger(cell.number) || cell.number < 0) return { error: 'harus jumlah Rupiah utuh, tidak negatif' };
    return { value: String(cell.number) };
  }
  const text = cell.text.trim().replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (text === '' || text === '-') return { value: '0' };
  const m = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?$/.exec(text);
  if (!m || (m[2] !== undefined && !/^0+$/.test(m[2]))) return { error: `"${cell.text}" bukan jumlah Rupiah utuh (contoh Rp 1.250.000)` };
  return { value: BigInt(m[1].replace(/\./g, '')).toString() };
}
