import type { ActivityInput, FieldError } from '@sinergi/contracts';
import {
  assertValidPeriod,
  periodYears,
  validateActivity,
  validatePeriod,
  yearMapFromMoney,
  yearMapFromTargets,
  type PlanPeriod,
} from './rules';
import { caught, problems } from '../../../../test/support/domain-errors';

const RAD_2026_2030: PlanPeriod = { startYear: 2026, endYear: 2030 };

const LEAD = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DINSOS = '0b5e6a77-1c2d-4e3f-9a8b-7c6d5e4f3a2b';
const DISNAKER = 'c0ffee00-1234-4abc-8def-001122334455';

/** A complete, valid activity: strategy 1 (prevention), a campaign in two villages. */
function activity(overrides: Record<string, unknown> = {}): ActivityInput {
  return {
    strategyCode: 1,
    title: 'Sosialisasi pencegahan TPPO di desa asal pekerja migran',
    description: 'Pertemuan warga di balai desa bersama kepala desa dan tokoh agama.',
    leadAgencyId: LEAD,
    supportingAgencyIds: [DINSOS, DISNAKER],
    regionCodes: ['53.01', '53.01.04.2003'],
    targets: { '2026': '12', '2027': '15' },
    costs: { '2026': '150000000', '2027': '90000000' },
    priority: 'high',
    ...overrides,
  } as ActivityInput;
}

const full = (overrides: Record<string, unknown> = {}) => validateActivity(activity(overrides), RAD_2026_2030, false);
const patch = (changes: Record<string, unknown>) => validateActivity(changes as Partial<ActivityInput>, RAD_2026_2030, true);

