import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogKind } from '@sinergi/contracts';
import { parseCsv } from '../../xlsx/src/csv';
import { type BudgetCodeRow, CatalogRowValidator, type RegionRow, type StrategyRow } from './catalog-rows';

/** Runs a CSV text through the validator the way the importer does: header lower-cased, line numbers as rows. */
function validate(kind: CatalogKind, csv: string) {
  const validator = new CatalogRowValidator(kind);
  const [first, ...records] = [...parseCsv(csv)];
  const header = first.fields.map((h) => h.trim().toLowerCase());
  if (validator.checkHeader(header)) {
    for (const { line, fields } of records) {
      validator.accept(line, Object.fromEntries(header.map((h, i) => [h, (fields[i] ?? '').trim()])));
    }
  }
  const errors = validator.finish();
  return { errors, rows: validator.rows.map((r) => r.value) };
}

describe('CatalogRowValidator: file structure', () => {
  it.each<[CatalogKind, string, string]>([
    ['REGIONS', 'code,nama\n53,Nusa Tenggara Timur', 'name'],
    ['APBD_NOMENCLATURE', 'code,name\n2,URUSAN', 'level'],
    ['APBD_ACCOUNTS', 'kode,level,name\n5,akun,BELANJA', 'code'],
    ['APBD_CROSSWALK', 'code,government_level\n2.08.07.2.02.0001,regency', 'previous_code'],
    ['APBDES_ACTIVITIES', 'code,name\n4,BIDANG', 'level'],
    ['APBDES_ACCOUNTS', 'code,level\n5,akun', 'name'],
    ['FUND_SOURCES', 'kode,name\nDDS,Dana Desa', 'code'],
    ['RAN_STRATEGIES', 'code,name_en\n1,Prevention', 'name'],
  ])('%s: a header without a required column is an error on row 1 naming it', (kind, csv, column) => {
    const { errors, rows } = validate(kind, csv);
    expect(errors).toEqual([{ row: 1, column, message: expect.stringContaining(`"${column}"`) }]);
    expect(rows).toEqual([]);
  });

  it('accepts extra columns and upper-case headings', () => {
    expect(validate('FUND_SOURCES', 'Code,NAME,source\nDDS,Dana Desa,S15').errors).toEqual([]);
  });

  it('a duplicate code is an error naming the earlier row', () => {
    const { errors } = validate('REGIONS', 'code,name\n53,NTT\n53.01,Kupang\n53.01,Kupang lagi');
    expect(errors).toEqual([{ row: 4, column: 'code', message: expect.stringContaining('baris 3') }]);
  });

  it('a code whose parent is not in the file is an error', () => {
    const { errors } = validate('REGIONS', 'code,name\n53,NTT\n53.01.06,Kupang Timur');
    expect(errors).toEqual([{ row: 3, column: 'code', message: expect.stringContaining('53.01') }]);
  });

  it('an empty name or code is an error on that column', () => {
    const { errors } = validate('REGIONS', 'code,name\n53,\n,Kupang');
    expect(errors).toEqual([
      { row: 2, column: 'name', message: expect.any(String) },
      { row: 3, column: 'code', message: expect.any(String) },
    ]);
  });

  it('reports errors in row order, with the row number the user sees (after a multi-line name)', () => {
    const { errors } = validate('FUND_SOURCES', 'code,name\nDDS,"Dana\nDesa"\ndds,bad\nDDS,again');
    expect(errors.map((e) => e.row)).toEqual([4, 5]);
  });
});

