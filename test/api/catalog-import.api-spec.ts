import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startTestApp, type TestApp } from '../support/test-app';

describe('catalogue import (admin)', () => {
  let t: TestApp;
  let admin: string;
  const upload = (token: string, fields: Record<string, string>, file: Buffer, name = 'list.csv') => {
    const req = t.http.post('/api/catalogs/import').set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, name);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin@demo.sinergi.id');
  });
  afterAll(() => t.close());

  it('imports a code list as a new version, and importing the same file again changes nothing', async () => {
    const csv = Buffer.from('code,level,name\n4,bidang,BIDANG PEMBERDAYAAN\n4.4,sub_bidang,Sub Bidang Perempuan dan Anak\n04.04.02.,kegiatan,Pelatihan Perlindungan Anak\n');
    const fields = { kind: 'APBDES_ACTIVITIES', label: 'Uji 2026', source: 'uji', current: 'false' };
    const first = await upload(admin, fields, csv);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ kind: 'APBDES_ACTIVITIES', label: 'Uji 2026', created: 3, updated: 0, unchanged: 0, errors: [] });
    const again = await upload(admin, fields, csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const rows = await t.sql<{ code: string }>(
      `SELECT b.code FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id WHERE v.label = 'Uji 2026' ORDER BY b.code`,
    );
    expect(rows.map((r) => r.code)).toEqual(['4', '4.4', '4.4.02']);
  });

  it('re-imports the whole bundled 2027 nomenclature without creating duplicates', async () => {
    const bytes = readFileSync(path.join(ROOT, 'apps/api/reference/apbd-nomenclature-2027.csv'));
    const res = await upload(admin, { kind: 'APBD_NOMENCLATURE', label: 'SIPD pemutakhiran 2027', source: 'ulang' }, bytes);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 9511 });
    const [count] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id WHERE v.label = 'SIPD pemutakhiran 2027'`,
    );
    expect(count.n).toBe(9511);
  });

  it('imports the nomenclature exactly as SIPD exports it (xlsx), giving the same codes as the bundled list, and twice without duplicates', async () => {
    const bytes = readFileSync(path.join(ROOT, 'apps/api/reference/sipd/nomenklatur-subkegiatan-pemutakhiran-2027.xlsx'));
    const fields = { kind: 'APBD_NOMENCLATURE', label: 'SIPD 2027 (xlsx)', source: 'ekspor SIPD', current: 'false' };
    const first = await upload(admin, fields, bytes, 'nomenklatur.xlsx');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: 9511, updated: 0, unchanged: 0 });
    const again = await upload(admin, fields, bytes, 'nomenklatur.xlsx');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 9511 });
    // Same codes, levels and government levels as the CSV transcription of the same export.
    const differences = await t.sql(
      `WITH a AS (SELECT b.code, b.level, b.government_level, b.name FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id WHERE v.label = 'SIPD 2027 (xlsx)'),
            c AS (SELECT b.code, b.level, b.government_level, b.name FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id WHERE v.label = 'SIPD pemutakhiran 2027')
       (SELECT code, level, government_level FROM a EXCEPT SELECT code, level, government_level FROM c)
       UNION ALL (SELECT code, level, government_level FROM c EXCEPT SELECT code, level, government_level FROM a)`,
    );
    expect(differences).toEqual([]);
    const [repatriation] = await t.sql<{ name: string; output: string; previous_code: string }>(
      `SELECT b.name, b.output, b.previous_code FROM budget_code b JOIN catalog_version v ON v.id = b.catalog_version_id
        WHERE v.label = 'SIPD 2027 (xlsx)' AND b.code = '1.06.03.2.01.0003'`,
    );
    expect(repatriation.name).toMatch(/^Fasilitasi Pemulangan Warga Negara Migran Korban Tindak Kekerasan/);
    expect(repatriation.output).toMatch(/Pemulangan/);
  });

  it('refuses a file with bad rows, naming each row and column, and writes nothing', async () => {
    const csv = Buffer.from(
      [
        'code,level,name',
        '2,urusan,URUSAN WAJIB',
        '2.08,bidang_urusan,PPPA',
        '2.08.07,program,Program X',
        '2.08.07.2.02,kegiatan,Kegiatan',
        '2.08.07.2.02.01,sub_kegiatan,kode rusak',
        '2.08.07.2.02.0001,kegiatan,tingkat salah',
        '2.08.07.2.03.0001,sub_kegiatan,induk tidak ada',
        '2.08.07,program,ganda',
        '2.08.07.2.02.0002,sub_kegiatan,',
      ].join('\n'),
    );
    const versionsBefore = await t.sql('SELECT count(*)::int AS n FROM catalog_version');
    const res = await upload(admin, { kind: 'APBD_NOMENCLATURE', label: 'Rusak', source: 'uji' }, csv);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details).toEqual([
      { sheet: 'CSV', row: 6, column: 'code', message: expect.stringContaining('2.08.07.2.02.01') },
      { sheet: 'CSV', row: 7, column: 'level', message: expect.any(String) },
      { sheet: 'CSV', row: 8, column: 'code', message: 'induk 2.08.07.2.03 tidak ada di berkas' },
      { sheet: 'CSV', row: 9, column: 'code', message: 'kode ganda: sudah ada di baris 4' },
      { sheet: 'CSV', row: 10, column: 'name', message: 'nama wajib diisi' },
    ]);
    expect(await t.sql('SELECT count(*)::int AS n FROM catalog_version')).toEqual(versionsBefore);
  });

  it('names a missing column in the header row', async () => {
    const res = await upload(admin, { kind: 'REGIONS', label: 'x', source: 'x' }, Buffer.from('kode,nama\n53,NTT\n'));
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([
      { sheet: 'CSV', row: 1, column: 'code', message: 'kolom "code" tidak ada di baris judul' },
      { sheet: 'CSV', row: 1, column: 'name', message: 'kolom "name" tidak ada di baris judul' },
    ]);
  });

  it('reads the same columns from an xlsx workbook, judged by its bytes not its name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sumber Dana');
    ws.addRow(['Code', 'Name']);
    ws.addRow(['DDS', 'Dana Desa']);
    ws.addRow(['BKK', 'Bantuan Keuangan Khusus']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(admin, { kind: 'FUND_SOURCES', label: 'Uji xlsx', source: 'uji' }, bytes, 'sumber.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 1, updated: 1 });
    const bad = await upload(admin, { kind: 'FUND_SOURCES', label: 'x', source: 'x' }, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'f.xlsx');
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/tidak dapat dibaca/);
  });

  it('refuses a missing file or kind with 400, a non-admin with 403 and a file over 20 MB with 413', async () => {
    const noFile = await t.http.post('/api/catalogs/import').set('Authorization', `Bearer ${admin}`).field('kind', 'REGIONS').field('label', 'x').field('source', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.details).toEqual([{ path: 'file', message: expect.any(String) }]);
    const badKind = await upload(admin, { kind: 'PLANETS', label: 'x', source: 'x' }, Buffer.from('code,name\n'));
    expect(badKind.body.details[0].path).toBe('kind');
    const planner = await t.login('bappeda@demo.sinergi.id');
    expect((await upload(planner, { kind: 'REGIONS', label: 'x', source: 'x' }, Buffer.from('code,name\n'))).status).toBe(403);
    const huge = await upload(admin, { kind: 'REGIONS', label: 'x', source: 'x' }, Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
