import type { CalendarStepView } from '@sinergi/contracts';
import { datedSteps, stepFor } from './calendar';

type Step = Omit<CalendarStepView, 'id' | 'version'>;
const step = (key: string, carrier: Step['carrier'], startsMonth: number, endsMonth: number, yearOffset = -1, position = 1): Step => ({
  key,
  name: key,
  document: key.toUpperCase(),
  level: carrier === 'village' ? 'village' : 'regency',
  carrier,
  startsMonth,
  endsMonth,
  yearOffset,
  position,
});

/** The bundled timetable, in the migration's order. */
const CALENDAR: Step[] = [
  step('musrenbang_desa', 'village', 1, 1, -1, 1),
  step('musrenbang_kabupaten', 'lead_agency', 3, 3, -1, 3),
  step('rkpd', 'bappeda', 4, 5, -1, 4),
  step('rkpdes', 'village', 7, 9, -1, 5),
  step('kua_ppas', 'lead_agency', 7, 8, -1, 6),
  step('rka_apbd', 'lead_agency', 9, 11, -1, 7),
  step('apbdes', 'village', 10, 12, -1, 8),
  step('dpa', 'lead_agency', 12, 12, -1, 9),
  step('apbd_perubahan', 'lead_agency', 7, 9, 0, 10),
];

describe('planning calendar', () => {
  it('places the steps of fiscal year 2027 in 2026 (offset −1) and 2027 (offset 0), in date order', () => {
    const steps = datedSteps(CALENDAR, 2027, '2026-11-28');
    expect(steps.map((s) => `${s.key} ${s.from}..${s.to}`)).toEqual([
      'musrenbang_desa 2026-01-01..2026-01-31',
      'musrenbang_kabupaten 2026-03-01..2026-03-31',
      'rkpd 2026-04-01..2026-05-31',
      'rkpdes 2026-07-01..2026-09-30',
      'kua_ppas 2026-07-01..2026-08-31',
      'rka_apbd 2026-09-01..2026-11-30',
      'apbdes 2026-10-01..2026-12-31',
      'dpa 2026-12-01..2026-12-31',
      'apbd_perubahan 2027-07-01..2027-09-30',
    ]);
  });

  it('marks steps past, current or upcoming on the day of the report', () => {
    const status = Object.fromEntries(datedSteps(CALENDAR, 2027, '2026-11-28').map((s) => [s.key, s.status]));
    expect(status).toMatchObject({ musrenbang_desa: 'past', kua_ppas: 'past', rka_apbd: 'current', apbdes: 'current', dpa: 'upcoming', apbd_perubahan: 'upcoming' });
    // The last day of a step still counts as current.
    expect(datedSteps(CALENDAR, 2027, '2026-11-30').find((s) => s.key === 'rka_apbd')?.status).toBe('current');
    expect(datedSteps(CALENDAR, 2027, '2026-12-01').find((s) => s.key === 'rka_apbd')?.status).toBe('past');
  });

  it('tells a lead agency the RKA now (late November) and a desa its APBDes; later, the APBD Perubahan', () => {
    const november = datedSteps(CALENDAR, 2027, '2026-11-28');
    expect(stepFor(november, 'lead_agency')?.key).toBe('rka_apbd');
    expect(stepFor(november, 'village')?.key).toBe('apbdes');
    // In January 2027 the 2027 budget is set: what is left is the APBD Perubahan; a desa has nothing left.
    const january = datedSteps(CALENDAR, 2027, '2027-01-15');
    expect(stepFor(january, 'lead_agency')?.key).toBe('apbd_perubahan');
    expect(stepFor(january, 'village')).toBeUndefined();
    // A year ahead, everything starts with musrenbang desa; Bappeda's RKPD counts for an agency too.
    const early = datedSteps(CALENDAR, 2028, '2026-11-28');
    expect(stepFor(early, 'village')?.key).toBe('musrenbang_desa');
    expect(stepFor(early, 'lead_agency')?.key).toBe('musrenbang_kabupaten');
  });

  it('knows February has 28 or 29 days', () => {
    const feb = [step('x', 'village', 2, 2, 0)];
    expect(datedSteps(feb, 2028, '2028-01-01')[0].to).toBe('2028-02-29');
    expect(datedSteps(feb, 2027, '2027-01-01')[0].to).toBe('2027-02-28');
  });
});
