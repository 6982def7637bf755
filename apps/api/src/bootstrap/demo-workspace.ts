import type { AgencyKind, Role } from '@sinergi/contracts';

/**
 * The demo workspace of the API contract: the task force of Kabupaten Kupang (NTT) with its member
 * institutions and one account per role. Seeded only into an empty database and never when
 * NODE_ENV=production; every account shares the published password below.
 */
export const DEMO_PASSWORD = 'sinergi-demo';
export const DEMO_REGION = '53.01';

export interface DemoAgency {
  key: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  regionCode: string;
  mandates: string[];
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'dp3a', name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', shortName: 'DP3A', kind: 'opd', regionCode: DEMO_REGION, mandates: ['2.08'] },
  { key: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'opd', regionCode: DEMO_REGION, mandates: ['1.06'] },
  { key: 'disnaker', name: 'Dinas Tenaga Kerja', shortName: 'Disnaker', kind: 'opd', regionCode: DEMO_REGION, mandates: ['2.07'] },
  { key: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'opd', regionCode: DEMO_REGION, mandates: ['1.02'] },
  { key: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Dukcapil', kind: 'opd', regionCode: DEMO_REGION, mandates: ['2.12'] },
  { key: 'dpmd', name: 'Dinas Pemberdayaan Masyarakat dan Desa', shortName: 'DPMD', kind: 'opd', regionCode: DEMO_REGION, mandates: ['2.13'] },
  { key: 'satpolpp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', kind: 'opd', regionCode: DEMO_REGION, mandates: ['1.05'] },
  { key: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo', kind: 'opd', regionCode: DEMO_REGION, mandates: ['2.16'] },
  { key: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda', kind: 'opd', regionCode: DEMO_REGION, mandates: ['5.01'] },
  { key: 'polres', name: 'Kepolisian Resor Kupang', shortName: 'Polres Kupang', kind: 'vertical', regionCode: DEMO_REGION, mandates: [] },
  { key: 'bp3mi', name: 'Balai Pelayanan Pelindungan Pekerja Migran Indonesia Nusa Tenggara Timur', shortName: 'BP3MI NTT', kind: 'vertical', regionCode: '53', mandates: [] },
  { key: 'lsm', name: 'LSM Mitra Perempuan dan Anak Kupang (data demo)', shortName: 'LSM Mitra', kind: 'ngo', regionCode: DEMO_REGION, mandates: [] },
  { key: 'undana', name: 'Universitas Nusa Cendana', shortName: 'Undana', kind: 'university', regionCode: '53', mandates: [] },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  agencyKey?: string;
  regionCode?: string;
  villageCode?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.sinergi.id', name: 'Admin Sinergi', role: 'admin' },
  { email: 'bappeda@demo.sinergi.id', name: 'Perencana Bappeda Kab. Kupang', role: 'planner', agencyKey: 'bappeda', regionCode: DEMO_REGION },
  { email: 'dp3a@demo.sinergi.id', name: 'Staf DP3A Kab. Kupang', role: 'agency', agencyKey: 'dp3a' },
  { email: 'dinsos@demo.sinergi.id', name: 'Staf Dinas Sosial Kab. Kupang', role: 'agency', agencyKey: 'dinsos' },
  // Desa Oesao (2015), not the kelurahan Oesao (1004) of the same kecamatan.
  { email: 'desa.oesao@demo.sinergi.id', name: 'Perangkat Desa Oesao', role: 'village', villageCode: '53.01.06.2015' },
  { email: 'lsm@demo.sinergi.id', name: 'Anggota LSM Mitra', role: 'member', agencyKey: 'lsm' },
];

export const DEMO_TASK_FORCE = {
  regionCode: DEMO_REGION,
  name: 'Gugus Tugas PP-TPPO Kabupaten Kupang',
  legalBasis: null as string | null,
};

/**
 * The draft RAD of the demo: a few activities per strategy, with the money each needs per year.
 * Amounts are illustrative orders of magnitude for a regency, not figures of Kabupaten Kupang.
 */
export const DEMO_PLAN = {
  title: 'RAD PP-TPPO Kabupaten Kupang 2026–2030',
  startYear: 2026,
  endYear: 2030,
};

export interface DemoActivity {
  strategyCode: number;
  title: string;
  output: string;
  indicator: string;
  unit: string;
  lead: string;
  supporting: string[];
  regionCodes?: string[];
  targets: Record<string, string>;
  costs: Record<string, string>;
  priority?: 'high' | 'medium' | 'low';
}

const everyYear = (amount: string) => ({ '2026': amount, '2027': amount, '2028': amount, '2029': amount, '2030': amount });

export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    strategyCode: 1,
    title: 'Sosialisasi pencegahan TPPO dan migrasi aman di desa kantong pekerja migran',
    output: 'Masyarakat desa memahami risiko TPPO dan prosedur migrasi aman',
    indicator: 'Jumlah desa yang mendapat sosialisasi',
    unit: 'Desa',
    lead: 'dp3a',
    supporting: ['disnaker', 'dpmd', 'lsm'],
    regionCodes: ['53.01.06'],
    targets: { '2026': '10', '2027': '15', '2028': '20', '2029': '20', '2030': '20' },
    costs: { '2026': '150000000', '2027': '200000000', '2028': '250000000', '2029': '250000000', '2030': '250000000' },
    priority: 'high',
  },
  {
    strategyCode: 1,
    title: 'Pembentukan dan penguatan desa migran produktif (Desmigratif)',
    output: 'Layanan informasi migrasi di desa',
    indicator: 'Jumlah desa dengan pos layanan migrasi',
    unit: 'Desa',
    lead: 'disnaker',
    supporting: ['dpmd'],
    targets: { '2026': '2', '2027': '4', '2028': '6' },
    costs: { '2026': '120000000', '2027': '120000000', '2028': '120000000' },
  },
  {
    strategyCode: 1,
    title: 'Pelayanan dokumen kependudukan untuk calon pekerja migran',
    output: 'Dokumen kependudukan sah bagi calon pekerja migran',
    indicator: 'Persentase calon pekerja migran dengan dokumen sah',
    unit: 'Persen',
    lead: 'dukcapil',
    supporting: ['disnaker'],
    targets: everyYear('90'),
    costs: everyYear('60000000'),
  },
  {
    strategyCode: 2,
    title: 'Layanan pemeriksaan dan pemulihan kesehatan korban TPPO',
    output: 'Korban mendapat layanan kesehatan',
    indicator: 'Jumlah korban yang dilayani',
    unit: 'Orang',
    lead: 'dinkes',
    supporting: ['dp3a'],
    targets: everyYear('25'),
    costs: everyYear('75000000'),
  },
  {
    strategyCode: 3,
    title: 'Pemulangan korban TPPO ke daerah asal',
    output: 'Korban dipulangkan dengan aman ke daerah asal',
    indicator: 'Jumlah korban yang dipulangkan',
    unit: 'Orang',
    lead: 'dinsos',
    supporting: ['dp3a', 'bp3mi', 'polres'],
    targets: everyYear('30'),
    costs: everyYear('180000000'),
    priority: 'high',
  },
  {
    strategyCode: 3,
    title: 'Rehabilitasi sosial dan reintegrasi korban TPPO',
    output: 'Korban kembali berfungsi sosial di keluarga dan masyarakat',
    indicator: 'Jumlah korban yang menjalani rehabilitasi sosial',
    unit: 'Orang',
    lead: 'dinsos',
    supporting: ['dp3a', 'lsm'],
    targets: everyYear('30'),
    costs: everyYear('220000000'),
  },
  {
    strategyCode: 4,
    title: 'Penyusunan Peraturan Bupati tentang Gugus Tugas PP-TPPO',
    output: 'Peraturan Bupati ditetapkan',
    indicator: 'Jumlah regulasi daerah yang ditetapkan',
    unit: 'Dokumen',
    lead: 'dp3a',
    supporting: ['bappeda', 'undana'],
    targets: { '2026': '1' },
    costs: { '2026': '50000000' },
  },
  {
    strategyCode: 5,
    title: 'Pelatihan penanganan kasus TPPO bagi aparat dan pendamping',
    output: 'Aparat dan pendamping terlatih',
    indicator: 'Jumlah peserta terlatih',
    unit: 'Orang',
    lead: 'polres',
    supporting: ['dp3a', 'satpolpp'],
    targets: everyYear('40'),
    costs: everyYear('90000000'),
  },
  {
    strategyCode: 6,
    title: 'Rapat koordinasi dan monitoring Gugus Tugas PP-TPPO',
    output: 'Laporan koordinasi dan evaluasi RAD',
    indicator: 'Jumlah laporan evaluasi',
    unit: 'Laporan',
    lead: 'dp3a',
    supporting: ['bappeda'],
    targets: everyYear('2'),
    costs: everyYear('45000000'),
  },
  {
    strategyCode: 6,
    title: 'Sistem data terpadu kasus TPPO lintas instansi',
    output: 'Basis data kasus yang dipakai bersama',
    indicator: 'Jumlah instansi yang melaporkan data',
    unit: 'Instansi',
    lead: 'diskominfo',
    supporting: ['dp3a', 'dinsos', 'polres'],
    targets: { '2026': '5', '2027': '8', '2028': '10' },
    costs: { '2026': '100000000', '2027': '40000000', '2028': '40000000' },
  },
];

/**
 * Budget lines the demo agencies have already entered, so the tagging coverage and the gap report
 * have something to show: DP3A's lines (one with RKA then DPA), Disnaker's entered by the planner,
 * national money of BP3MI recorded by the planner, and an APBDes line of desa Oesao not yet tagged. Dinas Sosial has
 * entered nothing yet: tagging its repatriation line is the demo's first task.
 * `activity` is the activity's code in the demo plan; `as` the demo account that enters it.
 */
export interface DemoAllocation {
  as: string;
  activity?: string;
  body: Record<string, unknown>;
}

export const DEMO_ALLOCATIONS: DemoAllocation[] = [
  {
    as: 'dp3a@demo.sinergi.id',
    activity: '1.1',
    body: { source: 'APBD', agency: 'dp3a', fiscalYear: 2026, budgetCode: '2.08.03.2.01.0009', accountCode: '5.1.02.01.01.0052', stage: 'RKA', amount: '120000000' },
  },
  {
    as: 'dp3a@demo.sinergi.id',
    activity: '1.1',
    body: { source: 'APBD', agency: 'dp3a', fiscalYear: 2026, budgetCode: '2.08.03.2.01.0009', accountCode: '5.1.02.01.01.0052', stage: 'DPA', amount: '100000000' },
  },
  {
    as: 'dp3a@demo.sinergi.id',
    activity: '4.1',
    body: { source: 'APBD', agency: 'dp3a', fiscalYear: 2026, budgetCode: '2.08.03.2.01.0010', accountCode: '5.1.02.02.01.0026', stage: 'DPA', amount: '40000000' },
  },
  {
    as: 'dp3a@demo.sinergi.id',
    activity: '6.1',
    body: { source: 'APBD', agency: 'dp3a', fiscalYear: 2026, budgetCode: '2.08.03.2.01.0011', accountCode: '5.1.02.01.01.0052', stage: 'DPA', amount: '60000000' },
  },
  {
    as: 'dp3a@demo.sinergi.id',
    activity: '6.1',
    body: { source: 'APBD', agency: 'dp3a', fiscalYear: 2027, budgetCode: '2.08.03.2.01.0011', accountCode: '5.1.02.01.01.0052', stage: 'RKA', amount: '60000000' },
  },
  {
    as: 'bappeda@demo.sinergi.id',
    activity: '1.2',
    body: { source: 'APBD', agency: 'disnaker', fiscalYear: 2026, budgetCode: '2.07.04.2.04.0001', accountCode: '5.1.02.02.01.0026', stage: 'DPA', amount: '75000000' },
  },
  {
    as: 'bappeda@demo.sinergi.id',
    activity: '3.2',
    body: { source: 'APBN', funder: 'Kementerian P2MI (BP3MI NTT)', fiscalYear: 2026, amount: '50000000' },
  },
  {
    as: 'desa.oesao@demo.sinergi.id',
    body: { source: 'APBDES', villageCode: '53.01.06.2015', fiscalYear: 2026, budgetCode: '4.4.01', fundSource: 'PBK', stage: 'APBDES', amount: '15000000' },
  },
];

/**
 * The demo's tactical fund: held by DP3A for 2026, with money received from its own DPA and a CSR
 * pledge not yet paid; up to 100 juta per request, 20 % kept for emergencies.
 */
export const DEMO_FUND_POOL = {
  name: 'Dana Taktis PP-TPPO Kabupaten Kupang',
  holder: 'dp3a',
  fiscalYear: 2026,
  maxPerDrawdown: '100000000',
  reservePercent: 20,
  contributions: [
    { amount: '250000000', sourceType: 'HOLDER_APBD', reference: 'DPA DP3A 2026, sub kegiatan 2.08.03.2.02.0010', status: 'received' },
    { amount: '100000000', sourceType: 'CSR', reference: 'Surat komitmen CSR Bank NTT (contoh)', status: 'pledged' },
  ],
} as const;
