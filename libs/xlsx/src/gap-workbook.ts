import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ActivityGapView, GapFlag, GapReport } from '@sinergi/contracts';
import { RUPIAH_FORMAT, rupiahCell } from './rupiah-cell';



export const GAP_FLAG_LABELS: Record<GapFlag, string> = {
  UNFUNDED: 'Belum didanai',
  UNDERFUNDED: 'Kurang dana',
  OVERFUNDED: 'Lebih dana',
  CODE_OUT_OF_MANDATE: 'Kode di luar urusan instansi',
  CODE_LEVEL_MISMATCH: 'Kode tingkat pemerintahan lain',
  RETIRED_CODE: 'Kode sudah tidak berlaku',
  VILLAGE_UNALIGNED: 'Desa lokasi belum menganggarkan',
  STALE_STAGE: 'Tahun berjalan, masih RKA',
  NO_LEAD_AGENCY: 'Tanpa penanggung jawab',
};

export interface GapWorkbookInput {
  report: GapReport;
  planTitle: string;
  regionName: string;
  printedAt: Date;
}

const ACTIVITY_COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: 'Kode', width: 8 },
  { header: 'Kegiatan', width: 50 },
  { header: 'Penanggung jawab', width: 18 },
  { header: 'Kebutuhan', width: 18 },
  { header: 'Teralokasi', width: 18 },
  { header: 'APBD', width: 16 },
  { header: 'APBDes', width: 16 },
  { header: 'APBN/lainnya', width: 16 },
  { header: 'Dana taktis', width: 16 },
  { header: 'Selisih', width: 18 },
  { header: 'Realisasi', width: 16 },
  { header: 'Catatan', width: 44 },
];

function moneyOf(a: ActivityGapView, key: 'need' | 'allocated' | 'APBD' | 'APBDES' | 'APBN+OTHER' | 'POOL' | 'gap' | 'realised'): bigint {
  switch (key) {
    case 'need':
    case 'allocated':
    case 'gap':
    case 'realised':
      return BigInt(a[key]);
    case 'APBN+OTHER':
      return BigInt(a.bySource.APBN) + BigInt(a.bySource.OTHER);
    default:
      return BigInt(a.bySource[key]);
  }
}

function activityRow(a: ActivityGapView): (string | number)[] {
  return [
    a.code,
    a.title,
    a.leadAgencyName ?? '',
    rupiahCell(a.need),
    rupiahCell(a.allocated),
    rupiahCell(a.bySource.APBD),
    rupiahCell(a.bySource.APBDES),
    rupiahCell(BigInt(a.bySource.APBN) + BigInt(a.bySource.OTHER)),
    rupiahCell(a.bySource.POOL),
    rupiahCell(a.gap),
    rupiahCell(a.realised),
    a.flags.map((f) => GAP_FLAG_LABELS[f]).join('; '),
  ];
}

function addActivitySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, activities: ActivityGapView[]): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = ACTIVITY_COLUMNS;
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  for (const a of activities) {
    const row = ws.addRow(activityRow(a));
    for (let c = 4; c <= 11; c++) row.getCell(c).numFmt = RUPIAH_FORMAT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  const total = ws.addRow([
    '',
    'Jumlah',
    '',
    // Totals in bigint, converted once (a sum must never pass through floating point).
    ...(['need', 'allocated', 'APBD', 'APBDES', 'APBN+OTHER', 'POOL', 'gap', 'realised'] as const).map((k) =>
      rupiahCell(activities.reduce((sum, a) => sum + moneyOf(a, k), 0n)),
    ),
    '',
  ]);
  total.font = { bold: true };
  for (let c = 4; c <= 11; c++) total.getCell(c).numFmt = RUPIAH_FORMAT;
  total.commit();
  ws.commit();
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Instansi';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 26)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/**
 * gaps.xlsx: a summary sheet (totals, by strategy, by year, flags), the activity sheet, and one
 * sheet per lead agency with its activities. Rupiah-formatted, frozen headers, landscape A4 with
 * the header row repeated on every printed page. Streamed.
 */
export async function writeGapWorkbook(input: GapWorkbookInput, out: Writable): Promise<void> {
  const { report } = input;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sinergi';

  const summary = wb.addWorksheet('Ringkasan', { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 44 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 12 }];
  const line = (values: (string | number)[], money: number[] = [], bold = false) => {
    const row = summary.addRow(values);
    for (const c of money) row.getCell(c).numFmt = RUPIAH_FORMAT;
    if (bold) row.font = { bold: true };
    row.commit();
  };
  line(['Analisis kesenjangan anggaran RAD PP-TPPO'], [], true);
  line(['Rencana aksi', input.planTitle]);
  line(['Wilayah', `${input.regionName} (${report.regionCode})`]);
  line(['Tahun anggaran', report.fiscalYear]);
  line(['Dicetak', input.printedAt.toISOString().slice(0, 16).replace('T', ' ')]);
  line([]);
  line(['', 'Kebutuhan', 'Teralokasi', 'Selisih'], [], true);
  line(['Jumlah', rupiahCell(report.totals.need), rupiahCell(report.totals.allocated), rupiahCell(report.totals.gap)], [2, 3, 4], true);
  line([]);
  line(['Per strategi', 'Kebutuhan', 'Teralokasi', 'Selisih', 'Belum didanai'], [], true);
  for (const s of report.byStrategy) line([`${s.strategyCode}. ${s.name}`, rupiahCell(s.need), rupiahCell(s.allocated), rupiahCell(s.gap), s.unfunded], [2, 3, 4]);
  line([]);
  line(['Per tahun', 'Kebutuhan', 'Teralokasi', 'Selisih'], [], true);
  for (const y of report.byYear) line([String(y.fiscalYear), rupiahCell(y.need), rupiahCell(y.allocated), rupiahCell(y.gap)], [2, 3, 4]);
  line([]);
  line(['Tanda', 'Jumlah kegiatan'], [], true);
  for (const [flag, n] of Object.entries(report.flagCounts) as [GapFlag, number][]) if (n) line([GAP_FLAG_LABELS[flag], n]);
  summary.commit();

  addActivitySheet(wb, 'Kegiatan', report.activities);
  const used = new Set(['ringkasan', 'kegiatan']);
  for (const agency of report.byAgency) {
    const own = report.activities.filter((a) => a.leadAgencyId === agency.agencyId);
    if (own.length) addActivitySheet(wb, sheetName(agency.shortName || agency.name, used), own);
  }
  await wb.commit();
}
