import { lineKey, parseClaim, parseLineInput, type LineIdentity } from './input';
import { caught, problems } from '../../../../test/support/domain-errors';

/** The one field a refused input is refused on. */
function refusedOn(body: Record<string, unknown>): string {
  const list = problems(() => parseLineInput(body));
  expect(list).toHaveLength(1);
  return list[0].path;
}

const DP3A = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DINSOS = '0b5e6a77-1c2d-4e3f-9a8b-7c6d5e4f3a2b';

const apbd = (overrides: Record<string, unknown> = {}) => ({
  source: 'APBD',
  agencyId: DP3A,
  fiscalYear: 2026,
  budgetCode: '2.08.07.2.02.0001',
  stage: 'RKA',
  amount: '150000000',
  ...overrides,
});

const apbdes = (overrides: Record<string, unknown> = {}) => ({
  source: 'APBDES',
  villageCode: '53.01.06.2015',
  fiscalYear: 2026,
  budgetCode: '4.4.02',
  fundSource: 'DDS',
  stage: 'APBDES',
  amount: '25000000',
  ...overrides,
});

const apbn = (overrides: Record<string, unknown> = {}) => ({
  source: 'APBN',
  funder: 'Kemensos RI',
  fiscalYear: 2026,
  amount: 500000000,
  ...overrides,
});

describe('parseLineInput: APBD', () => {
  it('reads a line of an agency budget, canonical codes and the amount as bigint', () => {
    expect(parseLineInput(apbd({ accountCode: '5.1.02.01.01.0024', note: 'Belanja sosialisasi' }))).toEqual({
      source: 'APBD',
      fiscalYear: 2026,
      agencyId: DP3A,
      villageCode: null,
      funder: null,
      budgetCode: '2.08.07.2.02.0001',
      accountCode: '5.1.02.01.01.0024',
      accountCodeOriginal: null,
      fundSource: '',
      stage: 'RKA',
      amount: 150_000_000n,
      note: 'Belanja sosialisasi',
    });
  });

  it('trims the budget code and rewrites a 3-digit account code, keeping what the user typed', () => {
    const line = parseLineInput(apbd({ budgetCode: ' 1.06.03.2.01.0003 ', accountCode: '5.1.02.01.01.024' }));
    expect(line.budgetCode).toBe('1.06.03.2.01.0003');
    expect(line.accountCode).toBe('5.1.02.01.01.0024');
    expect(line.accountCodeOriginal).toBe('5.1.02.01.01.024');
  });

  it('keeps accountCodeOriginal null when the account code is already canonical', () => {
    const line = parseLineInput(apbd({ accountCode: '5.1.02.01.01.0024' }));
    expect(line.accountCode).toBe('5.1.02.01.01.0024');
    expect(line.accountCodeOriginal).toBeNull();
  });

  it('rewrites the SIPD-RI spelling of an account code to the canonical one', () => {
    const line = parseLineInput(apbd({ accountCode: '5.1.02.01.001.00024' }));
    expect(line.accountCode).toBe('5.1.02.01.01.0024');
    expect(line.accountCodeOriginal).toBe('5.1.02.01.001.00024');
  });

  it('leaves the account code empty when none is given', () => {
    const line = parseLineInput(apbd());
    expect(line.accountCode).toBe('');
    expect(line.accountCodeOriginal).toBeNull();
  });

  it.each(['DPA', 'DPPA'])('accepts the later stage %s for a first posting', (stage) => {
    expect(parseLineInput(apbd({ stage })).stage).toBe(stage);
  });

  it.each([
    ['a kegiatan-level code', '2.08.07.2.02'],
    ['a program-level code', '2.08.07'],
    ['a code with single digits', '2.8.7.2.2.1'],
    ['an APBDes code', '4.4.02'],
    ['text', 'sosialisasi'],
  ])('refuses %s (%s) on budgetCode', (_, budgetCode) => {
    expect(refusedOn(apbd({ budgetCode }))).toBe('budgetCode');
  });

  it('refuses a line without budget code on budgetCode', () => {
    expect(refusedOn(apbd({ budgetCode: undefined }))).toBe('budgetCode');
  });

  it('refuses a line without agency on agencyId', () => {
    expect(refusedOn(apbd({ agencyId: undefined }))).toBe('agencyId');
    expect(refusedOn(apbd({ agencyId: '' }))).toBe('agencyId');
  });

  it('refuses a village stage on stage', () => {
    expect(refusedOn(apbd({ stage: 'APBDES' }))).toBe('stage');
  });

  it('refuses a line without stage on stage', () => {
    expect(refusedOn(apbd({ stage: undefined }))).toBe('stage');
  });

  it.each([
    ['fundSource', 'DDS'],
    ['villageCode', '53.01.06.2015'],
    ['funder', 'Kemensos RI'],
  ])('refuses %s, which an APBD line does not have', (field, value) => {
    expect(refusedOn(apbd({ [field]: value }))).toBe(field);
  });

  it.each([
    ['a revenue account', '4.1.01'],
    ['a financing account', '6.1.01'],
    ['garbage', '5.1.2.1.1.24'],
  ])('refuses %s (%s) on accountCode', (_, accountCode) => {
    expect(refusedOn(apbd({ accountCode }))).toBe('accountCode');
  });

  it('refuses a note above 1000 characters on note', () => {
    expect(refusedOn(apbd({ note: 'x'.repeat(1001) }))).toBe('note');
    expect(parseLineInput(apbd({ note: 'x'.repeat(1000) })).note).toHaveLength(1000);
  });
});

