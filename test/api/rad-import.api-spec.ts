import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startTestApp, type TestApp } from '../support/test-app';

const FIXTURES = path.join(ROOT, 'test/fixtures/xlsx');

/** POST /api/plans/import: a region's RAD matrix in Excel becomes a draft plan, or every problem is listed. */
describe('RAD matrix import', () => {
  let t: TestApp;
  let planner: string;
  let demoPlan: string;
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const upload = (file: Buffer, fields: Record<string, string> = {}, name = 'rad.xlsx') => {
    const req = t.http.post('/api/plans/import').set('Authorization', `Bearer ${planner}`);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, name);
  };
  const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

  beforeAll(async () => {
    t = await startTestApp();
    planner = await t.login('bappeda@demo.sinergi.id');
    [{ id: demoPlan }] = await t.sql<{ id: string }>(`SELECT id FROM action_plan WHERE title = 'RAD PP-TPPO Kabupaten Kupang 2026–2030'`);
  });
  afterAll(() => t.close());

  it('previews a two-row-header matrix with a merged strategy cell and text amounts, writing nothing', async () => {
    const plans = await count('action_plan');
    const res = await upload(fixture('ok/rad-kupang-dua-baris.xlsx'), { dryRun: 'true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, valid: true, regionCode: '53.01', startYear: 2026, endYear: 2028, activities: 2 });
    expect(res.body.rows).toEqual([
      // Rp 150.000.000 + 200.000.000,00 + 250000000
      { row: 6, strategyCode: 1, title: 'Sosialisasi migrasi aman di desa kantong PMI', leadAgency: 'DP3A', totalCost: '600000000' },
      // 120000000 + Rp 120.000.000 + "-" (nothing)
      { row: 7, strategyCode: 1, title: 'Penguatan desa migran produktif', leadAgency: 'Disnaker', totalCost: '240000000' },
    ]);
    // Supporting institutions not known in the region are offered for creation, never refused.
    expect(res.body.newInstitutions).toEqual(['Kejaksaan Negeri Kupang']);
    expect(await count('action_plan')).toBe(plans);
  });

  it('commits it as a draft plan with its activities, places and new institutions', async () => {
    const res = await upload(fixture('ok/rad-kupang-dua-baris.xlsx'), { title: 'RAD impor uji' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), activities: 2, dryRun: false });
    const plan = (await t.http.get(`/api/plans/${res.body.id}`).set('Authorization', `Bearer ${planner}`)).body;
    expect(plan).toMatchObject({ title: 'RAD impor uji', regionCode: '53.01', startYear: 2026, endYear: 2028, status: 'draft', totalCost: '840000000' });
    const [prevention, desmigratif] = plan.strategies[0].activities;
    expect(prevention).toMatchObject({ code: '1.1', output: 'Masyarakat paham migrasi aman', unit: 'Desa', targets: { '2026': '5', '2027': '8', '2028': '10' }, regionCodes: ['53.01.06'] });
    expect(desmigratif.regionCodes).toEqual(['53.01.06.2015']); // "Desa Oesao": the desa, not the kelurahan of the same name
    const [kejari] = await t.sql<{ id: string; kind: string }>(`SELECT id, kind FROM agency WHERE name = 'Kejaksaan Negeri Kupang'`);
    expect(kejari.kind).toBe('other');
    expect(prevention.supportingAgencyIds).toContain(kejari.id);
  });

  const notOk: [string, { row: number; column: string; message: RegExp }][] = [
    ['penanggung-jawab-tidak-dikenal.xlsx', { row: 7, column: 'J', message: /Dinas Pariwisata/ }],
    ['jumlah-bukan-rupiah.xlsx', { row: 6, column: 'M', message: /1,5 jt/ }],
    ['strategi-tidak-dikenal.xlsx', { row: 6, column: 'B', message: /Strategi Pariwisata/ }],
    ['penanggung-jawab-kosong.xlsx', { row: 6, column: 'J', message: /penanggung jawab wajib/ }],
    ['tanpa-baris-judul.xlsx', { row: 0, column: '', message: /Baris judul/ }],
  ];
  it.each(notOk)('refuses %s, naming the sheet, row and column, and writes nothing', async (file, expected) => {
    const before = [await count('action_plan'), await count('plan_activity'), await count('agency')];
    const res = await upload(fixture(`not-ok/${file}`));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: expect.any(String), row: expected.row, column: expected.column, message: expect.stringMatching(expected.message) })]));
    expect([await count('action_plan'), await count('plan_activity'), await count('agency')]).toEqual(before);
  });

  it('says plainly when the file is not an xlsx or is corrupt, judging by its bytes', async () => {
    const text = await upload(fixture('not-ok/bukan-xlsx.xlsx'));
    expect(text.status).toBe(422);
    expect(text.body.details[0].message).toMatch(/bukan xlsx/);
    const corrupt = await upload(fixture('not-ok/rusak.xlsx'));
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.message).toMatch(/rusak/);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('refuses a zip bomb disguised as a workbook before inflating it, here and in the catalogue import', async () => {
    // 60 MB of zeros compress to a few dozen KB: a ratio no real workbook has.
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(bomb);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/bom zip/);
    const admin = await t.login('admin@demo.sinergi.id');
    const catalog = await t.http
      .post('/api/catalogs/import')
      .set('Authorization', `Bearer ${admin}`)
      .field('kind', 'APBDES_ACTIVITIES')
      .field('label', 'bom')
      .field('source', 'uji')
      .attach('file', bomb, 'daftar.xlsx');
    expect(catalog.status).toBe(422);
    expect(catalog.body.message).toMatch(/bom zip/);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('round-trips: export a plan\'s matrix, import it, and the two plans are equal', async () => {
    const exported = await t.http
      .get(`/api/plans/${demoPlan}/export.xlsx`)
      .set('Authorization', `Bearer ${planner}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const res = await upload(exported.body as Buffer);
    expect(res.status).toBe(201);
    const get = async (id: string) => (await t.http.get(`/api/plans/${id}`).set('Authorization', `Bearer ${planner}`)).body;
    const [original, copy] = [await get(demoPlan), await get(res.body.id)];
    expect(copy.title).toBe(original.title); // from the cover sheet
    expect([copy.startYear, copy.endYear, copy.totalCost]).toEqual([original.startYear, original.endYear, original.totalCost]);
    const shape = (plan: { strategies: { activities: Record<string, unknown>[] }[] }) =>
      plan.strategies.flatMap((s) =>
        s.activities.map((a) => ({
          code: a.code,
          strategyCode: a.strategyCode,
          title: a.title,
          output: a.output,
          indicator: a.indicator,
          unit: a.unit,
          baseline: a.baseline,
          targets: a.targets,
          costs: a.costs,
          leadAgencyId: a.leadAgencyId,
          supportingAgencyIds: [...(a.supportingAgencyIds as string[])].sort(),
          regionCodes: a.regionCodes,
        })),
      );
    expect(shape(copy)).toEqual(shape(original));
  });

  it('lets only planners of the region (and admins) import', async () => {
    const dinsos = await t.login('dinsos@demo.sinergi.id');
    const res = await t.http.post('/api/plans/import').set('Authorization', `Bearer ${dinsos}`).attach('file', fixture('ok/rad-kupang-dua-baris.xlsx'), 'rad.xlsx');
    expect(res.status).toBe(403);
    const elsewhere = await upload(fixture('ok/rad-kupang-dua-baris.xlsx'), { regionCode: '35.07' });
    expect(elsewhere.status).toBe(403);
  });
});
