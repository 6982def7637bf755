import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../xlsx/src/csv';
import { apbdParentCode, parseAccountCode, parseApbdCode, parseApbdesAccountCode, parseApbdesCode } from './budget-codes';

describe('parseApbdCode (Kepmendagri nomenclature)', () => {
  it.each([
    ['2', { code: '2', level: 'urusan' }],
    ['2.08', { code: '2.08', level: 'bidang_urusan', bidangUrusan: '2.08' }],
    ['2.08.07', { code: '2.08.07', level: 'program', bidangUrusan: '2.08' }],
    ['2.08.07.2.02', { code: '2.08.07.2.02', level: 'kegiatan', bidangUrusan: '2.08', governmentLevel: 'regency' }],
    ['2.08.07.2.02.0001', { code: '2.08.07.2.02.0001', level: 'sub_kegiatan', bidangUrusan: '2.08', governmentLevel: 'regency' }],
    ['1.02.02.1.02.0013', { code: '1.02.02.1.02.0013', level: 'sub_kegiatan', bidangUrusan: '1.02', governmentLevel: 'province' }],
    ['X.XX.01.1.01.0001', { code: 'X.XX.01.1.01.0001', level: 'sub_kegiatan', bidangUrusan: 'X.XX', governmentLevel: 'province' }],
    ['X.XX', { code: 'X.XX', level: 'bidang_urusan', bidangUrusan: 'X.XX' }],
  ])('%s', (raw, expected) => {
    expect(parseApbdCode(raw)).toEqual(expected);
  });

  it('takes the government level from the kegiatan digit only (1 province, 2 regency/city)', () => {
    expect(parseApbdCode('2.08.07.1.01')?.governmentLevel).toBe('province');
    expect(parseApbdCode('2.08.07.2.01')?.governmentLevel).toBe('regency');
    // The support programme's kegiatan 3..8 are shared by both levels: the digit says nothing.
    expect(parseApbdCode('X.XX.01.3.01.0001')?.governmentLevel).toBeUndefined();
    // Typed in lower case, the support-programme placeholder is still the same code.
    expect(parseApbdCode('x.xx.01.1.01.0001')?.code).toBe('X.XX.01.1.01.0001');
    expect(parseApbdCode('2.08.07')?.governmentLevel).toBeUndefined();
  });

  it.each([
    '2.8.7.2.2.1', // single digits where the nomenclature has two and four
    '2.08.07.2.02.001', // 3-digit sub kegiatan
    '2.08.07.2', // kegiatan without its number
    '2.08.07.9.02', // no government level 9
    '2.XX', // XX bidang only under urusan X
    'X.08',
    '0.01',
    '2..08',
    '',
    'program 2.08.07',
  ])('%p is not a nomenclature code', (raw) => {
    expect(parseApbdCode(raw)).toBeNull();
  });

  it('cleans pasted text: full-width digits, spaces, a trailing dot', () => {
    expect(parseApbdCode('２.０８')?.code).toBe('2.08');
    expect(parseApbdCode('２．０８．０７')?.code).toBe('2.08.07'); // full-width dots too
    expect(parseApbdCode(' 2.08.07.2.02.0001 ')?.code).toBe('2.08.07.2.02.0001');
    expect(parseApbdCode('2.08. 07.')?.code).toBe('2.08.07');
    expect(parseApbdCode('2.08\u00a0.07')?.code).toBe('2.08.07');
  });

  it('apbdParentCode walks sub kegiatan → kegiatan → program → bidang → urusan', () => {
    const chain: string[] = [];
    for (let c: string | undefined = '2.08.07.2.02.0001'; c; c = apbdParentCode(c)) chain.push(c);
    expect(chain).toEqual(['2.08.07.2.02.0001', '2.08.07.2.02', '2.08.07', '2.08', '2']);
    expect(apbdParentCode('X.XX.01.1.01')).toBe('X.XX.01');
    expect(apbdParentCode('２.０８.')).toBe('2');
    expect(apbdParentCode('garbage')).toBeUndefined();
  });
});

