import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  detectCsvDelimiter,
  parseSiskeudesAmount,
  readSiskeudesZip,
  SISKEUDES_LIMITS,
  siskeudesLines,
  type SiskeudesRead,
} from './siskeudes';
import { UnreadableFileError } from './table-reader';
import { HostileFileError } from './zip-safety';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/siskeudes');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const OK = ['Ta_Kegiatan', 'Ta_RABRinci', 'Ref_Sumber', 'Ref_Kegiatan'];

async function zipOf(files: Record<string, Buffer | string>, options: { compression?: 'STORE' | 'DEFLATE' } = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: options.compression ?? 'DEFLATE' });
}

/** The four ok tables under a folder, with the file names in another case, as users zip them. */
async function okZip(replace: Record<string, Buffer | string | null> = {}): Promise<Buffer> {
  const files: Record<string, Buffer | string> = {};
  for (const t of OK) {
    if (replace[t] === null) continue;
    files[`Siskeudes Oesao 2026/${t.toUpperCase()}.CSV`] = replace[t] ?? fixture(`ok/${t}.csv`);
  }
  return zipOf(files);
}

async function read(bytes: Buffer): Promise<SiskeudesRead> {
  return siskeudesLines(await readSiskeudesZip(bytes));
}

/** Small tables for the error cases: one kegiatan, rows given as `SumberDana;Anggaran;AnggaranStlhPAK`. */
const KEGIATAN = 'Tahun,Kd_Desa,Kd_Keg,ID_Keg,Nama_Kegiatan\n2026,06.15.,06.15.04.04.02.,04.04.02.,Penyuluhan Perlindungan Anak\n';
function rab(rows: string[], header = 'Tahun;Kd_Desa;Kd_Keg;SumberDana;Anggaran;AnggaranStlhPAK'): string {
  return [header, ...rows].join('\n') + '\n';
}

/** Sets the sizes a zip's central directory declares for an entry, leaving the data as it is. */
function patchDirectory(bytes: Buffer, name: string, sizes: { compressed?: number; uncompressed?: number }): Buffer {
  const out = Buffer.from(bytes);
  for (let p = 0; p < out.length - 46; p++) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + nameLength).toString('utf8') !== name) continue;
    if (sizes.compressed !== undefined) out.writeUInt32LE(sizes.compressed, p + 20);
    if (sizes.uncompressed !== undefined) out.writeUInt32LE(sizes.uncompressed, p + 24);
    return out;
  }
  throw new Error(`no directory entry ${name}`);
}

