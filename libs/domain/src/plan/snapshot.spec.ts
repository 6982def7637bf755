import { costsByYear, diffSnapshots, totalOf, type PlanSnapshot, type SnapshotActivity } from './snapshot';

const LEAD = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DINSOS = '0b5e6a77-1c2d-4e3f-9a8b-7c6d5e4f3a2b';

function act(id: string, code: string, overrides: Partial<SnapshotActivity> = {}): SnapshotActivity {
  return {
    id,
    code,
    strategyCode: Number(code.split('.')[0]),
    title: `Kegiatan ${code}`,
    description: null,
    output: null,
    indicator: null,
    unit: 'kegiatan',
    baseline: null,
    leadAgencyId: LEAD,
    supportingAgencyIds: [DINSOS],
    regionCodes: ['53.01'],
    targets: { '2026': '4', '2027': '4' },
    costs: {},
    priority: 'medium',
    status: 'active',
    ...overrides,
  };
}

function plan(activities: SnapshotActivity[], overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    id: 'plan-kupang',
    regionCode: '53.01',
    title: 'RAD PP-TPPO Kabupaten Kupang 2026–2030',
    startYear: 2026,
    endYear: 2030,
    status: 'adopted',
    legalBasis: { number: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026', date: '2026-03-02' },
    activities,
    ...overrides,
  };
}

// Version 1 (adopted) and the revision being drafted ("current").
const sosialisasi = act('a-sos', '1.1', {
  title: 'Sosialisasi pencegahan TPPO',
  costs: { '2026': '150000000', '2027': '90000000' },
});
const pelatihan = act('a-pel', '4.1', { title: 'Pelatihan penyidik', costs: { '2026': '60000000' } });
const rumahAman = act('a-ruma', '3.2', { title: 'Rumah aman korban', costs: { '2027': '40000000' } });
const unchanged = act('a-data', '6.1', { title: 'Basis data korban', costs: { '2026': '25000000' } });

const v1 = plan([sosialisasi, pelatihan, rumahAman, unchanged]);
const current = plan(
  [
    // changed: a clearer title, and 2027 cut from 90.000.000 to 50.000.000
    { ...sosialisasi, title: 'Sosialisasi pencegahan TPPO di desa asal PMI', costs: { '2026': '150000000', '2027': '50000000' } },
    // pelatihan (4.1) removed
    rumahAman,
    unchanged,
    // added: a shelter for returnees, 2027 and 2028
    act('a-shelter', '3.10', { title: 'Shelter pemulangan', costs: { '2027': '30000000', '2028': '20000000' } }),
  ],
  { status: 'revision', legalBasis: null },
);

