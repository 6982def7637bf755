import type { CatalogKind } from '@sinergi/contracts';

/**
 * The code lists that ship with Sinergi (apps/api/reference/, copied from the project's shared
 * reference folder with SOURCES.txt). Loaded at start-up through the catalogue import an admin
 * uses, in this order (parents before the lists that point at them); a file already imported
 * unchanged is skipped, so a restart costs milliseconds. The last file of a kind becomes current.
 */
export interface ReferenceFile {
  file: string;
  kind: CatalogKind;
  label: string;
  source: string;
  /** First fiscal year the edition is in force for (nomenclature). */
  inForceFrom?: number;
}

export const REFERENCE_FILES: ReferenceFile[] = [
  { file: 'ran-strategies.csv', kind: 'RAN_STRATEGIES', label: 'RAN PP-TPPO 2020-2024', source: 'KemenPPPA, RAN PP-TPPO 2020-2024 (Perpres 19/2023)' },
  { file: 'regions.csv', kind: 'REGIONS', label: 'Kepmendagri 300.2.2-2138/2025', source: 'Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah (MIT); lihat SOURCES.txt' },
  { file: 'village-fund-sources.csv', kind: 'FUND_SOURCES', label: 'Permendagri 20/2018', source: 'Permendagri 20/2018 dan panduan Siskeudes; lihat SOURCES.txt' },
  {
    file: 'apbd-nomenclature-2021-partial.csv',
    kind: 'APBD_NOMENCLATURE',
    label: 'Kepmendagri 050-5889/2021 (sebagian)',
    inForceFrom: 2022,
    source: 'Transkripsi dari basis data perencanaan daerah 2022, belum lengkap; periksa lampiran resmi',
  },
  {
    file: 'apbd-nomenclature-2027.csv',
    kind: 'APBD_NOMENCLATURE',
    label: 'SIPD pemutakhiran 2027',
    inForceFrom: 2027,
    source: 'Ekspor SIPD "pemutakhiran 2027" (Jan 2026); lihat SOURCES.txt',
  },
  { file: 'apbd-crosswalk-2027.csv', kind: 'APBD_CROSSWALK', label: 'SIPD pemutakhiran 2027', source: 'Kolom SUBKEGIATAN SEBELUMNYA ekspor SIPD 2027' },
  {
    file: 'apbd-accounts.csv',
    kind: 'APBD_ACCOUNTS',
    label: 'Permendagri 90/2019 + Kepmendagri 050-3708/2020',
    source: 'Bagan akun simda-id/simcan (BPKP); tambahan setelah 2020 belum ada',
  },
  {
    file: 'apbdes-activities.csv',
    kind: 'APBDES_ACTIVITIES',
    label: 'Permendagri 20/2018',
    source: 'Lampiran Permendagri 20/2018, transkripsi; periksa lampiran resmi',
  },
  {
    file: 'apbdes-activities-siskeudes.csv',
    kind: 'APBDES_ACTIVITIES',
    label: 'Siskeudes (OpenSID 2024)',
    source: 'Data awal OpenSID (GPL-3.0) dengan tambahan daerah 90-99; nama sub bidang dari E-APBDesa',
  },
  { file: 'apbdes-accounts.csv', kind: 'APBDES_ACCOUNTS', label: 'Permendagri 20/2018', source: 'Lampiran Permendagri 20/2018, transkripsi' },
  {
    file: 'apbdes-accounts-siskeudes.csv',
    kind: 'APBDES_ACCOUNTS',
    label: 'Siskeudes (OpenSID 2024)',
    source: 'Data awal OpenSID (GPL-3.0): baris rekening yang ada di daftar kegiatan Siskeudes',
  },
];