async function refusal(bytes: Buffer): Promise<Error> {
  try {
    await readSiskeudesZip(bytes);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the zip was accepted');
}

describe('readSiskeudesZip and siskeudesLines on the Oesao export', () => {
  it('reads the tables in a folder whatever the case of their names, with , or ; and a BOM', async () => {
    const tables = await readSiskeudesZip(await okZip());
    expect(tables.errors).toEqual([]);
    expect(Object.keys(tables.tables).sort()).toEqual([...OK].sort());
    expect(tables.tables.Ta_RABRinci).toMatchObject({ delimiter: ';', path: 'Siskeudes Oesao 2026/TA_RABRINCI.CSV' });
    expect(tables.tables.Ta_Kegiatan?.delimiter).toBe(',');
    // The BOM is not part of the first column's name; quoted values keep their ; and "".
    expect(tables.tables.Ta_RABRinci?.header.slice(0, 3)).toEqual(['Tahun', 'Kd_Desa', 'Kd_Keg']);
    expect(tables.tables.Ta_RABRinci?.rows[8]).toMatchObject({ row: 10, values: { Uraian: 'Honor narasumber penyuluhan perlindungan anak; pencegahan TPPO' } });
    expect(tables.tables.Ta_RABRinci?.rows[10].values.Uraian).toBe('Cetak leaflet "migrasi aman"');
  });

  it('sums Anggaran per kegiatan and fund source, normalises the codes, and records the revision (PAK) as APBDES_P after APBDES', async () => {
    const result = await read(await okZip());
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ fiscalYear: 2026, kdDesa: '06.15.', errorCount: 0 });
    expect(result.lines.map(({ budgetCode, idKeg, fundSource, stages, row, items }) => ({ budgetCode, idKeg, fundSource, stages, row, items }))).toEqual([
      // 6.500.000 + 4.250.000 + 18.000.000
      { budgetCode: '1.1.04', idKeg: '01.01.04.', fundSource: 'ADD', stages: [{ stage: 'APBDES', amount: 28_750_000n }], row: 2, items: 3 },
      { budgetCode: '1.1.04', idKeg: '01.01.04.', fundSource: 'PBH', stages: [{ stage: 'APBDES', amount: 3_600_000n }], row: 5, items: 1 },
      // 2.400.000 + 3.750.000
      { budgetCode: '4.4.01', idKeg: '04.04.01.', fundSource: 'DDS', stages: [{ stage: 'APBDES', amount: 6_150_000n }], row: 6, items: 2 },
      // 5.000.000 + 12.500.000
      { budgetCode: '4.4.01', idKeg: '04.04.01.', fundSource: 'PBK', stages: [{ stage: 'APBDES', amount: 17_500_000n }], row: 8, items: 2 },
      // 3.000.000 + 4.800.000 + 2.200.000; after the PAK 4.500.000 + 4.800.000 + 2.200.000
      {
        budgetCode: '4.4.02',
        idKeg: '04.04.02.',
        fundSource: 'DDS',
        stages: [
          { stage: 'APBDES', amount: 10_000_000n },
          { stage: 'APBDES_P', amount: 11_500_000n },
        ],
        row: 10,
        items: 3,
      },
      { budgetCode: '4.4.02', idKeg: '04.04.02.', fundSource: 'ADD', stages: [{ stage: 'APBDES', amount: 1_500_000n }], row: 13, items: 1 },
    ]);
    expect(result.lines.find((l) => l.budgetCode === '4.4.02')?.name).toBe('Pelatihan/Penyuluhan Perlindungan Anak');
  });

  it('takes a file where every AnggaranStlhPAK is 0 or empty as not yet revised', async () => {
    const tables = { Ta_Kegiatan: KEGIATAN, Ta_RABRinci: rab(['2026;06.15.;06.15.04.04.02.;DDS;1000;0', '2026;06.15.;06.15.04.04.02.;DDS;2000;']) };
    const result = await read(await zipOf(Object.fromEntries(Object.entries(tables).map(([k, v]) => [`${k}.csv`, v]))));
    expect(result.lines.map((l) => l.stages)).toEqual([[{ stage: 'APBDES', amount: 3000n }]]);
  });

  it('after a revision: an item cut to 0 counts 0, an item without AnggaranStlhPAK keeps its Anggaran, a kegiatan new in the PAK has APBDES_P only', async () => {
    const rows = [
      '2026;06.15.;06.15.04.04.02.;DDS;1000;0',
      '2026;06.15.;06.15.04.04.02.;DDS;2000;',
      '2026;06.15.;06.15.04.04.02.;ADD;0;5000',
      '2026;06.15.;06.15.04.04.02.;PBK;700;700',
    ];
    const result = await read(await zipOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab(rows) }));
    expect(Object.fromEntries(result.lines.map((l) => [l.fundSource, l.stages]))).toEqual({
      // 1.000 + 2.000 before; 0 + 2.000 after
      DDS: [
        { stage: 'APBDES', amount: 3000n },
        { stage: 'APBDES_P', amount: 2000n },
      ],
      ADD: [{ stage: 'APBDES_P', amount: 5000n }],
      PBK: [{ stage: 'APBDES', amount: 700n }],
    });
  });

  it('reads Windows-1252 text (Access "ANSI" export), tabs as delimiter and CRLF', async () => {
    // "–" is 0x96 and "é" 0xe9 in Windows-1252; neither is valid UTF-8 alone.
    const kegiatan = Buffer.concat([
      Buffer.from('Tahun\tKd_Desa\tKd_Keg\tID_Keg\tNama_Kegiatan\r\n2026\t06.15.\t06.15.04.04.02.\t04.04.02.\tPenyuluhan Anak ', 'latin1'),
      Buffer.from([0x96]),
      Buffer.from(' Caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n', 'latin1'),
    ]);
    const result = await read(await zipOf({ 'Ta_Kegiatan.csv': kegiatan, 'Ta_RABRinci.csv': rab(['2026;06.15.;06.15.04.04.02.;DDS;1000;']) }));
    expect(result.errors).toEqual([]);
    expect(result.lines[0].name).toBe('Penyuluhan Anak – Café');
  });
});