describe('diffSnapshots: version 1 → current revision', () => {
  const diff = diffSnapshots(v1, current, { from: 1, to: 'current' });

  it('keeps the labels it was given', () => {
    expect(diff.from).toBe(1);
    expect(diff.to).toBe('current');
  });

  it('lists the added activity with its total cost', () => {
    // 30.000.000 + 20.000.000
    expect(diff.added).toEqual([{ id: 'a-shelter', code: '3.10', title: 'Shelter pemulangan', totalCost: '50000000' }]);
  });

  it('lists the removed activity with its total cost', () => {
    expect(diff.removed).toEqual([{ id: 'a-pel', code: '4.1', title: 'Pelatihan penyidik', totalCost: '60000000' }]);
  });

  it('lists exactly the changed fields of a changed activity, from and to', () => {
    expect(diff.changed).toEqual([
      {
        id: 'a-sos',
        code: '1.1',
        title: 'Sosialisasi pencegahan TPPO di desa asal PMI', // the new title
        fields: [
          { field: 'title', from: 'Sosialisasi pencegahan TPPO', to: 'Sosialisasi pencegahan TPPO di desa asal PMI' },
          {
            field: 'costs',
            from: { '2026': '150000000', '2027': '90000000' },
            to: { '2026': '150000000', '2027': '50000000' },
          },
        ],
      },
    ]);
  });

  it('does not list unchanged activities', () => {
    const listed = [...diff.added, ...diff.removed, ...diff.changed].map((a) => a.id);
    expect(listed).not.toContain('a-data');
    expect(listed).not.toContain('a-ruma');
  });

  it('gives the cost per year in both versions and the change, negative as "-…"', () => {
    expect(diff.costByYear).toEqual([
      // from 150.000.000 + 60.000.000 + 25.000.000 = 235.000.000 ; to 150.000.000 + 25.000.000 = 175.000.000
      { year: 2026, from: '235000000', to: '175000000', delta: '-60000000' },
      // from 90.000.000 + 40.000.000 = 130.000.000 ; to 50.000.000 + 40.000.000 + 30.000.000 = 120.000.000
      { year: 2027, from: '130000000', to: '120000000', delta: '-10000000' },
      // a year only the new version has money for
      { year: 2028, from: '0', to: '20000000', delta: '20000000' },
    ]);
  });

  it('gives the totals', () => {
    // from 235.000.000 + 130.000.000 = 365.000.000 ; to 175.000.000 + 120.000.000 + 20.000.000 = 315.000.000
    expect(diff.totals).toEqual({ from: '365000000', to: '315000000', delta: '-50000000' });
  });

  it('reverses cleanly: current → version 1 swaps added and removed and negates the deltas', () => {
    const back = diffSnapshots(current, v1, { from: 'current', to: 1 });
    expect(back.added.map((a) => a.id)).toEqual(['a-pel']);
    expect(back.removed.map((a) => a.id)).toEqual(['a-shelter']);
    expect(back.changed[0].fields.find((f) => f.field === 'costs')).toEqual({
      field: 'costs',
      from: { '2026': '150000000', '2027': '50000000' },
      to: { '2026': '150000000', '2027': '90000000' },
    });
    expect(back.costByYear.map((y) => y.delta)).toEqual(['60000000', '10000000', '-20000000']);
    expect(back.totals.delta).toBe('50000000');
  });
});

describe('diffSnapshots: field changes', () => {
  const base = act('a1', '2.1', { costs: { '2026': '1000' } });
  const fieldsChanged = (after: Partial<SnapshotActivity>) =>
    diffSnapshots(plan([base]), plan([{ ...base, ...after }]), { from: 1, to: 2 }).changed.flatMap((c) => c.fields);

  it('reports a description being cleared as a change to null', () => {
    const withText = { ...base, description: 'Lama' };
    const diff = diffSnapshots(plan([withText]), plan([base]), { from: 1, to: 2 });
    expect(diff.changed[0].fields).toEqual([{ field: 'description', from: 'Lama', to: null }]);
  });

  it('reports changes to lists, targets, strategy and code (a move to another strategy)', () => {
    expect(fieldsChanged({ code: '5.3', strategyCode: 5, supportingAgencyIds: [], targets: { '2026': '4', '2027': '6' } })).toEqual([
      { field: 'code', from: '2.1', to: '5.3' },
      { field: 'strategyCode', from: 2, to: 5 },
      { field: 'supportingAgencyIds', from: [DINSOS], to: [] },
      { field: 'targets', from: { '2026': '4', '2027': '4' }, to: { '2026': '4', '2027': '6' } },
    ]);
  });

  it('ignores plan-level changes (status, legal basis): only activities are compared', () => {
    const diff = diffSnapshots(plan([base]), plan([base], { status: 'draft', legalBasis: null }), { from: 1, to: 'current' });
    expect(diff.changed).toEqual([]);
  });
});

