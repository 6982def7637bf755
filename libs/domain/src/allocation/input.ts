import { VILLAGE_FUND_SOURCES, type BudgetSource, type BudgetStage, type VillageFundSource } from '@sinergi/contracts';
import { parseAccountCode, parseApbdCode, parseApbdesAccountCode, parseApbdesCode } from '../budget-codes';
import { DomainError } from '../domain-error';
import { parseMoney } from '../money';
import { isRegionCode, regionLevel } from '../region-code';
import { assertStageCanFollow } from './stages';
import { percentToBasisPoints, type TagClaim } from './split';

/** What identifies a budget line (API-CONTRACT.md: source, owner, year, code, account, fund source). */
export interface LineIdentity {
  source: BudgetSource;
  fiscalYear: number;
  agencyId: string | null;
  villageCode: string | null;
  funder: string | null;
  /** Canonical spelling ('' for APBN/OTHER). */
  budgetCode: string;
  /** Canonical spelling, '' when not given. */
  accountCode: string;
  /** As typed, kept when it differs from the canonical form (3-digit or SIPD-RI spelling). */
  accountCodeOriginal: string | null;
  fundSource: VillageFundSource | '';
}

export interface LineInput extends LineIdentity {
  stage: BudgetStage;
  amount: bigint;
  note: string | null;
}

export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

/**
 * One key per line, used for the unique index: posting the same line again (a later stage, a
 * correction) finds it instead of creating a second line that would be counted twice.
 */
export function lineKey(id: LineIdentity): string {
  // National and third-party money is one line per funder, also when a member agency enters it
  // (agency ids are UUIDs, so `agency/funder` cannot be mistaken for a funder's name alone).
  const funder = id.funder === null ? null : id.funder.trim().toLowerCase().replace(/\s+/g, ' ');
  const owner = funder === null ? (id.agencyId ?? id.villageCode ?? '') : id.agencyId ? `${id.agencyId}/${funder}` : funder;
  return [id.source, owner, id.fiscalYear, id.budgetCode, id.accountCode, id.fundSource].join('|');
}

type Body = Record<string, unknown>;

function text(body: Body, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw DomainError.invalidField(field, 'harus teks');
  return v;
}

function refuse(body: Body, fields: string[], source: BudgetSource): void {
  for (const f of fields) {
    if (body[f] !== undefined && body[f] !== null && body[f] !== '') {
      throw DomainError.invalidField(f, `tidak dipakai untuk sumber ${source}`);
    }
  }
}

function required<T>(value: T | undefined, field: string, what: string): T {
  if (value === undefined) throw DomainError.invalidField(field, `wajib diisi untuk ${what}`);
  return value;
}

/**
 * Reads the body of POST /api/activities/:id/allocations or POST /api/budget-lines into a line,
 * normalising the codes, and names the first field that is wrong. Whether the code exists in the
 * catalogue, and whether the user may write for the owner, is for the service to check.
 */
