import type { BudgetCodeLevel, GovernmentLevel } from '@sinergi/contracts';

/**
 * Parsing and normalising of the budget code families planners type, paste and import.
 * Every function takes the raw text as it comes (spaces, full-width digits, trailing dots) and
 * returns the canonical spelling or `null` when the text is not such a code: callers decide
 * whether that is an error, so the same parser serves validation and search.
 */

/** Folds full-width digits and dots (from copy-paste out of PDFs and some IMEs) and trims. */
export function cleanCodeText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[\u2024\u3002\uff0e]/g, '.');
}

export interface ApbdCode {
  code: string;
  level: Extract<BudgetCodeLevel, 'urusan' | 'bidang_urusan' | 'program' | 'kegiatan' | 'sub_kegiatan'>;
  /** `2.08` for `2.08.07.2.02.0001`; `X.XX` for the support programme every agency has. */
  bidangUrusan?: string;
  /** From the kegiatan digit: 1 = province, 2 = regency/city. Absent above kegiatan level. */
  governmentLevel?: GovernmentLevel;
}

// urusan . bidang urusan . program . kegiatan (level digit + 2 digits) . sub kegiatan (4 digits)
const APBD = /^([1-9X])(?:\.(\d{2}|XX)(?:\.(\d{2})(?:\.([1-8])\.(\d{2})(?:\.(\d{4}))?)?)?)?$/;

/** Kepmendagri nomenclature code (Permendagri 90/2019 as updated), any level. */
export function parseApbdCode(raw: string): ApbdCode | null {
  const code = cleanCodeText(raw).replace(/\.$/, '').replace(/x/g, 'X');
  const m = APBD.exec(code);
  if (!m) return null;
  const [, urusan, bidang, program, levelDigit, kegiatan, sub] = m;
  // An `X` urusan only goes with an `XX` bidang and vice versa.
  if (bidang !== undefined && (urusan === 'X') !== (bidang === 'XX')) return null;
  const bidangUrusan = bidang === undefined ? undefined : `${urusan}.${bidang}`;
  const governmentLevel: GovernmentLevel | undefined =
    levelDigit === '1' ? 'province' : levelDigit === '2' ? 'regency' : undefined;
  if (sub !== undefined) return { code, level: 'sub_kegiatan', bidangUrusan, governmentLevel };
  if (kegiatan !== undefined) return { code, level: 'kegiatan', bidangUrusan, governmentLevel };
  if (program !== undefined) return { code, level: 'program', bidangUrusan };
  if (bidang !== undefined) return { code, level: 'bidang_urusan', bidangUrusan };
  return { code, level: 'urusan' };
}

/**
 * Names of the urusan (first digit of a nomenclature code), Permendagri 90/2019. SIPD's export
 * lists sub kegiatan with their bidang, program and kegiatan but not the urusan above them.
 */
export const URUSAN_NAMES: Readonly<Record<string, string>> = {
  '1': 'URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR',
  '2': 'URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR',
  '3': 'URUSAN PEMERINTAHAN PILIHAN',
  '4': 'UNSUR PENDUKUNG URUSAN PEMERINTAHAN',
  '5': 'UNSUR PENUNJANG URUSAN PEMERINTAHAN',
  '6': 'UNSUR PENGAWASAN URUSAN PEMERINTAHAN',
  '7': 'UNSUR KEWILAYAHAN',
  '8': 'UNSUR PEMERINTAHAN UMUM',
  '9': 'UNSUR KEKHUSUSAN',
  X: 'URUSAN X.XX',
};

/** The code one level up: sub kegiatan → kegiatan → program → bidang urusan → urusan. */
export function apbdParentCode(code: string): string | undefined {
  const parsed = parseApbdCode(code);
  if (!parsed) return undefined;
  const parts = parsed.code.split('.');
  switch (parsed.level) {
    case 'sub_kegiatan':
      return parts.slice(0, 5).join('.');
    case 'kegiatan':
      return parts.slice(0, 3).join('.');
    case 'program':
      return parts.slice(0, 2).join('.');
    case 'bidang_urusan':
      return parts[0];
    case 'urusan':
      return undefined;
  }
}

export type AccountCodeFormat = 'sipd' | 'permendagri-3digit' | 'sipd-ri';