describe('detectCsvDelimiter and parseSiskeudesAmount', () => {
  it('picks the delimiter of the header line, ignoring quoted text', () => {
    expect(detectCsvDelimiter('Tahun,Kd_Desa,Kd_Keg\n2026;x;y;z;w')).toBe(',');
    expect(detectCsvDelimiter('\ufeffTahun;Kd_Desa;"A,B,C"\n1,2,3,4')).toBe(';');
    expect(detectCsvDelimiter('\n\nTahun\tKd_Desa\tKd_Keg\n')).toBe('\t');
    expect(detectCsvDelimiter('Tahun')).toBe(',');
  });

  it.each([
    ['25000000', 25_000_000n],
    ['25000000.00', 25_000_000n],
    ['25000000,00', 25_000_000n],
    ['25000000.000000', 25_000_000n],
    ['25.000.000', 25_000_000n],
    ['25.000.000,00', 25_000_000n],
    ['25,000,000', 25_000_000n],
    ['2.5E+07', 25_000_000n],
    ['2,5E7', 25_000_000n],
    [' 0 ', 0n],
    ['Rp 1.500', 1_500n],
  ])('reads %j as %s', (text, value) => {
    expect(parseSiskeudesAmount(text)).toEqual({ value });
  });

  it.each([
    ['', /kosong/],
    ['3 juta', /bukan jumlah Rupiah utuh/],
    ['1500000.5', /pecahan/],
    ['2.55E+0', /pecahan/],
    ['-1000', /negatif/],
    ['1000000000000001', /melebihi batas/],
  ])('refuses %j', (text, message) => {
    expect(parseSiskeudesAmount(text).error).toMatch(message);
  });
});

