import type { BudgetCodeLevel, CatalogKind, GovernmentLevel, RegionLevel } from '@sinergi/contracts';
import { apbdParentCode, parseAccountCode, parseApbdCode, parseApbdesAccountCode, parseApbdesCode } from './budget-codes';
import { isRegionCode, parentRegionCode, regionLevel } from './region-code';
import { searchDocument } from './search-text';

/**
 * Row-by-row validation of an imported code list. The importer feeds every row to `accept`, then
 * calls `finish` for the checks that need the whole file (parents, duplicates). Nothing is saved
 * unless `errors` is empty, so a bad row never leaves a half-imported catalogue behind.
 */
export interface CatalogRowError {
  row: number;
  column: string;
  message: string;
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  searchText: string;
}

export interface BudgetCodeRow {
  kind: 'APBD' | 'APBDES';
  code: string;
  level: BudgetCodeLevel;
  name: string;
  governmentLevel: GovernmentLevel | '';
  bidangUrusan: string | null;
  output: string | null;
  indicator: string | null;
  unit: string | null;
  previousCode: string | null;
  searchText: string;
  searchDetail: string;
}

export interface AccountCodeRow {
  kind: 'APBD' | 'APBDES';
  code: string;
  level: string;
  name: string;
}

export interface CrosswalkRow {
  previousCode: string;
  code: string;
  governmentLevel: string;
}

export interface FundSourceRow {
  code: string;
  name: string;
}

export interface StrategyRow {
  code: number;
  name: string;
  nameEn: string;
}

export type CatalogRow = RegionRow | BudgetCodeRow | AccountCodeRow | CrosswalkRow | FundSourceRow | StrategyRow;

/** Columns each kind needs; extra columns (source, note …) are allowed and ignored. */
export const REQUIRED_COLUMNS: Record<CatalogKind, string[]> = {
  REGIONS: ['code', 'name'],
  APBD_NOMENCLATURE: ['code', 'level', 'name'],
  APBD_ACCOUNTS: ['code', 'level', 'name'],
  APBD_CROSSWALK: ['previous_code', 'code'],
  APBDES_ACTIVITIES: ['code', 'level', 'name'],
  APBDES_ACCOUNTS: ['code', 'level', 'name'],
  FUND_SOURCES: ['code', 'name'],
  RAN_STRATEGIES: ['code', 'name'],
};

