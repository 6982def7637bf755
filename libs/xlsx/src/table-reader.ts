import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { parseCsv } from './csv';
import { UnreadableFileError } from './file-errors';
import { inspectZip, XLSX_LIMITS } from './zip-safety';

/**
 * A table read from an uploaded CSV or xlsx file: the header (first non-empty row) and then one
 * record per row, keyed by header name, with the row number the user sees in their program.
 * The format is decided by the bytes, never by the file name.
 */
export interface TableRow {
  row: number;
  values: Record<string, string>;
}

export interface Table {
  format: 'csv' | 'xlsx';
  sheet: string;
  header: string[];
  rows: AsyncIterable<TableRow>;
}

export { UnreadableFileError };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFormat(bytes: Buffer): 'csv' | 'xlsx' {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (bytes.includes(0)) throw new UnreadableFileError('Berkas bukan CSV (teks) maupun xlsx');
  return 'csv';
}

/** Text of a cell as the user sees it: rich text joined, formulas by their result, numbers plain. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    // A formula saved without a computed result (files written by some tools) reads as empty.
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

function toRecord(header: string[], fields: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    if (name) record[name] = (fields[i] ?? '').trim();
  });
  return record;
}

function normaliseHeader(fields: string[]): string[] {
  return fields.map((f) => f.trim().toLowerCase());
}

async function* csvRows(text: string, header: string[], startAfter: number): AsyncGenerator<TableRow> {
  for (const { line, fields } of parseCsv(text)) {
    if (line <= startAfter) continue;
    if (fields.every((f) => f.trim() === '')) continue;
    yield { row: line, values: toRecord(header, fields) };
  }
}

export async function readTable(bytes: Buffer): Promise<Table> {
  const format = detectFormat(bytes);
  if (format === 'csv') {
    const text = bytes.toString('utf8');
    const first = parseCsv(text).next();
    if (first.done) throw new UnreadableFileError('Berkas kosong');
    const header = normaliseHeader(first.value.fields);
    return { format, sheet: 'CSV', header, rows: csvRows(text, header, first.value.line) };
  }
  return readXlsxTable(bytes);
}

const rowFields = (row: ExcelJS.Row): string[] => {
  const values = row.values as ExcelJS.CellValue[];
  const out: string[] = [];
  for (let c = 1; c < values.length; c++) out.push(cellText(values[c]));
  return out;
};

/** Splits rows into the header (first non-empty row) and the data rows after it. */
async function tableFromRows(format: 'xlsx', sheet: string, source: AsyncIterator<ExcelJS.Row>, finish: () => Promise<void>): Promise<Table> {
  let header: string[] | undefined;
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    const fields = rowFields(next.value);
    if (fields.some((f) => f.trim() !== '')) {
      header = normaliseHeader(fields);
      break;
    }
  }
  if (!header) {
    await finish();
    throw new UnreadableFileError('Lembar kerja pertama kosong');
  }
  const fixedHeader = header;
  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        const next = await source.next();
        if (next.done) return;
        const fields = rowFields(next.value);
        if (fields.every((f) => f.trim() === '')) continue;
        yield { row: next.value.number, values: toRecord(fixedHeader, fields) };
      }
    } finally {
      await finish();
    }
  }
  return { format, sheet, header: fixedHeader, rows: rows() };
}

/**
 * Streams the first worksheet of a workbook, so a large file is never held as a DOM. exceljs's
 * stream reader depends on the order of the zip entries; when it trips over an order it does not
 * expect, the file (already in memory, at most 20 MB) is read again with the full reader.
 */
async function readXlsxTable(bytes: Buffer): Promise<Table> {
  inspectZip(bytes, XLSX_LIMITS, 'xlsx');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
  try {
    first = await sheets.next();
  } catch {
    return readXlsxTableInMemory(bytes);
  }
  if (first.done) throw new UnreadableFileError('Buku kerja tidak memiliki lembar kerja');
  const worksheet = first.value;
  const sheetName = (worksheet as unknown as { name?: string }).name ?? 'Sheet1';
  // Letting the workbook reader run to its end removes the temporary files it may have written.
  const finish = async () => {
    await sheets.return?.(undefined);
  };
  return tableFromRows('xlsx', sheetName, worksheet[Symbol.asyncIterator](), finish);
}

async function readXlsxTableInMemory(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(`Berkas xlsx rusak atau tidak dapat dibaca (${(error as Error).message})`);
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new UnreadableFileError('Buku kerja tidak memiliki lembar kerja');
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
  async function* iterate(): AsyncGenerator<ExcelJS.Row> {
    yield* rows;
  }
  return tableFromRows('xlsx', worksheet.name, iterate(), async () => undefined);
}
