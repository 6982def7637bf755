import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { RUPIAH_FORMAT, rupiahCell } from './rupiah-cell';


/** One activity row of the matrix, already resolved to names (the writer knows no ids). */
export interface RadMatrixActivity {
  code: string;
  title: string;
  output: string;
  indicator: string;
  unit: string;
  baseline: string;
  targets: Record<string, string>;
  leadAgency: string;
  supportingAgencies: string[];
  locations: string[];
  budgetCodes: string[];
  fundSources: string[];
  /** Need per year (digit strings). */
  costs: Record<string, string>;
  /** Allocated per year (digit strings). */
  allocated: Record<string, string>;
}

export interface RadMatrixInput {
  title: string;
  regionCode: string;
  regionName: string;
  startYear: number;
  endYear: number;
  status: string;
  version: number;
  legalBasis?: { number: string; date: string };
  strategies: { code: number; name: string; activities: RadMatrixActivity[] }[];
  printedAt: Date;
}

/** The fixed columns before and after the per-year groups; the importer matches these names. */
export const RAD_MATRIX_HEADERS = {
  no: 'No',
  strategy: 'Strategi',
  activity: 'Kegiatan',
  output: 'Output',
  indicator: 'Indikator',
  unit: 'Satuan',
  baseline: 'Baseline',
  target: 'Target',
  lead: 'Penanggung Jawab',
  supporting: 'Instansi Terkait',
  location: 'Lokasi',
  budgetCode: 'Kode Sub Kegiatan',
  fundSource: 'Sumber Dana',
  need: 'Kebutuhan Anggaran',
  allocated: 'Teralokasi',
  gap: 'Selisih',
} as const;

const big = (v: string | undefined) => BigInt(v ?? '0');

/**
 * The RAD matrix as planners hand it in: a cover sheet and the matrix (one header row; per-year
 * columns are "Target 2026", "Kebutuhan Anggaran 2026", "Teralokasi 2026"), strategy rows grouping
 * their activities, Rupiah format, frozen header and first columns, landscape A4 with the header
 * repeated on every page, a totals row. Streamed. Every text is a string cell: a title that begins
 * with "=" stays text and is never evaluated.
 */
export async function writeRadMatrix(input: RadMatrixInput, out: Writable): Promise<void> {
  const years: number[] = [];
  for (let y = input.startYear; y <= input.endYear; y++) years.push(y);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sinergi';

  const cover = wb.addWorksheet('Sampul', { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  cover.columns = [{ width: 28 }, { width: 70 }];
  const coverRows: [string, string | number][] = [
    ['Rencana Aksi Daerah', input.title],
    ['Wilayah', `${input.regionName} (${input.regionCode})`],
    ['Periode', `${input.startYear}–${input.endYear}`],
    ['Status', input.status],
    ['Versi', input.version],
    ['Dasar hukum', input.legalBasis ? `${input.legalBasis.number}, ${input.legalBasis.date}` : '-'],
    ['Dicetak', input.printedAt.toISOString().slice(0, 16).replace('T', ' ')],
  ];
  for (const [k, v] of coverRows) {
    const row = cover.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  cover.commit();

  const H = RAD_MATRIX_HEADERS;
  const header = [
    H.no, H.strategy, H.activity, H.output, H.indicator, H.unit, H.baseline,
    ...years.map((y) => `${H.target} ${y}`),
    H.lead, H.supporting, H.location, H.budgetCode, H.fundSource,
    ...years.map((y) => `${H.need} ${y}`),
    ...years.map((y) => `${H.allocated} ${y}`),
    H.gap,
  ];
  const firstNeed = 7 + years.length + 5 + 1;
  const moneyColumns = Array.from({ length: years.length * 2 + 1 }, (_, i) => firstNeed + i);
  const ws = wb.addWorksheet('Matriks RAD', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = header.map((h, i) => ({
    header: h,
    width: i === 0 ? 6 : i === 2 ? 44 : i < 7 ? 22 : moneyColumns.includes(i + 1) ? 17 : 16,
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.commit();

  const totals = { need: years.map(() => 0n), allocated: years.map(() => 0n) };
  for (const strategy of input.strategies) {
    const group = ws.addRow([strategy.code, `${strategy.code}. ${strategy.name}`]);
    group.font = { bold: true };
    group.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF3' } };
    group.commit();
    for (const a of strategy.activities) {
      const need = years.map((y) => big(a.costs[String(y)]));
      const allocated = years.map((y) => big(a.allocated[String(y)]));
      need.forEach((v, i) => (totals.need[i] += v));
      allocated.forEach((v, i) => (totals.allocated[i] += v));
      const gap = need.reduce((s, v) => s + v, 0n) - allocated.reduce((s, v) => s + v, 0n);
      const row = ws.addRow([
        a.code,
        `${strategy.code}. ${strategy.name}`,
        a.title,
        a.output,
        a.indicator,
        a.unit,
        a.baseline,
        ...years.map((y) => a.targets[String(y)] ?? ''),
        a.leadAgency,
        a.supportingAgencies.join('; '),
        a.locations.join('; '),
        a.budgetCodes.join('; '),
        a.fundSources.join('; '),
        ...need.map(rupiahCell),
        ...allocated.map(rupiahCell),
        rupiahCell(gap),
      ]);
      row.alignment = { wrapText: true, vertical: 'top' };
      for (const c of moneyColumns) row.getCell(c).numFmt = RUPIAH_FORMAT;
      row.commit();
    }
  }
  const sum = (vs: bigint[]) => vs.reduce((s, v) => s + v, 0n);
  const total = ws.addRow([
    '', 'Jumlah', '', '', '', '', '', ...years.map(() => ''), '', '', '', '', '',
    ...totals.need.map(rupiahCell), ...totals.allocated.map(rupiahCell), rupiahCell(sum(totals.need) - sum(totals.allocated)),
  ]);
  total.font = { bold: true };
  for (const c of moneyColumns) total.getCell(c).numFmt = RUPIAH_FORMAT;
  total.commit();
  ws.commit();
  await wb.commit();
}