describe('parseLineInput: APBDES', () => {
  it('reads a line of a desa budget', () => {
    expect(parseLineInput(apbdes())).toEqual({
      source: 'APBDES',
      fiscalYear: 2026,
      agencyId: null,
      villageCode: '53.01.06.2015',
      funder: null,
      budgetCode: '4.4.02',
      accountCode: '',
      accountCodeOriginal: null,
      fundSource: 'DDS',
      stage: 'APBDES',
      amount: 25_000_000n,
      note: null,
    });
  });

  it('reads the Siskeudes spelling 04.04.02. as 4.4.02', () => {
    expect(parseLineInput(apbdes({ budgetCode: '04.04.02.' })).budgetCode).toBe('4.4.02');
  });

  it('reads a village account code, the Siskeudes trailing dot dropped', () => {
    const line = parseLineInput(apbdes({ accountCode: '5.2.2.01.' }));
    expect(line.accountCode).toBe('5.2.2.01');
    expect(line.accountCodeOriginal).toBe('5.2.2.01.');
  });

  it('refuses a village revenue account on accountCode', () => {
    expect(refusedOn(apbdes({ accountCode: '4.1.1.01' }))).toBe('accountCode');
  });

  it.each(['XYZ', 'DANA DESA', undefined])('refuses the fund source %p on fundSource', (fundSource) => {
    expect(refusedOn(apbdes({ fundSource }))).toBe('fundSource');
  });

  it('refuses a kelurahan with NO_APBDES: its budget is in the APBD of the regency', () => {
    const error = caught(() => parseLineInput(apbdes({ villageCode: '53.01.06.1004' })));
    expect(error.code).toBe('NO_APBDES');
    expect(error.details).toEqual({ path: 'villageCode' });
    expect(error.message).toContain('53.01.06.1004');
  });

  it.each([
    ['a kecamatan', '53.01.06'],
    ['a regency', '53.01'],
    ['not a region code', '5301062015'],
  ])('refuses %s (%s) on villageCode', (_, villageCode) => {
    expect(refusedOn(apbdes({ villageCode }))).toBe('villageCode');
  });

  it('refuses a line without desa on villageCode', () => {
    expect(refusedOn(apbdes({ villageCode: undefined }))).toBe('villageCode');
  });

  it.each([
    ['a sub bidang', '4.4'],
    ['an APBD code', '2.08.07.2.02.0001'],
  ])('refuses %s (%s) on budgetCode', (_, budgetCode) => {
    expect(refusedOn(apbdes({ budgetCode }))).toBe('budgetCode');
  });

  it.each(['DPA', 'COMMITTED'])('refuses the stage %s on stage', (stage) => {
    expect(refusedOn(apbdes({ stage }))).toBe('stage');
  });

  it.each([
    ['agencyId', DP3A],
    ['funder', 'Kemensos RI'],
  ])('refuses %s, which an APBDes line does not have', (field, value) => {
    expect(refusedOn(apbdes({ [field]: value }))).toBe(field);
  });
});