describe('diffSnapshots: order', () => {
  it('sorts by activity code numerically: 3.2 before 3.10, 9.1 before 10.1', () => {
    const codes = ['3.10', '10.1', '3.2', '1.1', '9.1', '3.1'];
    const diff = diffSnapshots(plan([]), plan(codes.map((c) => act(`id-${c}`, c))), { from: 1, to: 2 });
    expect(diff.added.map((a) => a.code)).toEqual(['1.1', '3.1', '3.2', '3.10', '9.1', '10.1']);

    const removed = diffSnapshots(plan(codes.map((c) => act(`id-${c}`, c))), plan([]), { from: 1, to: 2 });
    expect(removed.removed.map((a) => a.code)).toEqual(['1.1', '3.1', '3.2', '3.10', '9.1', '10.1']);
  });

  it('sorts changed activities the same way', () => {
    const before = ['3.10', '3.2'].map((c) => act(`id-${c}`, c));
    const after = before.map((a) => ({ ...a, title: `${a.title} (diperbarui)` }));
    expect(diffSnapshots(plan(before), plan(after), { from: 1, to: 2 }).changed.map((c) => c.code)).toEqual(['3.2', '3.10']);
  });
});

describe('diffSnapshots: nothing changed', () => {
  it('gives empty lists and zero deltas for identical snapshots', () => {
    const diff = diffSnapshots(v1, structuredClone(v1), { from: 1, to: 1 });
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.costByYear).toEqual([
      { year: 2026, from: '235000000', to: '235000000', delta: '0' }, // 150.000.000 + 60.000.000 + 25.000.000
      { year: 2027, from: '130000000', to: '130000000', delta: '0' }, // 90.000.000 + 40.000.000
    ]);
    expect(diff.totals).toEqual({ from: '365000000', to: '365000000', delta: '0' });
  });

  it('gives nothing at all for two empty plans', () => {
    const diff = diffSnapshots(plan([]), plan([]), { from: 1, to: 'current' });
    expect(diff).toEqual({
      from: 1,
      to: 'current',
      added: [],
      removed: [],
      changed: [],
      costByYear: [],
      totals: { from: '0', to: '0', delta: '0' },
    });
  });

  it('survives the JSON round trip a stored snapshot goes through', () => {
    const stored = JSON.parse(JSON.stringify(v1)) as PlanSnapshot;
    expect(diffSnapshots(stored, v1, { from: 1, to: 'current' }).changed).toEqual([]);
  });
});

describe('totalOf and costsByYear', () => {
  it('adds an activity’s costs exactly', () => {
    // 150.000.000 + 90.000.000
    expect(totalOf({ '2026': '150000000', '2027': '90000000' })).toBe(240_000_000n);
    expect(totalOf({})).toBe(0n);
  });

  it('stays exact above 2^53, where a float would round', () => {
    // 2^53 + 1 = 9.007.199.254.740.993 is not a float; + 1 = 9.007.199.254.740.994
    expect(totalOf({ '2026': '9007199254740993', '2027': '1' })).toBe(9_007_199_254_740_994n);
    expect(Number('9007199254740993') + 1).toBe(2 ** 53); // what float arithmetic would give: 9.007.199.254.740.992
    // three years at the 10^15 ceiling: 3 × 1.000.000.000.000.000
    expect(totalOf({ '2026': '1000000000000000', '2027': '1000000000000000', '2028': '1000000000000000' })).toBe(3n * 10n ** 15n);
  });

  it('sums all activities per year, exactly', () => {
    const byYear = costsByYear([
      { costs: { '2026': '9007199254740993', '2027': '150000000' } },
      { costs: { '2026': '1', '2028': '90000000' } },
      { costs: {} },
    ]);
    expect(byYear).toEqual(
      new Map([
        [2026, 9_007_199_254_740_994n], // 9.007.199.254.740.993 + 1
        [2027, 150_000_000n],
        [2028, 90_000_000n],
      ]),
    );
  });

  it('shows exact large totals in a diff', () => {
    const big = act('big', '1.1', { costs: { '2026': '9007199254740993' } });
    const diff = diffSnapshots(plan([big]), plan([big, act('one', '1.2', { costs: { '2026': '1' } })]), { from: 1, to: 2 });
    // 9.007.199.254.740.993 + 1
    expect(diff.costByYear).toEqual([{ year: 2026, from: '9007199254740993', to: '9007199254740994', delta: '1' }]);
    expect(diff.totals).toEqual({ from: '9007199254740993', to: '9007199254740994', delta: '1' });
  });
});