export interface AccountCode {
  /** Canonical SIPD spelling: `5.1.02.01.01.0024`. */
  code: string;
  level: 'akun' | 'kelompok' | 'jenis' | 'objek' | 'rincian_objek' | 'sub_rincian_objek';
  /** How the input was spelled, kept so an import can echo the user's own code back. */
  format: AccountCodeFormat;
}

const ACCOUNT_LEVELS: AccountCode['level'][] = ['akun', 'kelompok', 'jenis', 'objek', 'rincian_objek', 'sub_rincian_objek'];

/**
 * APBD account code (kode rekening) in any of the three spellings seen in practice, normalised to
 * the SIPD form: 2-digit jenis, objek and rincian objek, 4-digit sub rincian objek.
 *   5.1.02.01.01.0024     SIPD (canonical)
 *   5.1.02.01.01.024      Permendagri 90/2019, 3-digit sub rincian objek
 *   5.1.02.01.001.00024   SIPD-RI display, 3-digit rincian objek and 5-digit sub rincian objek
 */
export function parseAccountCode(raw: string): AccountCode | null {
  const text = cleanCodeText(raw).replace(/\.$/, '');
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 6 || parts.some((p) => !/^\d+$/.test(p))) return null;
  if (!/^[4-6]$/.test(parts[0])) return null;
  if (parts.length >= 2 && !/^\d$/.test(parts[1])) return null;
  let format: AccountCodeFormat = 'sipd';
  const out = parts.slice(0, 2);
  for (let i = 2; i < parts.length; i++) {
    const p = parts[i];
    if (i < 4) {
      if (p.length !== 2) return null;
      out.push(p);
    } else if (i === 4) {
      if (p.length === 2) out.push(p);
      else if (p.length === 3 && p.startsWith('0')) {
        out.push(p.slice(1));
        format = 'sipd-ri';
      } else return null;
    } else {
      if (p.length === 4) {
        if (format === 'sipd-ri') return null;
        out.push(p);
      } else if (p.length === 3 && format === 'sipd') {
        out.push(`0${p}`);
        format = 'permendagri-3digit';
      } else if (p.length === 5 && p.startsWith('0') && format === 'sipd-ri') {
        out.push(p.slice(1));
      } else return null;
    }
  }
  return { code: out.join('.'), level: ACCOUNT_LEVELS[out.length - 1], format };
}

export interface ApbdesCode {
  /** Permendagri 20/2018 spelling: `4.4.02`. */
  code: string;
  level: 'bidang' | 'sub_bidang' | 'kegiatan';
}

/**
 * APBDes activity code: `4.4.02` (Permendagri 20/2018) and the Siskeudes spelling `04.04.02.` are
 * the same code. Kegiatan 90–99 are regional additions and valid.
 */
export function parseApbdesCode(raw: string): ApbdesCode | null {
  const text = cleanCodeText(raw).replace(/\.$/, '');
  const m = /^(\d{1,2})(?:\.(\d{1,2})(?:\.(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const bidang = Number(m[1]);
  if (bidang < 1 || bidang > 9) return null;
  if (m[2] === undefined) return { code: String(bidang), level: 'bidang' };
  const sub = Number(m[2]);
  if (sub < 1) return null;
  if (m[3] === undefined) return { code: `${bidang}.${sub}`, level: 'sub_bidang' };
  // Kegiatan `00` is real: the lampiran of Permendagri 20/2018 lists bidang 5 as 5.1.00, 5.2.00, 5.3.00.
  return { code: `${bidang}.${sub}.${m[3]}`, level: 'kegiatan' };
}

/** Village account codes (`5.2.2.01`, Siskeudes `5.2.2.01.`): akun.kelompok.jenis.objek. */
export function parseApbdesAccountCode(raw: string): { code: string; level: 'akun' | 'kelompok' | 'jenis' | 'objek' } | null {
  const text = cleanCodeText(raw).replace(/\.$/, '');
  const m = /^([4-6])(?:\.(\d)(?:\.(\d)(?:\.(\d{2}))?)?)?$/.exec(text);
  if (!m) return null;
  const levels = ['akun', 'kelompok', 'jenis', 'objek'] as const;
  const depth = m.slice(1).filter((x) => x !== undefined).length;
  return { code: text, level: levels[depth - 1] };
}
