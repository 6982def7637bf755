import { CsvError, parseCsv } from './csv';

const parse = (text: string) => [...parseCsv(text)];

describe('parseCsv', () => {
  it('splits plain records and numbers their lines', () => {
    expect(parse('code,name\n53,NTT\n53.01,Kupang')).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['53', 'NTT'] },
      { line: 3, fields: ['53.01', 'Kupang'] },
    ]);
  });

  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(parse('3,"Penguatan rehabilitasi sosial, pemulangan dan reintegrasi","Kantor ""Dinsos"""')).toEqual([
      { line: 1, fields: ['3', 'Penguatan rehabilitasi sosial, pemulangan dan reintegrasi', 'Kantor "Dinsos"'] },
    ]);
  });

  it('keeps line breaks inside quoted fields and still numbers later records by their text line', () => {
    expect(parse('code,name\n1,"baris satu\nbaris dua\nbaris tiga"\n2,berikut')).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['1', 'baris satu\nbaris dua\nbaris tiga'] },
      { line: 5, fields: ['2', 'berikut'] },
    ]);
  });

  it('reads CRLF files (Excel on Windows) like LF files', () => {
    expect(parse('a,b\r\n1,"x\r\ny"\r\n2,z\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\r\ny'] },
      { line: 4, fields: ['2', 'z'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark so the first heading is not "\\uFEFFcode"', () => {
    expect(parse('\ufeffcode,name\n1,a')[0].fields).toEqual(['code', 'name']);
  });

  it('skips empty lines (including a trailing one) without shifting line numbers', () => {
    expect(parse('a\n\n1\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['1'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parse('1,,3,\n')).toEqual([{ line: 1, fields: ['1', '', '3', ''] }]);
  });

  it('supports another delimiter (semicolon, as Excel writes in id-ID)', () => {
    expect([...parseCsv('kode;nama\n"1;2";x', ';')].map((r) => r.fields)).toEqual([
      ['kode', 'nama'],
      ['1;2', 'x'],
    ]);
  });

  it('reports an unclosed quote with the line where the record starts', () => {
    let error: unknown;
    try {
      parse('code,name\n1,ok\n2,"tidak ditutup\nlagi\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ line: 3, message: expect.stringContaining('baris 3') });
    // Named, so a log line says CsvError rather than a bare Error.
    expect((error as Error).name).toBe('CsvError');
  });

  it('yields records before the broken one (streaming)', () => {
    const records = parseCsv('a\n1\n"x');
    expect(records.next().value).toEqual({ line: 1, fields: ['a'] });
    expect(records.next().value).toEqual({ line: 2, fields: ['1'] });
    expect(() => records.next()).toThrow(CsvError);
  });
});