describe('every problem is an error with table, CSV row and column', () => {
  const problemsOf = async (files: Record<string, string>) =>
    (await read(await zipOf(files))).errors.map(({ sheet, row, column }) => ({ sheet, row, column }));

  it('an unknown fund source and a non-numeric Anggaran in the not-ok fixtures', async () => {
    const badSource = await read(await okZip({ Ta_RABRinci: fixture('not-ok/bad-fund-source/Ta_RABRinci.csv') }));
    expect(badSource.errors).toEqual([{ sheet: 'Ta_RABRinci', row: 7, column: 'SumberDana', message: expect.stringMatching(/"DDD" tidak dikenal.*DDS, ADD/) }]);
    const badAmount = await read(await okZip({ Ta_RABRinci: fixture('not-ok/non-numeric-amount/Ta_RABRinci.csv') }));
    expect(badAmount.errors).toEqual([{ sheet: 'Ta_RABRinci', row: 11, column: 'Anggaran', message: expect.stringContaining('"4,8 jt" bukan jumlah Rupiah utuh') }]);
  });

  it('a missing table, a missing column, a table given twice', async () => {
    expect((await read(await okZip({ Ta_RABRinci: null }))).errors).toEqual([
      { sheet: 'Ta_RABRinci', row: 0, column: '', message: expect.stringContaining('tidak ada di zip') },
    ]);
    expect(await problemsOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab(['2026;06.15.;06.15.04.04.02.;DDS'], 'Tahun;Kd_Desa;Kd_Keg;SumberDana') })).toEqual([
      { sheet: 'Ta_RABRinci', row: 1, column: 'Anggaran' },
    ]);
    const twice = await read(await zipOf({ 'a/Ta_Kegiatan.csv': KEGIATAN, 'b/ta_kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab([]) }));
    expect(twice.errors[0]).toEqual({ sheet: 'Ta_Kegiatan', row: 0, column: '', message: expect.stringContaining('lebih dari sekali') });
  });

  it('bad codes: Kd_Keg not starting with Kd_Desa, a code that is no kegiatan, a kegiatan not in Ta_Kegiatan, ID_Keg disagreeing with Kd_Keg', async () => {
    const kegiatan = KEGIATAN + '2026,06.15.,06.15.04.04.03.,04.04.01.,Salah\n';
    const rows = [
      '2026;06.15.;06.16.04.04.02.;DDS;1',
      '2026;06.15.;06.15.04.4.;DDS;1',
      '2026;06.15.;06.15.04.04.09.;DDS;1',
      '2026;06.15.;06.15.04.04.02.;DDS;1',
    ];
    const result = await read(await zipOf({ 'Ta_Kegiatan.csv': kegiatan, 'Ta_RABRinci.csv': rab(rows, 'Tahun;Kd_Desa;Kd_Keg;SumberDana;Anggaran') }));
    expect(result.errors).toEqual([
      { sheet: 'Ta_Kegiatan', row: 3, column: 'ID_Keg', message: expect.stringContaining('tidak sama') },
      { sheet: 'Ta_RABRinci', row: 2, column: 'Kd_Keg', message: expect.stringContaining('tidak diawali Kd_Desa') },
      { sheet: 'Ta_RABRinci', row: 3, column: 'Kd_Keg', message: expect.stringContaining('"04.4." bukan kode kegiatan APBDes') },
      { sheet: 'Ta_RABRinci', row: 4, column: 'Kd_Keg', message: expect.stringContaining('tidak ada di Ta_Kegiatan') },
    ]);
    expect(result.lines).toHaveLength(1);
  });

  it('one fiscal year and one desa per file; a fund source not in Ref_Sumber; AnggaranStlhPAK checked like Anggaran', async () => {
    const rows = [
      '2026;06.15.;06.15.04.04.02.;DDS;1;',
      '2025;06.15.;06.15.04.04.02.;DDS;1;',
      '2026;06.16.;06.16.04.04.02.;DDS;1;',
      '2026;06.15.;06.15.04.04.02.;SWD;1;',
      '2026;06.15.;06.15.04.04.02.;DDS;1;satu',
      '20x6;06.15.;06.15.04.04.02.;DDS;1;',
    ];
    expect(await problemsOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab(rows), 'Ref_Sumber.csv': 'Kode,Nama_Sumber\nDDS,Dana Desa\n' })).toEqual([
      { sheet: 'Ta_RABRinci', row: 3, column: 'Tahun' },
      { sheet: 'Ta_RABRinci', row: 4, column: 'Kd_Desa' },
      { sheet: 'Ta_RABRinci', row: 5, column: 'SumberDana' },
      { sheet: 'Ta_RABRinci', row: 6, column: 'AnggaranStlhPAK' },
      { sheet: 'Ta_RABRinci', row: 7, column: 'Tahun' },
    ]);
  });

  it('a CSV quote left open, an empty table, a table without items', async () => {
    expect(await problemsOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab(['2026;06.15.;06.15.04.04.02.;"DDS;1;']) })).toEqual([{ sheet: 'Ta_RABRinci', row: 2, column: '' }]);
    expect(await problemsOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': '\n' })).toEqual([{ sheet: 'Ta_RABRinci', row: 0, column: '' }]);
    expect(await problemsOf({ 'Ta_Kegiatan.csv': KEGIATAN, 'Ta_RABRinci.csv': rab([]) })).toEqual([{ sheet: 'Ta_RABRinci', row: 1, column: '' }]);
  });
});