describe('parseLineInput: APBN and other money', () => {
  it('reads national money, stage COMMITTED by default and the funder trimmed', () => {
    expect(parseLineInput(apbn({ funder: '  Kemensos RI ' }))).toEqual({
      source: 'APBN',
      fiscalYear: 2026,
      agencyId: null,
      villageCode: null,
      funder: 'Kemensos RI',
      budgetCode: '',
      accountCode: '',
      accountCodeOriginal: null,
      fundSource: '',
      stage: 'COMMITTED',
      amount: 500_000_000n,
      note: null,
    });
  });

  it('records the agency as owner when a member agency enters national money', () => {
    expect(parseLineInput(apbn({ agencyId: DINSOS })).agencyId).toBe(DINSOS);
  });

  it('reads third-party money the same way', () => {
    const line = parseLineInput(apbn({ source: 'OTHER', funder: 'IOM', stage: 'COMMITTED' }));
    expect(line).toMatchObject({ source: 'OTHER', funder: 'IOM', stage: 'COMMITTED' });
  });

  it.each([undefined, '', '   ', 'x'.repeat(201)])('refuses the funder %p on funder', (funder) => {
    expect(refusedOn(apbn({ funder }))).toBe('funder');
  });

  it.each(['DPA', 'RKPDES'])('refuses the document stage %s on stage', (stage) => {
    expect(refusedOn(apbn({ stage }))).toBe('stage');
    expect(refusedOn(apbn({ source: 'OTHER', stage }))).toBe('stage');
  });

  it.each([
    ['budgetCode', '2.08.07.2.02.0001'],
    ['accountCode', '5.1.02.01.01.0024'],
    ['fundSource', 'DDS'],
    ['villageCode', '53.01.06.2015'],
  ])('refuses %s, which national money does not have', (field, value) => {
    expect(refusedOn(apbn({ [field]: value }))).toBe(field);
  });
});

describe('parseLineInput: fields of every line', () => {
  it.each([undefined, 'APBDes', 'apbd', 'DAK'])('refuses the source %p on source', (source) => {
    expect(refusedOn(apbd({ source }))).toBe('source');
  });

  it.each(['1,5 jt', -5, 1.5, '150.000.000', '1e9', '', undefined, '1000000000000001'])('refuses the amount %p on amount', (amount) => {
    expect(refusedOn(apbd({ amount }))).toBe('amount');
  });

  it('accepts an amount of 0 and one given as a JSON number', () => {
    expect(parseLineInput(apbd({ amount: 0 })).amount).toBe(0n);
    expect(parseLineInput(apbd({ amount: 1_000_000 })).amount).toBe(1_000_000n);
  });

  it.each([1999, 2101, '2026', 2026.5, undefined])('refuses the fiscal year %p on fiscalYear', (fiscalYear) => {
    expect(refusedOn(apbd({ fiscalYear }))).toBe('fiscalYear');
  });

  it('accepts the boundary years 2000 and 2100', () => {
    expect(parseLineInput(apbd({ fiscalYear: 2000 })).fiscalYear).toBe(2000);
    expect(parseLineInput(apbd({ fiscalYear: 2100 })).fiscalYear).toBe(2100);
  });

  it('refuses a code given as a number rather than text, naming the field', () => {
    expect(refusedOn(apbd({ budgetCode: 2.08 }))).toBe('budgetCode');
  });
});

