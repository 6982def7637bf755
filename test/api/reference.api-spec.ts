import { startTestApp, type TestApp } from '../support/test-app';

describe('reference data endpoints', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login('bappeda@demo.sinergi.id');
  });
  afterAll(() => t.close());

  it('lists the 24 kecamatan of Kabupaten Kupang as children of 53.01', async () => {
    const res = await get('/api/regions?parent=53.01');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(24);
    expect(res.body[0]).toEqual({ code: '53.01.04', name: 'Semau', level: 'district', parentCode: '53.01' });
    expect(res.body.every((r: { level: string }) => r.level === 'district')).toBe(true);
  });

  it('lists the 38 provinces without a parent, and refuses an unknown parent with 404', async () => {
    expect((await get('/api/regions')).body).toHaveLength(38);
    const missing = await get('/api/regions?parent=99.99');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await get('/api/regions?parent=53-01');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('parent');
  });

  it('tells desa Oesao from kelurahan Oesao in search results, with their ancestors', async () => {
    const res = await get('/api/regions?q=OESAO');
    expect(res.status).toBe(200);
    const oesao = res.body.filter((r: { name: string }) => r.name === 'Oesao');
    expect(oesao.map((r: { code: string; level: string }) => [r.code, r.level])).toEqual([
      ['53.01.06.1004', 'urban_village'],
      ['53.01.06.2015', 'village'],
    ]);
    expect(oesao[1].path.map((p: { name: string }) => p.name)).toEqual(['Nusa Tenggara Timur', 'Kabupaten Kupang', 'Kupang Timur']);
  });

  it('matches region names regardless of word order and punctuation, and narrows by level and area', async () => {
    const res = await get('/api/regions?q=timur,%20kupang&level=district');
    expect(res.body.map((r: { code: string }) => r.code)).toContain('53.01.06');
    const within = await get('/api/regions?q=oesao&within=53.01.06&level=village');
    expect(within.body.map((r: { code: string }) => r.code)).toEqual(['53.01.06.2015']);
  });

  it('returns one region with its path and number of children', async () => {
    const res = await get('/api/regions/53.01.06');
    expect(res.body).toMatchObject({ code: '53.01.06', name: 'Kupang Timur', level: 'district', parentCode: '53.01' });
    expect(res.body.path.map((p: { code: string }) => p.code)).toEqual(['53', '53.01']);
    expect(res.body.childCount).toBeGreaterThan(5);
    expect((await get('/api/regions/53.01.99')).status).toBe(404);
  });

  it('finds sub kegiatan by the words of an activity title, in any case and order, ranked by relevance', async () => {
    const res = await get('/api/budget-codes?q=TPPO,%20pencegahan%20KEKERASAN&kind=APBD&level=sub_kegiatan&limit=10');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(10);
    // The sub kegiatan that name all three words come before those that name fewer.
    expect(res.body[0].name).toMatch(/pencegahan/i);
    expect(res.body[0].name).toMatch(/TPPO/);
    expect(res.body[0]).toMatchObject({ level: 'sub_kegiatan', kind: 'APBD', catalogVersion: 'SIPD pemutakhiran 2027' });
    expect(res.body.every((c: { level: string }) => c.level === 'sub_kegiatan')).toBe(true);
    const reordered = await get('/api/budget-codes?q=kekerasan%20pencegahan%20tppo&kind=APBD&level=sub_kegiatan&limit=10');
    expect(reordered.body.map((c: { code: string }) => c.code)).toEqual(res.body.map((c: { code: string }) => c.code));
  });

  it('finds the repatriation sub kegiatan of the 2027 list for "pemulangan" with its output and indicator', async () => {
    const res = await get('/api/budget-codes?q=pemulangan&kind=APBD&level=sub_kegiatan&governmentLevel=regency&limit=50');
    const codes = res.body.map((c: { code: string }) => c.code);
    expect(codes).toContain('1.06.03.2.01.0003');
    const hit = res.body.find((c: { code: string }) => c.code === '1.06.03.2.01.0003');
    expect(hit.name).toMatch(/Pemulangan Warga Negara Migran Korban Tindak Kekerasan/);
    expect(hit.governmentLevel).toBe('regency');
    expect(hit.output).toEqual(expect.any(String));
    expect(res.body.every((c: { governmentLevel?: string }) => c.governmentLevel !== 'province')).toBe(true);
  });

  it('searches by code prefix, and treats the Siskeudes spelling of an APBDes code as the same code', async () => {
    const apbd = await get('/api/budget-codes?q=2.08.03.2.01&kind=APBD');
    expect(apbd.body.length).toBeGreaterThan(0);
    expect(apbd.body.every((c: { code: string }) => c.code.startsWith('2.08.03.2.01'))).toBe(true);
    const siskeudes = await get('/api/budget-codes?q=04.04.02.&kind=APBDES');
    expect(siskeudes.body.map((c: { code: string }) => c.code)).toEqual(['4.4.02']);
    const words = await get('/api/budget-codes?q=perlindungan%20anak&kind=APBDES&level=kegiatan');
    expect(words.body.map((c: { code: string }) => c.code)).toContain('4.4.02');
  });

  it('refuses an unknown kind or level with 400 naming the field', async () => {
    const res = await get('/api/budget-codes?q=x&kind=APBN');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ path: 'kind', message: 'nilainya tidak termasuk pilihan yang diizinkan' }]);
  });

  it('lists the six RAN strategies, the seven village fund sources and the catalogue versions with their sources', async () => {
    const strategies = (await get('/api/strategies')).body;
    expect(strategies.map((s: { code: number }) => s.code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(strategies[0]).toEqual({ code: 1, name: 'Peningkatan upaya pencegahan', nameEn: 'Prevention' });
    expect((await get('/api/fund-sources')).body.map((s: { code: string }) => s.code)).toEqual(['ADD', 'DDS', 'DLL', 'PBH', 'PBK', 'PBP', 'SWD']);
    const catalogs = (await get('/api/catalogs')).body;
    const current = catalogs.filter((c: { current: boolean }) => c.current).map((c: { kind: string; label: string }) => `${c.kind}:${c.label}`);
    expect(current).toEqual(
      expect.arrayContaining(['APBD_NOMENCLATURE:SIPD pemutakhiran 2027', 'REGIONS:Kepmendagri 300.2.2-2138/2025']),
    );
    const regions = catalogs.find((c: { kind: string }) => c.kind === 'REGIONS');
    expect(regions.rowCount).toBe(91599);
    expect(regions.source).toMatch(/Kepmendagri/);
  });

  it('lists the agencies of a region', async () => {
    const res = await get('/api/agencies?regionCode=53.01');
    const shortNames = res.body.map((a: { shortName: string }) => a.shortName);
    expect(shortNames).toEqual(expect.arrayContaining(['DP3A', 'Dinsos', 'Polres Kupang', 'LSM Mitra']));
    const dp3a = res.body.find((a: { shortName: string }) => a.shortName === 'DP3A');
    expect(dp3a).toEqual({
      id: expect.any(String),
      name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      shortName: 'DP3A',
      kind: 'opd',
      regionCode: '53.01',
      mandates: ['2.08'],
      version: 1,
    });
  });
});