describe('hostile and broken files', () => {
  it('a text file renamed .zip, an Access database and an xlsx are not Siskeudes zips', async () => {
    const text = await refusal(Buffer.from('Tahun;Kd_Desa\n2026;06.15.\n'));
    expect(text).toBeInstanceOf(UnreadableFileError);
    expect(text).not.toBeInstanceOf(HostileFileError);
    expect(text.message).toMatch(/Berkas bukan zip/);
    const mdb = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('Standard Jet DB\0', 'latin1'), Buffer.alloc(64)]);
    expect((await refusal(mdb)).message).toMatch(/Access/);
    const xlsx = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect((await refusal(xlsx)).message).toMatch(/Excel/);
  });

  it('a truncated zip and a zip whose data is damaged are readable errors', async () => {
    const good = await okZip();
    const truncated = await refusal(good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated).toBeInstanceOf(UnreadableFileError);
    expect(truncated.message).toMatch(/zip rusak/);
    const damaged = Buffer.from(good);
    // Flip bytes inside the first entry's compressed data (after its 30-byte header and name).
    const start = 30 + damaged.readUInt16LE(26) + damaged.readUInt16LE(28);
    for (let i = start + 5; i < start + 40; i++) damaged[i] ^= 0xff;
    const broken = await refusal(damaged);
    expect(broken).toBeInstanceOf(UnreadableFileError);
    expect(broken.message).toMatch(/rusak/);
  });

  it('refuses a bomb by its highly compressed entry before inflating it', async () => {
    const bomb = await zipOf({ 'Ta_RABRinci.csv': Buffer.alloc(5 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(50 * 1024);
    const error = await refusal(bomb);
    expect(error).toBeInstanceOf(HostileFileError);
    expect(error.message).toMatch(/bom zip/);
  });

  it('refuses an entry declaring more than 50 MB, and entries declaring more than 100 MB together', async () => {
    const one = patchDirectory(await zipOf({ 'Ta_RABRinci.csv': 'x' }, { compression: 'STORE' }), 'Ta_RABRinci.csv', { compressed: 60 * 1024 * 1024, uncompressed: 60 * 1024 * 1024 });
    expect((await refusal(one)).message).toMatch(/terlalu besar \(60 MB; paling besar 50 MB\)/);
    let many = await zipOf({ 'a.csv': 'a', 'b.csv': 'b', 'c.csv': 'c' }, { compression: 'STORE' });
    for (const name of ['a.csv', 'b.csv', 'c.csv']) many = patchDirectory(many, name, { compressed: 40 * 1024 * 1024, uncompressed: 40 * 1024 * 1024 });
    const error = await refusal(many);
    expect(error).toBeInstanceOf(HostileFileError);
    expect(error.message).toMatch(/lebih dari 100 MB/);
  });

  it('stops inflating an entry that yields more than its directory declared', async () => {
    const liar = patchDirectory(await zipOf({ 'Ta_RABRinci.csv': 'Tahun;Kd_Desa\n'.repeat(5000) }), 'Ta_RABRinci.csv', { uncompressed: 1000 });
    const error = await refusal(liar);
    expect(error).toBeInstanceOf(HostileFileError);
    expect(error.message).toMatch(/lebih besar dari yang tercatat/);
  });

  it('refuses nested zips, by name or by content, and more than 200 entries', async () => {
    const inner = await okZip();
    expect((await refusal(await zipOf({ 'oesao.zip': inner }))).message).toMatch(/Zip di dalam zip/);
    const disguised = await refusal(await zipOf({ 'Ta_RABRinci.csv': inner }));
    expect(disguised).toBeInstanceOf(HostileFileError);
    expect(disguised.message).toMatch(/zip lagi/);
    const files: Record<string, string> = {};
    for (let i = 0; i <= SISKEUDES_LIMITS.maxEntries; i++) files[`t${i}.csv`] = 'x';
    const crowd = await refusal(await zipOf(files));
    expect(crowd).toBeInstanceOf(HostileFileError);
    expect(crowd.message).toMatch(/201 berkas; paling banyak 200/);
  });

  it('ignores other tables, folders and macOS metadata', async () => {
    const files: Record<string, string | Buffer> = {
      '__MACOSX/._Ta_RABRinci.csv': Buffer.from([0, 5, 22, 7]),
      'Ta_RAB.csv': 'Tahun\n2026\n',
      'Ref_Bidang.csv': 'Kd_Bid,Nama_Bidang\n01.,Penyelenggaraan Pemerintahan Desa\n',
      'Ta_Kegiatan.csv': KEGIATAN,
      'Ta_RABRinci.csv': rab(['2026;06.15.;06.15.04.04.02.;DDS;1;']),
    };
    const result = await read(await zipOf(files));
    expect(result.errors).toEqual([]);
    expect(result.lines).toHaveLength(1);
  });
});
