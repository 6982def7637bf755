import type { CalendarCarrier, CalendarStepView, DatedStep } from '@sinergi/contracts';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The planning steps for one fiscal year placed in time (a step with offset −1 runs in the year
 * before), in date order, each past, current or upcoming relative to `today` (YYYY-MM-DD).
 */
export function datedSteps(steps: readonly Omit<CalendarStepView, 'id' | 'version'>[], fiscalYear: number, today: string): DatedStep[] {
  return steps
    .map((s) => {
      const year = fiscalYear + s.yearOffset;
      const from = `${year}-${pad(s.startsMonth)}-01`;
      const to = `${year}-${pad(s.endsMonth)}-${pad(lastDay(year, s.endsMonth))}`;
      const status: DatedStep['status'] = today > to ? 'past' : today >= from ? 'current' : 'upcoming';
      return { key: s.key, name: s.name, document: s.document, level: s.level, carrier: s.carrier, from, to, status, position: s.position };
    })
    .sort((a, b) => (a.from === b.from ? a.position - b.position : a.from < b.from ? -1 : 1))
    .map(({ position: _position, ...step }) => step);
}

/**
 * The step that can still carry an activity: the first current or upcoming step for the carrier
 * (a lead agency also goes through Bappeda's steps; a desa through the village steps).
 */
export function stepFor(steps: readonly DatedStep[], carrier: 'lead_agency' | 'village'): DatedStep | undefined {
  const carriers: CalendarCarrier[] = carrier === 'village' ? ['village'] : ['lead_agency', 'bappeda'];
  return steps.find((s) => s.status !== 'past' && carriers.includes(s.carrier));
}