export function parseLineInput(body: Body): LineInput {
  const source = body.source as BudgetSource;
  if (!['APBD', 'APBDES', 'APBN', 'OTHER'].includes(source)) {
    throw DomainError.invalidField('source', 'harus salah satu dari APBD, APBDES, APBN, OTHER');
  }
  const fiscalYear = body.fiscalYear;
  if (typeof fiscalYear !== 'number' || !Number.isInteger(fiscalYear) || fiscalYear < MIN_FISCAL_YEAR || fiscalYear > MAX_FISCAL_YEAR) {
    throw DomainError.invalidField('fiscalYear', `harus tahun anggaran ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`);
  }
  const amount = parseMoney(body.amount, 'amount');
  const note = text(body, 'note') ?? null;
  if (note && note.length > 1000) throw DomainError.invalidField('note', 'paling banyak 1000 karakter');

  const base = { source, fiscalYear, amount, note, agencyId: null, villageCode: null, funder: null, accountCode: '', accountCodeOriginal: null, fundSource: '' as const };

  if (source === 'APBD') {
    refuse(body, ['villageCode', 'fundSource', 'funder'], source);
    const agencyId = required(text(body, 'agencyId'), 'agencyId', 'APBD');
    const codeText = required(text(body, 'budgetCode'), 'budgetCode', 'APBD');
    const code = parseApbdCode(codeText);
    if (!code || code.level !== 'sub_kegiatan') {
      throw DomainError.invalidField('budgetCode', 'harus kode sub kegiatan APBD, contoh 2.08.07.2.02.0001');
    }
    const stage = required(text(body, 'stage'), 'stage', 'APBD') as BudgetStage;
    assertStageCanFollow(source, undefined, stage);
    const account = readAccount(text(body, 'accountCode'), 'APBD');
    return { ...base, agencyId, budgetCode: code.code, stage, ...account };
  }

  if (source === 'APBDES') {
    refuse(body, ['agencyId', 'funder'], source);
    const villageCode = required(text(body, 'villageCode'), 'villageCode', 'APBDES');
    assertHasApbdes(villageCode, 'villageCode');
    const codeText = required(text(body, 'budgetCode'), 'budgetCode', 'APBDES');
    const code = parseApbdesCode(codeText);
    if (!code || code.level !== 'kegiatan') {
      throw DomainError.invalidField('budgetCode', 'harus kode kegiatan APBDes, contoh 4.4.02 atau 04.04.02.');
    }
    const fundSource = required(text(body, 'fundSource'), 'fundSource', 'APBDES');
    if (!(VILLAGE_FUND_SOURCES as readonly string[]).includes(fundSource)) {
      throw DomainError.invalidField('fundSource', `harus salah satu dari ${VILLAGE_FUND_SOURCES.join(', ')}`);
    }
    const stage = required(text(body, 'stage'), 'stage', 'APBDES') as BudgetStage;
    assertStageCanFollow(source, undefined, stage);
    const account = readAccount(text(body, 'accountCode'), 'APBDES');
    return { ...base, villageCode, budgetCode: code.code, fundSource: fundSource as VillageFundSource, stage, ...account };
  }

  refuse(body, ['villageCode', 'fundSource', 'budgetCode', 'accountCode'], source);
  const funder = required(text(body, 'funder'), 'funder', source).trim();
  if (!funder || funder.length > 200) throw DomainError.invalidField('funder', 'wajib diisi, paling banyak 200 karakter');
  const stage = (text(body, 'stage') ?? 'COMMITTED') as BudgetStage;
  assertStageCanFollow(source, undefined, stage);
  // APBN money may be entered by a member agency (a vertical agency's deconcentration budget):
  // then the agency is recorded as the owner of the line.
  const agencyId = text(body, 'agencyId') ?? null;
  return { ...base, agencyId, funder, budgetCode: '', stage };
}

function readAccount(raw: string | undefined, source: 'APBD' | 'APBDES'): Pick<LineIdentity, 'accountCode' | 'accountCodeOriginal'> {
  if (raw === undefined) return { accountCode: '', accountCodeOriginal: null };
  if (source === 'APBD') {
    const parsed = parseAccountCode(raw);
    if (!parsed || !parsed.code.startsWith('5')) {
      throw DomainError.invalidField('accountCode', 'harus kode rekening belanja (akun 5), contoh 5.1.02.01.01.0024');
    }
    return { accountCode: parsed.code, accountCodeOriginal: parsed.code === raw.trim() ? null : raw.trim() };
  }
  const parsed = parseApbdesAccountCode(raw);
  if (!parsed || !parsed.code.startsWith('5')) {
    throw DomainError.invalidField('accountCode', 'harus kode rekening belanja desa (akun 5), contoh 5.2.2.01');
  }
  return { accountCode: parsed.code, accountCodeOriginal: parsed.code === raw.trim() ? null : raw.trim() };
}

/** Only a desa has an APBDes: a kelurahan is part of the regency's own budget. */
export function assertHasApbdes(regionCode: string, field: string): void {
  if (!isRegionCode(regionCode)) throw DomainError.invalidField(field, 'bukan kode wilayah Kemendagri, contoh 53.01.06.2015');
  const level = regionLevel(regionCode);
  if (level === 'urban_village') {
    throw new DomainError('NO_APBDES', `${regionCode} adalah kelurahan: kelurahan tidak memiliki APBDes, anggarannya ada di APBD kabupaten/kota`, {
      path: field,
    });
  }
  if (level !== 'village') throw DomainError.invalidField(field, 'harus kode desa (empat bagian, contoh 53.01.06.2015)');
}

/**
 * The split fields of a tag: `sharePercent` or `taggedAmount`, not both. `undefined` when neither
 * is given (the service then takes the whole line if nobody else has a part of it).
 */
export function parseClaim(body: Body): Omit<TagClaim, 'id'> | undefined {
  const hasShare = body.sharePercent !== undefined && body.sharePercent !== null;
  const hasAmount = body.taggedAmount !== undefined && body.taggedAmount !== null;
  if (hasShare && hasAmount) throw DomainError.invalidField('taggedAmount', 'isi persentase atau nilai, tidak keduanya');
  if (hasShare) return { shareBp: percentToBasisPoints(body.sharePercent, 'sharePercent'), fixedAmount: null };
  if (hasAmount) {
    const amount = parseMoney(body.taggedAmount, 'taggedAmount');
    if (amount === 0n) throw DomainError.invalidField('taggedAmount', 'harus lebih dari 0');
    return { shareBp: null, fixedAmount: amount };
  }
  return undefined;
}
