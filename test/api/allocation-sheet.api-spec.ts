import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';

/** The allocation sheet round trip: download an agency's activities × years, fill it in, upload it back. */
describe('allocation sheets', () => {
  let t: TestApp;
  let dinsos: string;
  let dp3a: string;
  let planId: string;
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const binary = (token: string, path: string) =>
    t.http
      .get(path)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const load = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    // exceljs types ask for an ArrayBuffer; at run time it reads a Node Buffer.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };
  const upload = async (token: string, wb: ExcelJS.Workbook, dryRun: boolean) =>
    t.http
      .post(`/api/plans/${planId}/allocations/import?dryRun=${dryRun}`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'alokasi.xlsx');
  /** The row of an activity and year in the sheet. */
  const rowOf = (ws: ExcelJS.Worksheet, code: string, year: number) => {
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code && ws.getCell(r, 3).value === year) return ws.getRow(r);
    throw new Error(`no row ${code} ${year}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    [dinsos, dp3a] = await Promise.all([t.login('dinsos@demo.sinergi.id'), t.login('dp3a@demo.sinergi.id')]);
    [{ id: planId }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
  });
  afterAll(() => t.close());

  it('downloads the agency\'s activities × years with drop-downs for the stage and the codes of its mandate', async () => {
    const res = await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`);
    expect(res.status).toBe(200);
    const wb = await load(res.body as Buffer);
    const ws = wb.getWorksheet('Alokasi')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Kode Kegiatan', 'Kegiatan', 'Tahun', 'Kebutuhan', 'Kode Sub Kegiatan', 'Kode Rekening', 'Tahap', 'Nilai', 'Persen untuk kegiatan']);
    // Dinsos leads 3.1 and 3.2 and supports 6.2: one row per activity-year, 2026–2030 (6.2 has three years of need but five rows).
    const codes = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) codes.add(String(ws.getCell(r, 1).value));
    expect([...codes]).toEqual(['3.1', '3.2', '6.2']);
    expect(ws.rowCount - 1).toBe(15);
    expect(rowOf(ws, '3.1', 2026).getCell(4).value).toBe(180000000);
    expect(ws.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"RKA,DPA,DPPA"'] });
    const list = wb.getWorksheet('Kode')!;
    const listed = (list.getColumn(1).values as unknown[]).slice(2);
    expect(listed).toContain('1.06.03.2.01.0003');
    expect(listed.some((c) => String(c).startsWith('2.08.'))).toBe(false); // DP3A's bidang, not Dinsos's
    expect(list.state).toBe('hidden');
  });

  it('previews, commits, and recognises an unchanged re-upload and a changed amount', async () => {
    const wb = await load((await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`)).body as Buffer);
    const ws = wb.getWorksheet('Alokasi')!;
    const a = rowOf(ws, '3.1', 2026);
    a.getCell(5).value = '1.06.03.2.01.0003';
    a.getCell(6).value = '5.1.02.01.01.024';
    a.getCell(7).value = 'DPA';
    a.getCell(8).value = 80000000;
    const b = rowOf(ws, '3.2', 2027);
    b.getCell(5).value = '1.06.03.2.01.0003';
    b.getCell(6).value = '5.1.02.02.01.0026';
    b.getCell(7).value = 'rka';
    b.getCell(8).value = 'Rp 50.000.000';

    const lines = await count('budget_line');
    const preview = await upload(dinsos, wb, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ valid: true, dryRun: true, created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(await count('budget_line')).toBe(lines);

    expect((await upload(dinsos, wb, false)).body).toMatchObject({ valid: true, dryRun: false, created: 2 });
    expect(await count('budget_line')).toBe(lines + 2);
    const [saved] = await t.sql<{ amount: string; stage: string; account_code_original: string }>(
      `SELECT s.amount::text, s.stage, l.account_code_original FROM budget_line l JOIN budget_line_stage s ON s.line_id = l.id
        WHERE l.fiscal_year = 2027 AND l.budget_code = '1.06.03.2.01.0003' AND l.account_code = '5.1.02.02.01.0026'`,
    );
    expect(saved).toEqual({ amount: '50000000', stage: 'RKA', account_code_original: null });

    expect((await upload(dinsos, wb, true)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    b.getCell(7).value = 'DPA';
    b.getCell(8).value = 45000000;
    expect((await upload(dinsos, wb, true)).body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('refuses a sheet with bad rows, naming each row and column, and writes none of it', async () => {
    const wb = await load((await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`)).body as Buffer);
    const ws = wb.getWorksheet('Alokasi')!;
    const fill = (code: string, year: number, values: [string, string, string, number | string]) => {
      const r = rowOf(ws, code, year);
      [r.getCell(5).value, r.getCell(6).value, r.getCell(7).value, r.getCell(8).value] = values;
      return r.number;
    };
    const good = fill('3.1', 2028, ['1.06.03.2.01.0003', '', 'DPA', 10000000]);
    const unknownCode = fill('3.1', 2029, ['1.06.03.2.01.0999', '', 'DPA', 10000000]);
    const badStage = fill('3.2', 2028, ['1.06.03.2.01.0003', '', 'APBDES', 10000000]);
    const badAmount = fill('3.2', 2029, ['1.06.03.2.01.0003', '', 'DPA', '1,5 jt']);
    const r = rowOf(ws, '6.2', 2026);
    r.getCell(1).value = '9.9';
    r.getCell(5).value = '1.06.03.2.01.0003';
    r.getCell(7).value = 'DPA';
    r.getCell(8).value = 1;
    const lines = await count('budget_line');
    const res = await upload(dinsos, wb, false);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    const where = res.body.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`).sort();
    expect(where).toEqual([`${unknownCode}E`, `${badStage}G`, `${badAmount}H`, `${r.number}A`].sort());
    expect(res.body.details.find((d: { row: number }) => d.row === good)).toBeUndefined();
    expect(await count('budget_line')).toBe(lines);
  });

  it('applies a long sheet batch by batch: a line seen again far below is its next stage, a late error still undoes all', async () => {
    // 2 500 line rows (below the template's empty rows) are read in batches of 1 000 and written
    // while the rest is read; the 1st and the 2 301st name the same line (3.1, 2030, one account
    // code): DPA then DPPA, as if posted one after the other.
    const wb = await load((await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`)).body as Buffer);
    const ws = wb.getWorksheet('Alokasi')!;
    for (let n = 2; n <= ws.rowCount; n++) ws.getRow(n).values = []; // lines saved by earlier tests stay as they are
    const start = ws.rowCount + 1;
    const account = (i: number) => `5.1.02.01.01.${String(i + 1).padStart(4, '0')}`;
    const line = (i: number, stage = 'DPA', amount = 1000000 + i) => ['3.1', '', 2030, null, '1.06.03.2.01.0003', account(i), stage, amount];
    for (let i = 0; i < 2500; i++) ws.addRow(line(i));
    ws.getRow(start + 2300).values = line(0, 'DPPA', 900000);
    const lines = await count('budget_line');

    expect((await upload(dinsos, wb, true)).body).toEqual({ valid: true, dryRun: true, created: 2499, updated: 1, unchanged: 0, errors: [] });
    expect(await count('budget_line')).toBe(lines);

    // An earlier stage of that line in the third batch is refused by its row; nothing is kept.
    ws.getRow(start + 2450).values = line(0, 'RKA', 5);
    const refused = await upload(dinsos, wb, false);
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ sheet: 'Alokasi', row: start + 2450, message: expect.stringContaining('DPPA') })]);
    expect(await count('budget_line')).toBe(lines);

    ws.getRow(start + 2450).values = line(2450);
    expect((await upload(dinsos, wb, false)).body).toEqual({ valid: true, dryRun: false, created: 2499, updated: 1, unchanged: 0, errors: [] });
    const [first] = await t.sql<{ stages: string }>(
      `SELECT string_agg(s.stage || ' ' || s.amount, ', ' ORDER BY s.id) AS stages FROM budget_line l JOIN budget_line_stage s ON s.line_id = l.id
        WHERE l.fiscal_year = 2030 AND l.account_code = $1`,
      [account(0)],
    );
    expect(first.stages).toBe('DPA 1000000, DPPA 900000');
    expect(await count('budget_line')).toBe(lines + 2499);
  });

  it('recognises the sheets by their content when their names are lost (renamed, or dropped by the stream reader)', async () => {
    const wb = await load((await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`)).body as Buffer);
    const ws = wb.getWorksheet('Alokasi')!;
    const r = rowOf(ws, '3.2', 2026);
    [r.getCell(5).value, r.getCell(7).value, r.getCell(8).value] = ['1.06.03.2.01.0003', 'RKA', 12000000];
    for (const [i, sheet] of wb.worksheets.entries()) sheet.name = `Sheet${i + 1}`;
    const res = await upload(dinsos, wb, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, created: 1 });
    // The Info sheet still says whose sheet it is: DP3A may not upload it.
    expect((await upload(dp3a, wb, true)).status).toBe(403);
  });

  it('lets an agency upload only its own agency\'s sheet', async () => {
    const wb = await load((await binary(dinsos, `/api/plans/${planId}/allocations/template.xlsx`)).body as Buffer);
    const res = await upload(dp3a, wb, true);
    expect(res.status).toBe(403);
  });
});
