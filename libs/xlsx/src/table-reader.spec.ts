import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { detectFormat, readTable, type Table, type TableRow, UnreadableFileError } from './table-reader';

async function allRows(table: Table): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of table.rows) out.push(row);
  return out;
}

describe('readTable on CSV', () => {
  it('lower-cases and trims the header, trims values, numbers rows as a spreadsheet does, skips blank rows', async () => {
    const csv = '\ufeff Code , NAME ,Source\n53,Nusa Tenggara Timur , S1\n\n , ,\n53.01,"Kupang\nKabupaten",S2\n';
    const table = await readTable(Buffer.from(csv, 'utf8'));
    expect(table).toMatchObject({ format: 'csv', sheet: 'CSV', header: ['code', 'name', 'source'] });
    expect(await allRows(table)).toEqual([
      { row: 2, values: { code: '53', name: 'Nusa Tenggara Timur', source: 'S1' } },
      { row: 5, values: { code: '53.01', name: 'Kupang\nKabupaten', source: 'S2' } },
    ]);
  });

  it('gives missing trailing cells as empty text and ignores cells beyond the header', async () => {
    const table = await readTable(Buffer.from('code,name,note\n1,a\n2,b,c,extra'));
    expect((await allRows(table)).map((r) => r.values)).toEqual([
      { code: '1', name: 'a', note: '' },
      { code: '2', name: 'b', note: 'c' },
    ]);
  });

  it('takes the first non-empty line as the header', async () => {
    const table = await readTable(Buffer.from('\n\ncode,name\n7,x'));
    expect(table.header).toEqual(['code', 'name']);
    expect(await allRows(table)).toEqual([{ row: 4, values: { code: '7', name: 'x' } }]);
  });

  it('an empty file is unreadable', async () => {
    await expect(readTable(Buffer.from(''))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(readTable(Buffer.from('\n\n'))).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('readTable on xlsx', () => {
  async function workbook(build: (ws: ExcelJS.Worksheet) => void, sheetName = 'Kode'): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet(sheetName));
    wb.addWorksheet('Lain').addRow(['ignored']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet with its name, header lower-cased, the text the user sees in each cell', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow([' Code ', 'Name', 'Amount']);
      ws.addRow(['2.08.07', { richText: [{ text: 'Perlindungan ', font: { bold: true } }, { text: 'Anak' }] }, 1250000]);
      ws.addRow([]);
      ws.addRow(['2.08.08', 'Sosialisasi', { formula: 'C2*2', result: 2500000 }]);
    });
    const table = await readTable(bytes);
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Kode', header: ['code', 'name', 'amount'] });
    expect(await allRows(table)).toEqual([
      { row: 2, values: { code: '2.08.07', name: 'Perlindungan Anak', amount: '1250000' } },
      { row: 4, values: { code: '2.08.08', name: 'Sosialisasi', amount: '2500000' } },
    ]);
  });

  it('reads a formula by its result, and one saved without a result as empty (never "[object Object]")', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['code', 'name', 'total']);
      ws.addRow([{ formula: '"2.08"&".07"', result: '2.08.07' }, { formula: 'A1&"x"' }, { formula: '1+1', result: 2 }]);
    });
    expect((await allRows(await readTable(bytes)))[0].values).toEqual({ code: '2.08.07', name: '', total: '2' });
  });

  it('reads a workbook whose zip entries come in an order the stream reader cannot follow', async () => {
    // Shared strings and relationships before the sheet, workbook.xml after it: exceljs's stream
    // reader then parses the sheet before it knows the workbook and fails; the reader falls back.
    const original = await JSZip.loadAsync(
      await workbook((ws) => {
        ws.addRow(['code', 'name']);
        ws.addRow(['DDS', 'Dana Desa']);
      }),
    );
    const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/workbook.xml'];
    const reordered = new JSZip();
    for (const name of [...order, ...Object.keys(original.files).filter((n) => !order.includes(n) && !original.files[n].dir)]) {
      reordered.file(name, await original.file(name)!.async('uint8array'));
    }
    const bytes = await reordered.generateAsync({ type: 'nodebuffer' });
    const table = await readTable(bytes);
    expect(table.sheet).toBe('Kode');
    expect(await allRows(table)).toEqual([{ row: 2, values: { code: 'DDS', name: 'Dana Desa' } }]);
  });

  it('finds the header below empty rows and keeps the spreadsheet row numbers', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A3').value = 'code';
      ws.getCell('B3').value = 'name';
      ws.getCell('A5').value = 'DDS';
      ws.getCell('B5').value = 'Dana Desa';
    });
    const table = await readTable(bytes);
    expect(table.header).toEqual(['code', 'name']);
    expect(await allRows(table)).toEqual([{ row: 5, values: { code: 'DDS', name: 'Dana Desa' } }]);
  });

  it('an empty first sheet is unreadable', async () => {
    await expect(readTable(await workbook(() => undefined))).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('a broken zip is unreadable', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expect(readTable(bytes)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('detectFormat', () => {
  it('decides by the bytes, not the file name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['code']);
    expect(detectFormat(Buffer.from(await wb.xlsx.writeBuffer()))).toBe('xlsx');
    // a CSV someone saved as "kode.xlsx" is still read as CSV
    expect(detectFormat(Buffer.from('code,name\n1,a'))).toBe('csv');
  });

  it('refuses binary that is neither (a NUL byte, e.g. an old .xls or a UTF-16 export)', () => {
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00]))).toThrow(UnreadableFileError);
    expect(() => detectFormat(Buffer.from('c\u0000o\u0000d\u0000e\u0000'))).toThrow(UnreadableFileError);
  });
});
