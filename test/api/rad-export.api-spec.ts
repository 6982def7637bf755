import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';

/** GET /api/plans/:id/export.xlsx: the RAD matrix workbook as planners hand it in. */
describe('RAD matrix export', () => {
  let t: TestApp;
  let planner: string;
  let planId: string;

  const download = async (path: string) => {
    const res = await t.http
      .get(path)
      .set('Authorization', `Bearer ${planner}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.login('bappeda@demo.sinergi.id');
    [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
  });
  afterAll(() => t.close());

  it('writes a cover sheet and the matrix with strategy rows, per-year columns, Rupiah and print setup', async () => {
    // An activity whose title looks like a formula must stay text.
    const [{ id: dp3a }] = await t.sql<{ id: string }>(`SELECT id FROM agency WHERE short_name = 'DP3A'`);
    const created = await t.http
      .post(`/api/plans/${planId}/activities`)
      .set('Authorization', `Bearer ${planner}`)
      .send({ strategyCode: 4, title: '=HYPERLINK("http://contoh")', leadAgencyId: dp3a, costs: { '2027': '1000000' } });
    expect(created.status).toBe(201);

    const res = await download(`/api/plans/${planId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('rad-53.01-2026-2030.xlsx');
    const wb = new ExcelJS.Workbook();
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sampul', 'Matriks RAD']);
    const cover = wb.getWorksheet('Sampul')!;
    expect(cover.getRow(1).values).toEqual([undefined, 'Rencana Aksi Daerah', 'RAD PP-TPPO Kabupaten Kupang 2026–2030']);
    expect(cover.getRow(3).getCell(2).value).toBe('2026–2030');

    const ws = wb.getWorksheet('Matriks RAD')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['No', 'Strategi', 'Kegiatan', 'Output', 'Indikator', 'Satuan', 'Baseline', 'Target 2026']);
    expect(header).toEqual(expect.arrayContaining(['Penanggung Jawab', 'Instansi Terkait', 'Lokasi', 'Kode Sub Kegiatan', 'Sumber Dana', 'Kebutuhan Anggaran 2030', 'Teralokasi 2026', 'Selisih']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });

    const rows = ws.getRows(2, ws.rowCount - 1)!;
    const col = (name: string) => header.indexOf(name) + 1;
    // Six strategy rows, eleven activities (the demo's ten and the one added above), one totals row.
    expect(rows.filter((r) => r.getCell(col('Kegiatan')).value === null || r.getCell(col('Kegiatan')).value === undefined).length).toBe(6 + 1);
    const prevention = rows.find((r) => r.getCell(1).value === '1.1')!;
    expect(prevention.getCell(col('Penanggung Jawab')).value).toBe('DP3A');
    expect(prevention.getCell(col('Lokasi')).value).toBe('Kupang Timur');
    expect(prevention.getCell(col('Kode Sub Kegiatan')).value).toBe('2.08.03.2.01.0009');
    expect(prevention.getCell(col('Sumber Dana')).value).toBe('APBD');
    expect(prevention.getCell(col('Kebutuhan Anggaran 2026')).value).toBe(150000000);
    // The demo DPA (100.000.000, after an RKA of 120.000.000) is what counts.
    expect(prevention.getCell(col('Teralokasi 2026')).value).toBe(100000000);
    expect(prevention.getCell(col('Kebutuhan Anggaran 2026')).numFmt).toContain('Rp');
    const formulaLike = rows.find((r) => r.getCell(col('Kegiatan')).value === '=HYPERLINK("http://contoh")')!;
    expect(formulaLike.getCell(col('Kegiatan')).type).toBe(ExcelJS.ValueType.String);

    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(2).value).toBe('Jumlah');
    const needTotal = [2026, 2027, 2028, 2029, 2030].reduce((s, y) => s + BigInt(total.getCell(col(`Kebutuhan Anggaran ${y}`)).value as number), 0n);
    // The demo plan's Rp 5.040.000.000 plus the 1.000.000 added above.
    expect(needTotal).toBe(5041000000n);
  });

  it('answers 404 for an unknown plan, as JSON', async () => {
    const res = await t.http.get('/api/plans/00000000-0000-4000-8000-000000000000/export.xlsx').set('Authorization', `Bearer ${planner}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