describe('lineKey: one key per real line', () => {
  const key = (body: Record<string, unknown>) => lineKey(parseLineInput(body));

  it('gives the same key to the same line posted at another stage with another amount', () => {
    expect(key(apbd({ stage: 'DPA', amount: '80' }))).toBe(key(apbd({ stage: 'RKA', amount: '100' })));
    expect(key(apbdes({ stage: 'APBDES_P', amount: 9 }))).toBe(key(apbdes({ stage: 'RKPDES', amount: 10 })));
  });

  it('gives the same key to two spellings of the same codes', () => {
    expect(key(apbd({ budgetCode: ' 1.06.03.2.01.0003 ', accountCode: '5.1.02.01.01.024' }))).toBe(
      key(apbd({ budgetCode: '1.06.03.2.01.0003', accountCode: '5.1.02.01.01.0024' })),
    );
    expect(key(apbdes({ budgetCode: '04.04.02.' }))).toBe(key(apbdes({ budgetCode: '4.4.02' })));
  });

  it('gives another key when the account code differs', () => {
    expect(key(apbd({ accountCode: '5.1.02.01.01.0024' }))).not.toBe(key(apbd({ accountCode: '5.1.02.01.01.0025' })));
    expect(key(apbd({ accountCode: '5.1.02.01.01.0024' }))).not.toBe(key(apbd()));
  });

  it('gives another key when the fund source differs', () => {
    expect(key(apbdes({ fundSource: 'DDS' }))).not.toBe(key(apbdes({ fundSource: 'ADD' })));
  });

  it('gives another key for another owner, year or code', () => {
    const base = key(apbd());
    expect(key(apbd({ agencyId: DINSOS }))).not.toBe(base);
    expect(key(apbd({ fiscalYear: 2027 }))).not.toBe(base);
    expect(key(apbd({ budgetCode: '2.08.07.2.02.0002' }))).not.toBe(base);
    expect(key(apbdes({ villageCode: '53.01.06.2016' }))).not.toBe(key(apbdes()));
  });

  it('reads the funder regardless of case and spacing', () => {
    expect(key(apbn({ funder: 'Kemensos RI' }))).toBe(key(apbn({ funder: ' kemensos  ri' })));
  });

  it('keeps national money of two funders apart', () => {
    expect(key(apbn({ funder: 'Kemensos RI' }))).not.toBe(key(apbn({ funder: 'KemenPPPA' })));
  });

  it('keeps national money of two funders apart when the same agency enters both', () => {
    // A vertical agency records deconcentration money from two ministries: two lines, not one
    // line whose second posting would replace the first as a "correction".
    expect(key(apbn({ agencyId: DINSOS, funder: 'Kemensos RI' }))).not.toBe(key(apbn({ agencyId: DINSOS, funder: 'KemenPPPA' })));
    expect(key(apbn({ agencyId: DINSOS, funder: 'Kemensos RI' }))).toBe(key(apbn({ agencyId: DINSOS, funder: 'KEMENSOS  RI ' })));
  });

  it('keeps APBN and other money of the same funder apart', () => {
    expect(key(apbn({ funder: 'UNICEF' }))).not.toBe(key(apbn({ source: 'OTHER', funder: 'UNICEF' })));
  });

  it('is a plain string usable as a unique index value', () => {
    const identity: LineIdentity = {
      source: 'APBD',
      fiscalYear: 2026,
      agencyId: DP3A,
      villageCode: null,
      funder: null,
      budgetCode: '2.08.07.2.02.0001',
      accountCode: '5.1.02.01.01.0024',
      accountCodeOriginal: '5.1.02.01.01.024',
      fundSource: '',
    };
    expect(typeof lineKey(identity)).toBe('string');
    // How the account code was typed is not part of the identity.
    expect(lineKey({ ...identity, accountCodeOriginal: null })).toBe(lineKey(identity));
  });
});

describe('parseClaim: the split fields of a tag', () => {
  it('returns undefined when neither a share nor an amount is given', () => {
    expect(parseClaim({})).toBeUndefined();
    expect(parseClaim({ sharePercent: null, taggedAmount: null })).toBeUndefined();
  });

  it('refuses a share and an amount together, on taggedAmount', () => {
    expect(problems(() => parseClaim({ sharePercent: 50, taggedAmount: '100' })).map((p) => p.path)).toEqual(['taggedAmount']);
  });

  it('reads a share of 25 % as 2500 basis points', () => {
    expect(parseClaim({ sharePercent: 25 })).toEqual({ shareBp: 2500, fixedAmount: null });
  });

  it('reads a fixed amount as bigint Rupiah', () => {
    expect(parseClaim({ taggedAmount: '30000000' })).toEqual({ shareBp: null, fixedAmount: 30_000_000n });
    expect(parseClaim({ taggedAmount: 5 })).toEqual({ shareBp: null, fixedAmount: 5n });
  });

  it.each(['0', 0])('refuses a tagged amount of %p on taggedAmount', (taggedAmount) => {
    expect(problems(() => parseClaim({ taggedAmount })).map((p) => p.path)).toEqual(['taggedAmount']);
  });

  it.each(['1,5 jt', -5, 1.5])('refuses the tagged amount %p on taggedAmount', (taggedAmount) => {
    expect(problems(() => parseClaim({ taggedAmount })).map((p) => p.path)).toEqual(['taggedAmount']);
  });

  it.each([0, 100.5, 33.333, '25'])('refuses the share %p on sharePercent', (sharePercent) => {
    expect(problems(() => parseClaim({ sharePercent })).map((p) => p.path)).toEqual(['sharePercent']);
  });
});
