import { isSipdNomenclature, sipdToNomenclatureRows } from './sipd-nomenclature';
import type { TableRow } from './table-reader';

async function* rowsOf(records: Record<string, string>[]): AsyncGenerator<TableRow> {
  let row = 2; // row 1 is SIPD's header
  for (const values of records) yield { row: row++, values };
}

async function convert(records: Record<string, string>[]) {
  const out: TableRow[] = [];
  for await (const r of sipdToNomenclatureRows(rowsOf(records))) out.push(r);
  return out.map((r) => ({ row: r.row, code: r.values.code, level: r.values.level, gov: r.values.government_level, name: r.values.name }));
}

const sipdRow = (pemda: string, program: string, kegiatan: string, sub: string, extra: Record<string, string> = {}) => ({
  'jenis pemda': pemda,
  bidang: '1.06 URUSAN PEMERINTAHAN BIDANG SOSIAL',
  program,
  kegiatan,
  subkegiatan: sub,
  kinerja: 'Terlaksananya pemulangan',
  indikator: 'Jumlah orang dipulangkan',
  satuan: 'Orang',
  'subkegiatan sebelumnya': '[null]',
  ...extra,
});

describe('SIPD nomenclature export → catalogue rows', () => {
  it('recognises the export by its columns', () => {
    expect(isSipdNomenclature(['jenis pemda', 'bidang', 'program', 'kegiatan', 'subkegiatan', 'kinerja'])).toBe(true);
    expect(isSipdNomenclature(['code', 'level', 'name'])).toBe(false);
  });

  it('emits each parent once, at the row that first names it, with the urusan from Permendagri 90/2019', async () => {
    const rows = await convert([
      sipdRow('PROV', '1.06.03 PROGRAM REHABILITASI SOSIAL', '1.06.03.1.01 Rehabilitasi Sosial Provinsi', '1.06.03.1.01.0003 Fasilitasi Pemulangan Provinsi'),
      sipdRow('PROV', '1.06.03 PROGRAM REHABILITASI SOSIAL', '1.06.03.1.01 Rehabilitasi Sosial Provinsi', '1.06.03.1.01.0004 Pendampingan'),
      sipdRow('KABKOT', '1.06.03 PROGRAM REHABILITASI SOSIAL', '1.06.03.2.01 Rehabilitasi Sosial Kab/Kota', '1.06.03.2.01.0003 Fasilitasi Pemulangan Kab/Kota'),
    ]);
    expect(rows).toEqual([
      { row: 2, code: '1', level: 'urusan', gov: '', name: 'URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR' },
      { row: 2, code: '1.06.03.1.01', level: 'kegiatan', gov: 'province', name: 'Rehabilitasi Sosial Provinsi' },
      { row: 2, code: '1.06.03.1.01.0003', level: 'sub_kegiatan', gov: 'province', name: 'Fasilitasi Pemulangan Provinsi' },
      { row: 3, code: '1.06.03.1.01.0004', level: 'sub_kegiatan', gov: 'province', name: 'Pendampingan' },
      { row: 4, code: '1.06.03.2.01', level: 'kegiatan', gov: 'regency', name: 'Rehabilitasi Sosial Kab/Kota' },
      { row: 4, code: '1.06.03.2.01.0003', level: 'sub_kegiatan', gov: 'regency', name: 'Fasilitasi Pemulangan Kab/Kota' },
      // Named the same under both levels: one row serving both.
      { row: 2, code: '1.06', level: 'bidang_urusan', gov: '', name: 'URUSAN PEMERINTAHAN BIDANG SOSIAL' },
      { row: 2, code: '1.06.03', level: 'program', gov: '', name: 'PROGRAM REHABILITASI SOSIAL' },
    ]);
  });

  it('keeps a row per level when the two levels name a programme differently', async () => {
    const rows = await convert([
      sipdRow('PROV', '1.06.01 PROGRAM PENUNJANG PROVINSI', '1.06.01.1.01 Perencanaan', '1.06.01.1.01.0001 Dokumen'),
      sipdRow('KABKOT', '1.06.01 PROGRAM PENUNJANG KABUPATEN/KOTA', '1.06.01.2.01 Perencanaan', '1.06.01.2.01.0001 Dokumen'),
    ]);
    expect(rows.filter((r) => r.level === 'program')).toEqual([
      { row: 2, code: '1.06.01', level: 'program', gov: 'province', name: 'PROGRAM PENUNJANG PROVINSI' },
      { row: 2, code: '1.06.01', level: 'program', gov: 'regency', name: 'PROGRAM PENUNJANG KABUPATEN/KOTA' },
    ]);
  });

  it('carries output, indicator, unit and the previous code of each sub kegiatan, reading "[null]" as empty', async () => {
    const out: TableRow[] = [];
    for await (const r of sipdToNomenclatureRows(
      rowsOf([
        sipdRow('KABKOT', '1.06.03 P', '1.06.03.2.01 K', '1.06.03.2.01.0003 S', { 'subkegiatan sebelumnya': '1.06.03.2.01.0001' }),
        sipdRow('KABKOT', '1.06.03 P', '1.06.03.2.01 K', '1.06.03.2.01.0004 T'),
      ]),
    )) {
      out.push(r);
    }
    const subs = out.filter((r) => r.values.level === 'sub_kegiatan').map((r) => r.values);
    expect(subs[0]).toMatchObject({ output: 'Terlaksananya pemulangan', indicator: 'Jumlah orang dipulangkan', unit: 'Orang', previous_code: '1.06.03.2.01.0001' });
    expect(subs[1].previous_code).toBe('');
  });

  it('passes a repeated sub kegiatan on, so the validator reports the duplicate row', async () => {
    const rows = await convert([
      sipdRow('PROV', '1.06.03 P', '1.06.03.1.01 K', '1.06.03.1.01.0003 S'),
      sipdRow('PROV', '1.06.03 P', '1.06.03.1.01 K', '1.06.03.1.01.0003 S'),
    ]);
    expect(rows.filter((r) => r.level === 'sub_kegiatan').map((r) => r.row)).toEqual([2, 3]);
  });
});