describe('CatalogRowValidator: each kind', () => {
  it('REGIONS derives level, parent and search text', () => {
    const { errors, rows } = validate('REGIONS', 'code,name\n53,Nusa Tenggara Timur\n53.71,Kota Kupang\n53.71.01,Alak\n53.71.01.1001,Penkase Oeleta');
    expect(errors).toEqual([]);
    expect(rows[3]).toEqual<RegionRow>({
      code: '53.71.01.1001',
      name: 'Penkase Oeleta',
      level: 'urban_village',
      parentCode: '53.71.01',
      searchText: 'penkase oeleta',
    });
    expect((rows[0] as RegionRow).parentCode).toBeNull();
  });

  it('REGIONS refuses a code that is not a Kemendagri code', () => {
    expect(validate('REGIONS', 'code,name\n53.1,Salah').errors).toEqual([{ row: 2, column: 'code', message: expect.stringContaining('53.1') }]);
  });

  describe('APBD_NOMENCLATURE', () => {
    const head = 'code,level,name,government_level,output,indicator\n2,urusan,U\n2.08,bidang_urusan,B\n2.08.07,program,P\n';

    it('a declared level that does not match the code is an error on column level', () => {
      const { errors } = validate('APBD_NOMENCLATURE', `${head}2.08.07.2.02,sub_kegiatan,K`);
      expect(errors).toEqual([{ row: 5, column: 'level', message: expect.stringContaining('kegiatan') }]);
    });

    it('a government level contradicting the kegiatan digit is an error', () => {
      const { errors } = validate('APBD_NOMENCLATURE', `${head}2.08.07.2.02,kegiatan,K,province`);
      expect(errors).toEqual([{ row: 5, column: 'government_level', message: expect.stringContaining('kabupaten/kota') }]);
      expect(validate('APBD_NOMENCLATURE', `${head}2.08.07.2.02,kegiatan,K,kabupaten`).errors[0].column).toBe('government_level');
    });

    it('the kegiatan digit fills an empty government level; output and indicator become searchable', () => {
      const { errors, rows } = validate('APBD_NOMENCLATURE', `${head}2.08.07.2.02,kegiatan,K\n2.08.07.2.02.0001,sub_kegiatan,Sosialisasi TPPO,,Laporan Sosialisasi,Jumlah Peserta`);
      expect(errors).toEqual([]);
      expect(rows[4]).toMatchObject<Partial<BudgetCodeRow>>({ kind: 'APBD', governmentLevel: 'regency', bidangUrusan: '2.08', output: 'Laporan Sosialisasi' });
      expect(rows[4]).toMatchObject({ searchText: 'sosialisasi tppo', searchDetail: 'laporan sosialisasi jumlah peserta' });
    });

    it('the same programme may appear once per government level, not twice for one', () => {
      const csv = 'code,level,name,government_level\nX,urusan,U\nX.XX,bidang_urusan,B\nX.XX.01,program,Provinsi,province\nX.XX.01,program,Kab/Kota,regency\n';
      expect(validate('APBD_NOMENCLATURE', csv).errors).toEqual([]);
      expect(validate('APBD_NOMENCLATURE', `${csv}X.XX.01,program,Lagi,regency`).errors).toEqual([
        { row: 6, column: 'code', message: expect.stringContaining('baris 5') },
      ]);
    });

    it('a kegiatan without its programme is reported', () => {
      const { errors } = validate('APBD_NOMENCLATURE', 'code,level,name\n2,urusan,U\n2.08,bidang_urusan,B\n2.08.07.2.02,kegiatan,K');
      expect(errors).toEqual([{ row: 4, column: 'code', message: expect.stringContaining('2.08.07') }]);
    });
  });

  it('APBDES_ACTIVITIES normalises the Siskeudes spelling and treats both spellings as one code', () => {
    const { errors, rows } = validate('APBDES_ACTIVITIES', 'code,level,name\n04,bidang,B\n04.04,sub_bidang,S\n04.04.02.,kegiatan,K');
    expect(errors).toEqual([]);
    expect(rows.map((r) => (r as BudgetCodeRow).code)).toEqual(['4', '4.4', '4.4.02']);
    const dup = validate('APBDES_ACTIVITIES', 'code,level,name\n4,bidang,B\n4.4,sub_bidang,S\n4.4.02,kegiatan,K\n04.04.02.,kegiatan,K');
    expect(dup.errors).toEqual([{ row: 5, column: 'code', message: expect.stringContaining('baris 4') }]);
  });

  it('APBD_ACCOUNTS stores the canonical code, so the SIPD-RI spelling of a known account is a duplicate', () => {
    const base = 'code,level,name\n5,akun,A\n5.1,kelompok,K\n5.1.02,jenis,J\n5.1.02.01,objek,O\n5.1.02.01.01,rincian_objek,R\n';
    const ok = validate('APBD_ACCOUNTS', `${base}5.1.02.01.01.024,sub_rincian_objek,ATK`);
    expect(ok.errors).toEqual([]);
    expect(ok.rows[5]).toEqual({ kind: 'APBD', code: '5.1.02.01.01.0024', level: 'sub_rincian_objek', name: 'ATK' });
    const dup = validate('APBD_ACCOUNTS', `${base}5.1.02.01.01.0024,sub_rincian_objek,ATK\n5.1.02.01.001.00024,sub_rincian_objek,ATK`);
    expect(dup.errors).toEqual([{ row: 8, column: 'code', message: expect.stringContaining('baris 7') }]);
  });

  it('APBDES_ACCOUNTS checks level and parent', () => {
    const { errors } = validate('APBDES_ACCOUNTS', 'code,level,name\n5,akun,Belanja\n5.2.2,jenis,Barang\n5.2,jenis,Salah');
    expect(errors).toEqual([
      { row: 3, column: 'code', message: expect.stringContaining('5.2') },
      { row: 4, column: 'level', message: expect.any(String) },
    ]);
  });

  it('APBD_CROSSWALK needs both codes to be nomenclature codes; no name column', () => {
    const { errors, rows } = validate(
      'APBD_CROSSWALK',
      'previous_code,code,government_level\n1.02.02.2.02.0021,1.02.02.2.02.0055,regency\n1.02.2,1.02.02.2.02.0056,regency\n1.02.02.2.02.0027,junk,regency',
    );
    expect(rows).toEqual([{ previousCode: '1.02.02.2.02.0021', code: '1.02.02.2.02.0055', governmentLevel: 'regency' }]);
    expect(errors).toEqual([
      { row: 3, column: 'previous_code', message: expect.any(String) },
      { row: 4, column: 'code', message: expect.any(String) },
    ]);
  });

  it('FUND_SOURCES codes are 2–10 capital letters', () => {
    const { errors } = validate('FUND_SOURCES', 'code,name\nDDS,Dana Desa\ndds,kecil\nD,pendek\nDANADESAXYZ,panjang');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
    ]);
  });

  it('RAN_STRATEGIES codes are 1–9; the English name falls back to the Indonesian one', () => {
    const { errors, rows } = validate('RAN_STRATEGIES', 'code,name,name_en\n1,Pencegahan,Prevention\n2,Rehabilitasi,\n10,Terlalu besar,');
    expect(rows).toEqual<StrategyRow[]>([
      { code: 1, name: 'Pencegahan', nameEn: 'Prevention' },
      { code: 2, name: 'Rehabilitasi', nameEn: 'Rehabilitasi' },
    ]);
    expect(errors).toEqual([{ row: 4, column: 'code', message: expect.any(String) }]);
  });
});

