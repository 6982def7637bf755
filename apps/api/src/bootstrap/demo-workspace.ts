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