describe('plan period', () => {
  it('accepts a five-year RAD and lists its years', () => {
    expect(validatePeriod(RAD_2026_2030).list).toEqual([]);
    expect(() => assertValidPeriod(RAD_2026_2030)).not.toThrow();
    expect(periodYears(RAD_2026_2030)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('accepts a single-year plan', () => {
    expect(() => assertValidPeriod({ startYear: 2026, endYear: 2026 })).not.toThrow();
  });

  it('refuses an end year before the start year, on endYear', () => {
    expect(problems(() => assertValidPeriod({ startYear: 2030, endYear: 2026 }))).toEqual([
      { path: 'endYear', message: 'tidak boleh sebelum tahun mulai' },
    ]);
  });

  it('accepts 10 years (2026–2035) but refuses 11 (2026–2036)', () => {
    // 2035 − 2026 + 1 = 10 ; 2036 − 2026 + 1 = 11
    expect(() => assertValidPeriod({ startYear: 2026, endYear: 2035 })).not.toThrow();
    expect(problems(() => assertValidPeriod({ startYear: 2026, endYear: 2036 }))).toEqual([
      { path: 'endYear', message: 'periode rencana paling lama 10 tahun' },
    ]);
  });

  it.each([
    ['startYear', { startYear: 1999, endYear: 2003 }],
    ['endYear', { startYear: 2098, endYear: 2101 }],
    ['startYear', { startYear: 2026.5, endYear: 2030 }],
    ['startYear', { startYear: Number.NaN, endYear: 2030 }],
    ['endYear', { startYear: 2026, endYear: '2030' as unknown as number }], // a string from a form is not a year
  ])('names %s when a year is outside 2000–2100 or not a whole year: %p', (field, period) => {
    expect(problems(() => assertValidPeriod(period))).toEqual([{ path: field, message: 'harus tahun antara 2000 dan 2100' }]);
  });

  it('accepts the boundary years 2000 and 2100 themselves', () => {
    expect(validatePeriod({ startYear: 2000, endYear: 2009 }).list).toEqual([]);
    expect(validatePeriod({ startYear: 2091, endYear: 2100 }).list).toEqual([]);
  });

  it('names both fields when both years are out of range (and does not also compare them)', () => {
    expect(problems(() => assertValidPeriod({ startYear: 1990, endYear: 1980 })).map((p) => p.path)).toEqual([
      'startYear',
      'endYear',
    ]);
  });

  it('says in the message which fields are wrong', () => {
    expect(caught(() => assertValidPeriod({ startYear: 2030, endYear: 2026 })).message).toBe('Input tidak valid: endYear');
  });
});

describe('validateActivity: a complete, valid activity', () => {
  it('returns costs per year as bigint Rupiah', () => {
    const draft = full({ costs: { '2026': '150000000', '2027': 5, '2030': ' 90000000 ' } });
    expect(draft.costs).toBeInstanceOf(Map);
    expect([...draft.costs!.entries()]).toEqual([
      [2026, 150_000_000n],
      [2027, 5n], // a JSON number is accepted when it is a whole, safe, non-negative amount
      [2030, 90_000_000n], // whitespace around the digits (pasted from a spreadsheet) is dropped
    ]);
  });

  it('keeps the other fields, trimmed', () => {
    const draft = full({ title: '  Pelatihan penegak hukum  ', strategyCode: 4 });
    expect(draft).toMatchObject({
      strategyCode: 4,
      title: 'Pelatihan penegak hukum',
      description: 'Pertemuan warga di balai desa bersama kepala desa dan tokoh agama.',
      leadAgencyId: LEAD,
      regionCodes: ['53.01', '53.01.04.2003'],
      priority: 'high',
    });
    expect(draft.targets).toEqual(new Map([[2026, '12'], [2027, '15']]));
  });

  it('drops duplicate supporting agencies, keeping the first order', () => {
    const draft = full({ supportingAgencyIds: [DINSOS, DISNAKER, DINSOS] });
    expect(draft.supportingAgencyIds).toEqual([DINSOS, DISNAKER]);
  });

  it('treats an agency id in upper and lower case as the same agency', () => {
    // UUIDs are case-insensitive and PostgreSQL stores them lower-case: two spellings of one id
    // would otherwise reach the (activity_id, agency_id) primary key as a duplicate.
    const draft = full({ leadAgencyId: LEAD.toUpperCase(), supportingAgencyIds: [DINSOS.toUpperCase(), DINSOS, DISNAKER] });
    expect(draft.supportingAgencyIds).toEqual([DINSOS, DISNAKER]);
    expect(draft.leadAgencyId).toBe(LEAD);
  });

  it('accepts every RAN strategy 1–6', () => {
    for (const code of [1, 2, 3, 4, 5, 6]) expect(full({ strategyCode: code }).strategyCode).toBe(code);
  });

  it('accepts the largest allowed amount, 10^15, and a zero cost', () => {
    const draft = full({ costs: { '2026': '1000000000000000', '2027': '0' } });
    expect(draft.costs!.get(2026)).toBe(10n ** 15n);
    expect(draft.costs!.get(2027)).toBe(0n);
  });

  it('accepts costs in the first and the last year of the period', () => {
    expect([...full({ costs: { '2026': '1', '2030': '2' } }).costs!.keys()]).toEqual([2026, 2030]);
  });

  it.each([['12.5'], [12.5], ['0'], [' 7 ']])('accepts the target %p', (target) => {
    expect(full({ targets: { '2027': target } }).targets!.get(2027)).toBe(String(target).trim());
  });

  it('accepts a title of exactly 500 characters', () => {
    expect(full({ title: 'a'.repeat(500) }).title).toHaveLength(500);
  });

  it('turns an empty optional text into null', () => {
    expect(full({ description: '', output: '   ' })).toMatchObject({ description: null, output: null });
  });
});

describe('validateActivity: each bad input is named by its field', () => {
  const MONEY = 'harus jumlah Rupiah utuh tanpa titik, koma atau tanda minus (contoh "150000000")';

  it.each([
    ['unknown strategy 7', { strategyCode: 7 }, 'strategyCode', 'strategi tidak dikenal: pilih 1–6 (strategi RAN PP-TPPO)'],
    ['strategy as text', { strategyCode: '1' }, 'strategyCode', expect.any(String)],
    ['a 10,000-character title', { title: 'x'.repeat(10_000) }, 'title', 'maksimal 500 karakter'],
    ['a missing title', { title: undefined }, 'title', 'wajib diisi'],
    ['a blank title', { title: '   ' }, 'title', 'wajib diisi'],
    ['a title that is not text', { title: 42 }, 'title', 'harus berupa teks'],
    ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description', 'maksimal 5000 karakter'],
    ['a cost for 2031', { costs: { '2031': '1000' } }, 'costs.2031', 'tahun 2031 di luar periode rencana 2026–2030'],
    ['a cost for 2025', { costs: { '2025': '1000' } }, 'costs.2025', 'tahun 2025 di luar periode rencana 2026–2030'],
    ['a two-digit year key "26"', { costs: { '26': '1000' } }, 'costs.26', 'kunci harus tahun empat angka, misalnya "2026"'],
    ['cost "-5"', { costs: { '2026': '-5' } }, 'costs.2026', MONEY],
    ['cost "1.5"', { costs: { '2026': '1.5' } }, 'costs.2026', MONEY],
    ['cost "1,5 jt"', { costs: { '2026': '1,5 jt' } }, 'costs.2026', MONEY],
    ['cost "150.000.000" with thousands dots', { costs: { '2026': '150.000.000' } }, 'costs.2026', MONEY],
    ['cost -5', { costs: { '2026': -5 } }, 'costs.2026', MONEY],
    ['cost 1.5', { costs: { '2026': 1.5 } }, 'costs.2026', MONEY],
    ['cost "1e6"', { costs: { '2026': '1e6' } }, 'costs.2026', MONEY],
    ['cost ""', { costs: { '2026': '' } }, 'costs.2026', MONEY],
    ['cost null', { costs: { '2026': null } }, 'costs.2026', MONEY],
    ['cost above 10^15 as digits', { costs: { '2026': '1000000000000001' } }, 'costs.2026', 'melebihi batas 1.000.000.000.000.000'],
    ['cost above 10^15 as a number', { costs: { '2026': 1e15 + 1 } }, 'costs.2026', 'melebihi batas 1.000.000.000.000.000'],
    ['cost beyond safe integers', { costs: { '2026': Number.MAX_SAFE_INTEGER + 2 } }, 'costs.2026', MONEY],
    ['costs as a number', { costs: 150000000 }, 'costs', expect.stringContaining('harus berupa objek tahun')],
    ['costs as a list', { costs: ['150000000'] }, 'costs', expect.stringContaining('harus berupa objek tahun')],
    ['costs null', { costs: null }, 'costs', expect.stringContaining('harus berupa objek tahun')],
    ['missing costs', { costs: undefined }, 'costs', expect.stringContaining('harus berupa objek tahun')],
    ['target "dua belas"', { targets: { '2027': 'dua belas' } }, 'targets.2027', 'target harus angka tidak negatif (contoh "12" atau "12.5")'],
    ['target -1', { targets: { '2027': -1 } }, 'targets.2027', expect.any(String)],
    ['target for 2031', { targets: { '2031': '5' } }, 'targets.2031', expect.stringContaining('di luar periode')],
    ['targets as text', { targets: '12' }, 'targets', expect.stringContaining('harus berupa objek tahun')],
    ['a lead agency that is not a uuid', { leadAgencyId: 'dinsos-kupang' }, 'leadAgencyId', 'wajib: pilih instansi penanggung jawab'],
    ['a missing lead agency', { leadAgencyId: undefined }, 'leadAgencyId', 'wajib: pilih instansi penanggung jawab'],
    ['a supporting agency that is not a uuid', { supportingAgencyIds: [DINSOS, 'x'] }, 'supportingAgencyIds.1', 'harus berupa id instansi'],
    ['a supporting agency id that is a number', { supportingAgencyIds: [42] }, 'supportingAgencyIds.0', 'harus berupa id instansi'],
    ['supporting agencies not a list', { supportingAgencyIds: DINSOS }, 'supportingAgencyIds', 'harus berupa daftar'],
    ['a region code "53-01"', { regionCodes: ['53.01', '53-01'] }, 'regionCodes.1', 'bukan kode wilayah Kemendagri'],
    ['an unknown priority', { priority: 'urgent' }, 'priority', 'harus high, medium atau low'],
    ['an unknown status', { status: 'done' }, 'status', 'harus active, deferred atau dropped'],
  ])('refuses %s', (_label, overrides, path, message) => {
    expect(problems(() => full(overrides))).toEqual([{ path, message }]);
  });

  it('refuses more than 50 supporting agencies', () => {
    expect(problems(() => full({ supportingAgencyIds: Array(51).fill(DINSOS) }))).toEqual([
      { path: 'supportingAgencyIds', message: 'paling banyak 50 instansi' },
    ]);
  });

  it('reports every problem at once, so the form can show them together', () => {
    const error = caught(() =>
      full({
        strategyCode: 7,
        title: '',
        leadAgencyId: 'bukan-uuid',
        regionCodes: ['53-01'],
        costs: { '2026': '1,5 jt', '2031': '100', '2027': '90000000' },
        targets: { '2027': 'dua belas' },
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((error.details as FieldError[]).map((p) => p.path)).toEqual([
      'strategyCode',
      'title',
      'leadAgencyId',
      'regionCodes.0',
      'costs.2026',
      'costs.2031',
      'targets.2027',
    ]);
    expect(error.message).toBe(
      'Input tidak valid: strategyCode, title, leadAgencyId, regionCodes.0, costs.2026, costs.2031, targets.2027',
    );
  });
});

describe('validateActivity: partial (PATCH and amendments)', () => {
  it('checks and returns only the fields present', () => {
    const draft = patch({ costs: { '2028': '75000000' } });
    expect(draft).toEqual({ costs: new Map([[2028, 75_000_000n]]) });
  });

  it('does not report required fields that are absent', () => {
    expect(patch({})).toEqual({});
    expect(patch({ priority: 'low' })).toEqual({ priority: 'low' });
  });

  it('still validates what is present', () => {
    expect(problems(() => patch({ strategyCode: 9, costs: { '2031': '1' } }))).toEqual([
      { path: 'strategyCode', message: expect.any(String) },
      { path: 'costs.2031', message: expect.stringContaining('di luar periode') },
    ]);
  });

  it.each([[''], ['   '], [null]])('refuses to clear the title with %p', (title) => {
    expect(problems(() => patch({ title }))).toEqual([{ path: 'title', message: 'wajib diisi' }]);
  });

  it('refuses to clear the lead agency or the costs with null', () => {
    expect(problems(() => patch({ leadAgencyId: null, costs: null })).map((p) => p.path)).toEqual(['leadAgencyId', 'costs']);
  });

  it('clears an optional text given null', () => {
    const draft = patch({ description: null });
    expect(draft).toHaveProperty('description', null);
    expect(draft).toEqual({ description: null });
  });
});

describe('year maps', () => {
  it('yearMapFromMoney writes digit strings with the years in order', () => {
    const map = yearMapFromMoney(new Map([[2028, 75_000_000n], [2026, 150_000_000n], [2027, 10n ** 15n]]));
    expect(map).toEqual({ '2026': '150000000', '2027': '1000000000000000', '2028': '75000000' });
    expect(Object.keys(map)).toEqual(['2026', '2027', '2028']);
    expect(JSON.stringify(map)).toBe('{"2026":"150000000","2027":"1000000000000000","2028":"75000000"}');
  });

  it('yearMapFromMoney and validateActivity round-trip', () => {
    const costs = { '2026': '150000000', '2027': '90000000' };
    expect(yearMapFromMoney(full({ costs }).costs!)).toEqual(costs);
  });

  it('yearMapFromTargets keeps the text of each target', () => {
    expect(yearMapFromTargets(new Map([[2027, '12.5'], [2026, '10']]))).toEqual({ '2026': '10', '2027': '12.5' });
  });
});