const MAX_NAME = 1000;
const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export class CatalogRowValidator {
  readonly errors: CatalogRowError[] = [];
  readonly rows: { row: number; value: CatalogRow }[] = [];
  private readonly keys = new Map<string, number>();
  private readonly codes = new Set<string>();

  constructor(readonly kind: CatalogKind) {}

  /** Checks the header once, before any row. */
  checkHeader(header: string[]): boolean {
    const missing = REQUIRED_COLUMNS[this.kind].filter((c) => !header.includes(c));
    for (const column of missing) this.errors.push({ row: 1, column, message: `kolom "${column}" tidak ada di baris judul` });
    return missing.length === 0;
  }

  accept(row: number, values: Record<string, string>): void {
    const fail = (column: string, message: string): void => {
      this.errors.push({ row, column, message });
    };
    const name = (values.name ?? '').trim();
    if (this.kind !== 'APBD_CROSSWALK') {
      if (!name) return fail('name', 'nama wajib diisi');
      if (name.length > MAX_NAME) return fail('name', `nama lebih dari ${MAX_NAME} karakter`);
    }
    const rawCode = (values.code ?? '').trim();
    if (!rawCode) return fail('code', 'kode wajib diisi');
    const declaredLevel = (values.level ?? '').trim();

    switch (this.kind) {
      case 'REGIONS': {
        if (!isRegionCode(rawCode)) return fail('code', `"${rawCode}" bukan kode wilayah Kemendagri (contoh 53.01.04.2003)`);
        return this.add(row, rawCode, rawCode, {
          code: rawCode,
          name,
          level: regionLevel(rawCode),
          parentCode: parentRegionCode(rawCode) ?? null,
          searchText: searchDocument(name),
        });
      }
      case 'APBD_NOMENCLATURE': {
        const parsed = parseApbdCode(rawCode);
        if (!parsed) return fail('code', `"${rawCode}" bukan kode nomenklatur (contoh 2.08.07.2.02.0001)`);
        if (declaredLevel !== parsed.level) return fail('level', `tingkat "${declaredLevel}" tidak cocok dengan kode (${parsed.level})`);
        const declaredGov = (values.government_level ?? '').trim();
        if (declaredGov && declaredGov !== 'province' && declaredGov !== 'regency') {
          return fail('government_level', 'harus province, regency atau kosong');
        }
        if (parsed.governmentLevel && declaredGov && declaredGov !== parsed.governmentLevel) {
          return fail('government_level', `kode ini milik ${parsed.governmentLevel === 'province' ? 'provinsi' : 'kabupaten/kota'} (digit kegiatan)`);
        }
        const governmentLevel = (parsed.governmentLevel ?? declaredGov) as GovernmentLevel | '';
        const output = orNull(values.output);
        const indicator = orNull(values.indicator);
        return this.add(row, parsed.code, `${parsed.code}|${governmentLevel}`, {
          kind: 'APBD',
          code: parsed.code,
          level: parsed.level,
          name,
          governmentLevel,
          bidangUrusan: parsed.bidangUrusan ?? null,
          output,
          indicator,
          unit: orNull(values.unit),
          previousCode: orNull(values.previous_code),
          searchText: searchDocument(name),
          searchDetail: searchDocument(output, indicator),
        });
      }
      case 'APBDES_ACTIVITIES': {
        const parsed = parseApbdesCode(rawCode);
        if (!parsed) return fail('code', `"${rawCode}" bukan kode kegiatan APBDes (contoh 4.4.02 atau 04.04.02.)`);
        if (declaredLevel !== parsed.level) return fail('level', `tingkat "${declaredLevel}" tidak cocok dengan kode (${parsed.level})`);
        return this.add(row, parsed.code, parsed.code, {
          kind: 'APBDES',
          code: parsed.code,
          level: parsed.level,
          name,
          governmentLevel: '',
          bidangUrusan: null,
          output: null,
          indicator: null,
          unit: null,
          previousCode: null,
          searchText: searchDocument(name),
          searchDetail: '',
        });
      }
      case 'APBD_ACCOUNTS':
      case 'APBDES_ACCOUNTS': {
        const parsed = this.kind === 'APBD_ACCOUNTS' ? parseAccountCode(rawCode) : parseApbdesAccountCode(rawCode);
        if (!parsed) return fail('code', `"${rawCode}" bukan kode rekening yang dikenal`);
        if (declaredLevel !== parsed.level) return fail('level', `tingkat "${declaredLevel}" tidak cocok dengan kode (${parsed.level})`);
        return this.add(row, parsed.code, parsed.code, {
          kind: this.kind === 'APBD_ACCOUNTS' ? 'APBD' : 'APBDES',
          code: parsed.code,
          level: parsed.level,
          name,
        });
      }
      case 'APBD_CROSSWALK': {
        const previous = parseApbdCode(values.previous_code ?? '');
        const next = parseApbdCode(rawCode);
        if (!previous) return fail('previous_code', `"${values.previous_code ?? ''}" bukan kode nomenklatur`);
        if (!next) return fail('code', `"${rawCode}" bukan kode nomenklatur`);
        const governmentLevel = (values.government_level ?? '').trim();
        return this.add(row, `${previous.code}|${governmentLevel}`, `${previous.code}|${governmentLevel}`, {
          previousCode: previous.code,
          code: next.code,
          governmentLevel,
        });
      }
      case 'FUND_SOURCES': {
        if (!/^[A-Z]{2,10}$/.test(rawCode)) return fail('code', 'kode sumber dana harus 2–10 huruf besar (contoh DDS)');
        return this.add(row, rawCode, rawCode, { code: rawCode, name });
      }
      case 'RAN_STRATEGIES': {
        if (!/^[1-9]$/.test(rawCode)) return fail('code', 'kode strategi harus angka 1–9');
        return this.add(row, rawCode, rawCode, { code: Number(rawCode), name, nameEn: orNull(values.name_en) ?? name });
      }
    }
  }

  private add(row: number, code: string, key: string, value: CatalogRow): void {
    const earlier = this.keys.get(key);
    if (earlier !== undefined) {
      this.errors.push({ row, column: 'code', message: `kode ganda: sudah ada di baris ${earlier}` });
      return;
    }
    this.keys.set(key, row);
    this.codes.add(code);
    this.rows.push({ row, value });
  }

  /** Whole-file checks: every code's parent is in the file too (regions, codes, accounts). */
  finish(): CatalogRowError[] {
    const parentOf = this.parentFunction();
    if (parentOf) {
      for (const { row, value } of this.rows) {
        const parent = parentOf((value as { code: string }).code);
        if (parent && !this.codes.has(parent)) {
          this.errors.push({ row, column: 'code', message: `induk ${parent} tidak ada di berkas` });
        }
      }
    }
    this.errors.sort((a, b) => a.row - b.row);
    return this.errors;
  }

  private parentFunction(): ((code: string) => string | undefined) | undefined {
    const dropLast = (code: string) => {
      const i = code.lastIndexOf('.');
      return i < 0 ? undefined : code.slice(0, i);
    };
    switch (this.kind) {
      case 'REGIONS':
        return parentRegionCode;
      case 'APBD_NOMENCLATURE':
        return apbdParentCode;
      case 'APBD_ACCOUNTS':
      case 'APBDES_ACCOUNTS':
      case 'APBDES_ACTIVITIES':
        return dropLast;
      default:
        return undefined;
    }
  }
}