describe('parseAccountCode (APBD kode rekening)', () => {
  it('reads the three spellings of one account as the same canonical SIPD code', () => {
    expect(parseAccountCode('5.1.02.01.01.0024')).toEqual({ code: '5.1.02.01.01.0024', level: 'sub_rincian_objek', format: 'sipd' });
    expect(parseAccountCode('5.1.02.01.01.024')).toEqual({
      code: '5.1.02.01.01.0024',
      level: 'sub_rincian_objek',
      format: 'permendagri-3digit',
    });
    expect(parseAccountCode('5.1.02.01.001.00024')).toEqual({ code: '5.1.02.01.01.0024', level: 'sub_rincian_objek', format: 'sipd-ri' });
  });

  it('cleans a trailing space, a trailing dot and full-width digits', () => {
    expect(parseAccountCode('5.1.02.01.01.0024 ')?.code).toBe('5.1.02.01.01.0024');
    expect(parseAccountCode('5.1.02.01.01.')?.code).toBe('5.1.02.01.01');
    expect(parseAccountCode('５.１.０２')?.code).toBe('5.1.02');
  });

  it.each([
    ['5', 'akun'],
    ['5.1', 'kelompok'],
    ['5.1.02', 'jenis'],
    ['5.1.02.01', 'objek'],
    ['5.1.02.01.01', 'rincian_objek'],
    ['5.1.02.01.01.0024', 'sub_rincian_objek'],
  ])('%s is at level %s', (raw, level) => {
    expect(parseAccountCode(raw)?.level).toBe(level);
  });

  it('reads a SIPD-RI rincian objek without its sub rincian', () => {
    expect(parseAccountCode('5.1.02.01.001')).toEqual({ code: '5.1.02.01.01', level: 'rincian_objek', format: 'sipd-ri' });
  });

  it.each([
    '7.1', // akun 4 pendapatan, 5 belanja, 6 pembiayaan only
    '5.1.2', // jenis has two digits
    '5.1.02.01.01.00024', // 5-digit sub rincian only after the SIPD-RI 3-digit rincian
    '5.1.02.01.001.0024', // SIPD-RI rincian with a SIPD sub rincian: mixed spellings
    '5.1.02.01.001.024',
    '5.1.02.01.101', // 3-digit rincian must be a zero-padded 2-digit one
    '5.1.02.01.01.0024.1',
    '5.12',
    '',
    'belanja',
  ])('%p is not an account code', (raw) => {
    expect(parseAccountCode(raw)).toBeNull();
  });

  describe('the examples in the bundled reference apbd-account-formats.csv', () => {
    const file = path.join(__dirname, '../../../apps/api/reference/apbd-account-formats.csv');
    const [header, ...records] = [...parseCsv(readFileSync(file, 'utf8'))].map((r) => r.fields);
    const rows = records.map((fields) => Object.fromEntries(header.map((h, i) => [h.toLowerCase(), fields[i]])));
    const formatted = rows.filter((r) => r.code_format);

    it('has examples of all three spellings', () => {
      expect(new Set(formatted.map((r) => parseAccountCode(r.code)?.format))).toEqual(new Set(['sipd', 'permendagri-3digit', 'sipd-ri']));
    });

    it('every row with a code_format parses at its declared level, in the spelling it names', () => {
      for (const r of formatted) {
        const parsed = parseAccountCode(r.code);
        const format = r.code_format.startsWith('SIPD-RI') ? 'sipd-ri' : r.code_format.startsWith('Permendagri') ? 'permendagri-3digit' : 'sipd';
        expect({ code: r.code, level: parsed?.level, format: parsed?.format }).toEqual({ code: r.code, level: r.level, format });
      }
    });

    it('every row parses, and the SIPD-RI row 5.1.02.01.001.00024 is its SIPD twin 5.1.02.01.01.0024', () => {
      for (const r of rows) expect([r.code, parseAccountCode(r.code)?.level]).toEqual([r.code, r.level]);
      const ri = rows.find((r) => r.code === '5.1.02.01.001.00024')!;
      const twin = rows.find((r) => r.code === parseAccountCode(ri.code)!.code)!;
      expect(twin).toMatchObject({ code: '5.1.02.01.01.0024', name: ri.name, level: ri.level });
    });
  });
});

describe('parseApbdesCode (village activities)', () => {
  it('reads the Permendagri 20/2018 and Siskeudes spellings as one code', () => {
    expect(parseApbdesCode('4.4.02')).toEqual({ code: '4.4.02', level: 'kegiatan' });
    expect(parseApbdesCode('04.04.02.')).toEqual({ code: '4.4.02', level: 'kegiatan' });
    expect(parseApbdesCode('04.04')).toEqual({ code: '4.4', level: 'sub_bidang' });
    expect(parseApbdesCode('4')).toEqual({ code: '4', level: 'bidang' });
    expect(parseApbdesCode('04.')).toEqual({ code: '4', level: 'bidang' });
  });

  it('accepts kegiatan 00 (5.1.00 is in the lampiran) and regional additions 90-99', () => {
    expect(parseApbdesCode('5.1.00')).toEqual({ code: '5.1.00', level: 'kegiatan' });
    expect(parseApbdesCode('1.1.90')).toEqual({ code: '1.1.90', level: 'kegiatan' });
  });

  it.each([
    '0.1.01', // no bidang 0
    '4.0.01', // no sub bidang 0
    '10.1.01', // bidang 1–9 only
    // Kegiatan is always written with two digits; a 1-digit kegiatan is refused, not guessed.
    '4.4.2',
    '4.4.002',
    '4.4.02.01',
    'abc',
    '',
  ])('%p is not an APBDes activity code', (raw) => {
    expect(parseApbdesCode(raw)).toBeNull();
  });
});

describe('parseApbdesAccountCode (village accounts)', () => {
  it.each([
    ['5', 'akun', '5'],
    ['5.2', 'kelompok', '5.2'],
    ['5.2.2', 'jenis', '5.2.2'],
    ['5.2.2.01', 'objek', '5.2.2.01'],
    ['5.2.2.01.', 'objek', '5.2.2.01'], // Siskeudes trailing dot
    [' ５.２.２.０１ ', 'objek', '5.2.2.01'],
  ])('%p is %s %s', (raw, level, code) => {
    expect(parseApbdesAccountCode(raw)).toEqual({ code, level });
  });

  it.each(['7.1', '5.02', '5.2.2.1', '5.2.2.01.01', '5.1.02.01.01.0024', 'x'])('%p is not a village account code', (raw) => {
    expect(parseApbdesAccountCode(raw)).toBeNull();
  });
});
