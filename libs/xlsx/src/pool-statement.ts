import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { DrawdownView, FundPoolView, LedgerEntryView, PoolTotals } from '@sinergi/contracts';
import { RUPIAH_FORMAT, rupiahCell } from './rupiah-cell';


const KIND_LABEL: Record<LedgerEntryView['kind'], string> = {
  PLEDGE: 'Janji kontribusi',
  RECEIPT: 'Penerimaan',
  COMMIT: 'Persetujuan (komitmen)',
  RELEASE: 'Pembatalan komitmen',
  DISBURSE: 'Pencairan',
  REVERSAL: 'Pembalikan',
  CARRY_OUT: 'Sisa dipindah ke tahun berikut',
  CARRY_IN: 'Sisa dari tahun sebelumnya',
};

export interface PoolStatementInput {
  pool: FundPoolView;
  ledger: LedgerEntryView[];
  drawdowns: DrawdownView[];
  totals: PoolTotals;
  printedAt: Date;
}

/**
 * The pool statement a holder hands to the task force: a summary with the balances, the ledger
 * with the running balance after each entry, the requests, and totals per activity and per agency.
 * Streamed (WorkbookWriter), Rupiah-formatted, frozen header rows, landscape A4. Text is written
 * as string cells, which Excel never evaluates (a purpose typed as "=HYPERLINK(…)" stays text).
 */
export async function writePoolStatement(input: PoolStatementInput, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sinergi';
  const { pool } = input;

  const summary = wb.addWorksheet('Ringkasan', { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  summary.columns = [{ width: 34 }, { width: 26 }];
  const rows: [string, string | number | bigint][] = [
    ['Dana taktis', pool.name],
    ['Pemegang', pool.holderAgencyName],
    ['Wilayah', `${pool.regionName} (${pool.regionCode})`],
    ['Tahun anggaran', pool.fiscalYear],
    ['Dicetak', input.printedAt.toISOString().slice(0, 16).replace('T', ' ')],
  ];
  for (const [k, v] of rows) summary.addRow([k, typeof v === 'string' ? v : Number(v)]).commit();
  summary.addRow([]).commit();
  for (const [k, v] of [
    ['Dijanjikan', pool.expected],
    ['Diterima', pool.received],
    ['Dikomitmenkan', pool.committed],
    ['Dicairkan', pool.disbursed],
    ['Tersedia', pool.available],
    ['  di antaranya cadangan darurat', pool.reserve],
  ] as const) {
    const row = summary.addRow([k, rupiahCell(v)]);
    row.getCell(2).numFmt = RUPIAH_FORMAT;
    row.commit();
  }
  summary.commit();

  const ledger = wb.addWorksheet('Buku Kas', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ledger.columns = [
    { header: 'No', width: 6 },
    { header: 'Waktu', width: 18 },
    { header: 'Jenis', width: 28 },
    { header: 'Jumlah', width: 18 },
    { header: 'Sumber / rujukan', width: 40 },
    { header: 'Oleh', width: 28 },
    { header: 'Diterima', width: 18 },
    { header: 'Dikomitmenkan', width: 18 },
    { header: 'Dicairkan', width: 18 },
    { header: 'Tersedia', width: 18 },
  ];
  ledger.getRow(1).font = { bold: true };
  ledger.getRow(1).commit();
  input.ledger.forEach((e, i) => {
    const ref = [e.sourceType, e.reference, e.note, e.reversesEntryId ? `membalik entri ${e.reversesEntryId}` : undefined].filter(Boolean).join(' · ');
    const row = ledger.addRow([
      i + 1,
      e.at.slice(0, 16).replace('T', ' '),
      KIND_LABEL[e.kind],
      rupiahCell(e.amount),
      ref,
      e.actorEmail ?? '',
      rupiahCell(e.balances.received),
      rupiahCell(e.balances.committed),
      rupiahCell(e.balances.disbursed),
      rupiahCell(e.balances.available),
    ]);
    for (const c of [4, 7, 8, 9, 10]) row.getCell(c).numFmt = RUPIAH_FORMAT;
    row.commit();
  });
  ledger.commit();

  const requests = wb.addWorksheet('Permintaan', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  requests.columns = [
    { header: 'Diajukan', width: 18 },
    { header: 'Instansi', width: 36 },
    { header: 'Kegiatan', width: 44 },
    { header: 'Keperluan', width: 44 },
    { header: 'Jumlah', width: 18 },
    { header: 'Status', width: 14 },
    { header: 'Bukti', width: 30 },
  ];
  requests.getRow(1).font = { bold: true };
  requests.getRow(1).commit();
  for (const d of input.drawdowns) {
    const row = requests.addRow([
      d.requestedAt.slice(0, 16).replace('T', ' '),
      d.requestingAgencyName,
      `${d.activityCode} ${d.activityTitle}`,
      d.purpose,
      rupiahCell(d.amount),
      d.status,
      d.proof ? `${d.proof.documentNumber} (${d.proof.date})` : '',
    ]);
    row.getCell(5).numFmt = RUPIAH_FORMAT;
    row.commit();
  }
  requests.commit();

  const totals = wb.addWorksheet('Rekap', { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  totals.columns = [{ width: 48 }, { width: 12 }, { width: 18 }, { width: 18 }];
  totals.addRow(['Per kegiatan', '', 'Dikomitmenkan', 'Dicairkan']).font = { bold: true };
  for (const a of input.totals.byActivity) {
    const row = totals.addRow([`${a.code} ${a.title}`, '', rupiahCell(a.committed), rupiahCell(a.disbursed)]);
    row.getCell(3).numFmt = RUPIAH_FORMAT;
    row.getCell(4).numFmt = RUPIAH_FORMAT;
    row.commit();
  }
  totals.addRow([]).commit();
  totals.addRow(['Per instansi peminta', 'Permintaan', 'Dikomitmenkan', 'Dicairkan']).font = { bold: true };
  for (const g of input.totals.byAgency) {
    const row = totals.addRow([g.name, g.requested, rupiahCell(g.committed), rupiahCell(g.disbursed)]);
    row.getCell(3).numFmt = RUPIAH_FORMAT;
    row.getCell(4).numFmt = RUPIAH_FORMAT;
    row.commit();
  }
  totals.commit();
  await wb.commit();
}