describe('the bundled reference files validate cleanly', () => {
  const dir = path.join(__dirname, '../../../apps/api/reference');
  const load = (kind: CatalogKind, file: string) => validate(kind, readFileSync(path.join(dir, file), 'utf8'));

  it.each<[CatalogKind, string, number]>([
    ['APBD_NOMENCLATURE', 'apbd-nomenclature-2027.csv', 9511],
    ['APBD_NOMENCLATURE', 'apbd-nomenclature-2021-partial.csv', 334],
    ['APBD_ACCOUNTS', 'apbd-accounts.csv', 4702],
    ['APBD_CROSSWALK', 'apbd-crosswalk-2027.csv', 346],
    ['APBDES_ACTIVITIES', 'apbdes-activities.csv', 89],
    ['APBDES_ACTIVITIES', 'apbdes-activities-siskeudes.csv', 271],
    ['APBDES_ACCOUNTS', 'apbdes-accounts.csv', 39],
    ['APBDES_ACCOUNTS', 'apbdes-accounts-siskeudes.csv', 56],
    ['FUND_SOURCES', 'village-fund-sources.csv', 7],
    ['RAN_STRATEGIES', 'ran-strategies.csv', 6],
  ])('%s %s: no errors, %d rows', (kind, file, count) => {
    const { errors, rows } = load(kind, file);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(count);
  });

  it('REGIONS regions.csv: no errors, 91,599 regions, 24 kecamatan in Kabupaten Kupang', () => {
    const { errors, rows } = load('REGIONS', 'regions.csv');
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(91_599);
    const regions = rows as RegionRow[];
    expect(regions.filter((r) => r.parentCode === '53.01' && r.level === 'district')).toHaveLength(24);
    expect(regions.find((r) => r.code === '53.71')).toMatchObject({ name: 'Kota Kupang', level: 'regency', parentCode: '53' });
  });
});
