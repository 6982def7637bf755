import ExcelJS from 'exceljs';
import { parseAmountText, readRadMatrix } from './rad-matrix-reader';

const cell = (text: string, number?: number) => ({ text, column: 'M', number });

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('RAD'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('RAD matrix reader', () => {
  it.each([
    ['Rp 1.250.000', '1250000'],
    ['Rp. 1.250.000', '1250000'],
    ['1.250.000,00', '1250000'],
    ['1250000', '1250000'],
    [' Rp 150.000.000 ', '150000000'],
    ['-', '0'],
  ])('reads the amount %s', (text, value) => {
    expect(parseAmountText(cell(text))).toEqual({ value });
  });

  it.each(['1,5 jt', '1.250.000,50', '12.50.000', '-5', 'seratus juta', '1,250,000'])('refuses %s as an amount, quoting it', (text) => {
    expect(parseAmountText(cell(text)).error).toContain(text);
  });

  it('keeps whole numbers from number cells and refuses fractions and negatives', () => {
    expect(parseAmountText(cell('150000000', 150000000))).toEqual({ value: '150000000' });
    expect(parseAmountText(cell('1.5', 1.5)).error).toBeDefined();
    expect(parseAmountText(cell('-1', -1)).error).toBeDefined();
  });

  it('finds a one-row header below title rows, matching synonyms loosely (PJ, Leading Sector, Pagu Indikatif)', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['MATRIKS RAD']);
      ws.addRow([]);
      ws.addRow(['NO.', 'Strategi', 'Nama  Kegiatan', 'Keluaran', 'Leading Sector', 'Pagu Indikatif Tahun 2027', 'Target 2027']);
      ws.addRow([1, 'Pencegahan', 'Sosialisasi', 'Warga paham', 'DP3A', 'Rp 5.000.000', '3']);
    });
    const { read, errors } = await readRadMatrix(bytes);
    expect(errors).toEqual([]);
    expect(read!.layout).toMatchObject({ headerRow: 3, dataRow: 4, fields: { no: 1, strategy: 2, activity: 3, output: 4, lead: 5 } });
    expect([...read!.layout.years.need]).toEqual([[2027, 6]]);
    expect(read!.rows[0].cells.lead).toEqual({ text: 'DP3A', column: 'E', number: undefined });
    expect(read!.rows[0].yearCells.target.get(2027)?.text).toBe('3');
  });

  it('follows a strategy cell merged over its activities', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Strategi', 'Kegiatan', 'PJ', 'Kebutuhan Anggaran 2026']);
      ws.addRow(['2. Penguatan rehabilitasi kesehatan', 'Layanan kesehatan korban', 'Dinkes', 1000]);
      ws.addRow([null, 'Visum gratis', 'Dinkes', 2000]);
      ws.mergeCells('A2:A3');
    });
    const { read } = await readRadMatrix(bytes);
    expect(read!.rows.map((r) => r.cells.strategy?.text)).toEqual(['2. Penguatan rehabilitasi kesehatan', '2. Penguatan rehabilitasi kesehatan']);
  });
});
