import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { CalendarCarrier, CalendarLevel, CalendarStepView } from '@sinergi/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { StatusNotice } from '../../shared/status-notice';
import { TextField } from '../../shared/text-field';
import { PlanningCalendarApi, UpdateCalendarStepRequest } from './planning-calendar.api';

type StepList =
  | { status: 'loading' }
  | { status: 'ok'; items: CalendarStepView[] }
  | { status: 'error'; error: ApiError };

/** The inputs of the edit form, named as the server's `details` paths. */
type Field = 'name' | 'document' | 'startsMonth' | 'endsMonth' | 'yearOffset';

/** The input's id for each field (`#calendar-…`), in the order of the form. */
const FIELD_ID: Record<Field, string> = {
  name: 'calendar-name',
  document: 'calendar-document',
  startsMonth: 'calendar-starts',
  endsMonth: 'calendar-ends',
  yearOffset: 'calendar-offset',
};
const FIELDS = Object.keys(FIELD_ID) as Field[];
/** The server's limits (`UpdateCalendarStepDto`). */
const MAX_NAME = 200;
const MAX_DOCUMENT = 100;

export const CALENDAR_MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** Earliest first; the server accepts −2..0. */
export const CALENDAR_YEAR_OFFSETS: readonly number[] = [-2, -1, 0];

export const CALENDAR_LEVEL_LABEL: Record<CalendarLevel, TKey> = {
  village: 'admin.calendar.level.village',
  district: 'admin.calendar.level.district',
  regency: 'admin.calendar.level.regency',
};

export const CALENDAR_CARRIER_LABEL: Record<CalendarCarrier, TKey> = {
  village: 'admin.calendar.carrier.village',
  lead_agency: 'admin.calendar.carrier.lead_agency',
  bappeda: 'admin.calendar.carrier.bappeda',
};

const MONTH_LABEL: Record<number, TKey> = {
  1: 'admin.calendar.month.1',
  2: 'admin.calendar.month.2',
  3: 'admin.calendar.month.3',
  4: 'admin.calendar.month.4',
  5: 'admin.calendar.month.5',
  6: 'admin.calendar.month.6',
  7: 'admin.calendar.month.7',
  8: 'admin.calendar.month.8',
  9: 'admin.calendar.month.9',
  10: 'admin.calendar.month.10',
  11: 'admin.calendar.month.11',
  12: 'admin.calendar.month.12',
};

const YEAR_LABEL: Record<number, TKey> = {
  [-2]: 'admin.calendar.year.twoBefore',
  [-1]: 'admin.calendar.year.before',
  0: 'admin.calendar.year.current',
};

/**
 * "Kalender perencanaan" (admins): the steps of the regional and village planning cycle the gap
 * report uses to tell, for next year's unfunded activities, which document and who should carry
 * them now. A row is edited in place; only the changed fields are sent, with the row's `version`.
 */
@Component({
  selector: 'app-admin-planning-calendar',
  imports: [TPipe, Icon, DataTable, ErrorAlert, ListStatus, StatusNotice, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './planning-calendar.html',
  styleUrls: ['./admin-page.css', './planning-calendar.css'],
})
export class PlanningCalendar {
  private readonly api = inject(PlanningCalendarApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly months = CALENDAR_MONTHS;
  protected readonly offsets = CALENDAR_YEAR_OFFSETS;
  protected readonly levelLabel = CALENDAR_LEVEL_LABEL;
  protected readonly carrierLabel = CALENDAR_CARRIER_LABEL;
  protected readonly columns: readonly TableColumn[] = [
    'admin.calendar.col.step', 'admin.calendar.col.document', 'admin.calendar.col.level',
    'admin.calendar.col.carrier', 'admin.calendar.col.months', 'admin.calendar.col.year',
  ];
  /** Header columns plus the actions column. */
  protected readonly span = this.columns.length + 1;
  protected readonly shownFields: readonly string[] = FIELDS;

  // The steps
  protected readonly list = signal<StepList>({ status: 'loading' });
  /** Read again after a conflict; the rows stay on screen meanwhile. */
  protected readonly refreshing = signal(false);
  private readonly reloads = signal(0);
  protected readonly status = computed(() => {
    const l = this.list();
    if (l.status === 'loading') return this.i18n.t('common.loading');
    if (l.status === 'error') return '';
    return this.i18n.plural('admin.calendar.count.one', 'admin.calendar.count.other', l.items.length);
  });

  // The row being edited
  protected readonly editing = signal<CalendarStepView | null>(null);
  protected readonly name = signal('');
  protected readonly document = signal('');
  protected readonly startsMonth = signal(1);
  protected readonly endsMonth = signal(1);
  protected readonly yearOffset = signal(-1);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  /** A failed save other than a conflict: shown in the form. */
  protected readonly error = signal<ApiError | null>(null);
  /** Someone else changed the step meanwhile (409): shown above the table, the steps read again. */
  protected readonly conflict = signal<ApiError | null>(null);
  /** `saved` marks the notice of a save (`[data-testid=calendar-saved]`). */
  protected readonly notice = signal<{ text: string; saved: boolean } | null>(null);

  /** Client-side checks; the server's `details` are shown the same way. */
  protected readonly problems = computed<Partial<Record<Field, string>>>(() => {
    const p: Partial<Record<Field, string>> = {};
    const name = this.name().trim();
    const document = this.document().trim();
    if (!name) p.name = this.i18n.t('form.required');
    else if (name.length > MAX_NAME) p.name = this.i18n.t('admin.calendar.tooLong', { n: MAX_NAME });
    if (!document) p.document = this.i18n.t('form.required');
    else if (document.length > MAX_DOCUMENT) p.document = this.i18n.t('admin.calendar.tooLong', { n: MAX_DOCUMENT });
    if (this.endsMonth() < this.startsMonth()) {
      p.endsMonth = this.i18n.t('admin.calendar.endsBeforeStarts', { month: this.month(this.startsMonth()) });
    }
    return p;
  });

  constructor() {
    toObservable(this.reloads)
      .pipe(
        switchMap(() =>
          this.api.steps().pipe(
            map((items): StepList => ({ status: 'ok', items: [...items].sort((a, b) => a.position - b.position) })),
            catchError((error: ApiError) => of<StepList>({ status: 'error', error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => {
        this.refreshing.set(false);
        // A failed refresh after a conflict keeps the rows already shown (the conflict alert stays).
        if (list.status === 'error' && this.list().status === 'ok' && this.reloads() > 0) return;
        this.list.set(list);
      });
  }

  protected reload(): void {
    if (this.list().status !== 'ok') this.list.set({ status: 'loading' });
    this.refreshing.set(true);
    this.reloads.update((n) => n + 1);
  }

  /** `Januari`, or `Januari–Februari` for a span, in the interface language. */
  protected monthSpan(step: Pick<CalendarStepView, 'startsMonth' | 'endsMonth'>): string {
    const from = this.month(step.startsMonth);
    return step.endsMonth === step.startsMonth ? from : `${from}–${this.month(step.endsMonth)}`;
  }

  protected month(n: number): string {
    const key = MONTH_LABEL[n];
    return key ? this.i18n.t(key) : String(n);
  }

  /** `tahun sebelumnya` for −1, `tahun berjalan` for 0, `dua tahun sebelumnya` for −2. */
  protected year(offset: number): string {
    const key = YEAR_LABEL[offset];
    return key ? this.i18n.t(key) : String(offset);
  }

  protected edit(step: CalendarStepView): void {
    this.editing.set(step);
    this.name.set(step.name);
    this.document.set(step.document);
    this.startsMonth.set(step.startsMonth);
    this.endsMonth.set(step.endsMonth);
    this.yearOffset.set(step.yearOffset);
    this.submitted.set(false);
    this.error.set(null);
    this.conflict.set(null);
    this.notice.set(null);
    setTimeout(() => this.focus(FIELD_ID.name));
  }

  protected cancel(): void {
    const step = this.editing();
    if (this.saving() || !step) return;
    this.editing.set(null);
    this.error.set(null);
    setTimeout(() => this.focusEdit(step.key));
  }

  /** The server's message for a field, else ours (the months at once, the rest after a save). */
  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    if (!local) return null;
    return this.submitted() || field === 'endsMonth' ? local : null;
  }

  protected onMonth(field: 'startsMonth' | 'endsMonth', event: Event): void {
    this[field].set(Number((event.target as HTMLSelectElement).value));
    this.clearServerError(field);
  }

  protected onOffset(event: Event): void {
    this.yearOffset.set(Number((event.target as HTMLSelectElement).value));
    this.clearServerError('yearOffset');
  }

  protected save(): void {
    const step = this.editing();
    if (!step || this.saving()) return;
    this.submitted.set(true);
    this.error.set(null);
    const first = FIELDS.find((f) => this.problems()[f]);
    if (first) {
      this.focus(FIELD_ID[first]);
      return;
    }
    const changes = this.changes(step);
    if (Object.keys(changes).length === 0) {
      this.editing.set(null);
      this.notice.set({ text: this.i18n.t('admin.calendar.unchanged'), saved: false });
      setTimeout(() => this.focusEdit(step.key));
      return;
    }
    this.saving.set(true);
    this.api.update(step.id, { version: step.version, ...changes }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.list.update((l) => (l.status === 'ok' ? { ...l, items: l.items.map((s) => (s.id === saved.id ? saved : s)) } : l));
        this.editing.set(null);
        this.notice.set({ text: this.i18n.t('admin.calendar.saved', { name: saved.name }), saved: true });
        setTimeout(() => this.focusEdit(saved.key));
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'CONFLICT' || error.status === 409) {
          // The row on screen is stale: close it, say so, and read the steps again.
          this.editing.set(null);
          this.conflict.set(error);
          this.reload();
          setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('#calendar-conflict')?.focus());
          return;
        }
        this.error.set(error);
        const field = FIELDS.find((f) => error.fieldError(f));
        if (field) this.focus(FIELD_ID[field]);
      },
    });
  }

  /** Only what differs from the step as it was read. */
  private changes(step: CalendarStepView): Omit<UpdateCalendarStepRequest, 'version'> {
    const c: Omit<UpdateCalendarStepRequest, 'version'> = {};
    const name = this.name().trim();
    const document = this.document().trim();
    if (name !== step.name) c.name = name;
    if (document !== step.document) c.document = document;
    if (this.startsMonth() !== step.startsMonth) c.startsMonth = this.startsMonth();
    if (this.endsMonth() !== step.endsMonth) c.endsMonth = this.endsMonth();
    if (this.yearOffset() !== step.yearOffset) c.yearOffset = this.yearOffset();
    return c;
  }

  /** A server complaint about a field is gone once the field is changed. */
  private clearServerError(field: Field): void {
    const e = this.error();
    if (e?.fieldError(field) && e.fieldErrors.every((f) => f.path === field)) this.error.set(null);
  }

  private focus(id: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private focusEdit(key: string): void {
    this.host.nativeElement
      .querySelector<HTMLElement>(`[data-testid=calendar-step][data-key="${CSS.escape(key)}"] [data-testid=calendar-edit]`)
      ?.focus();
  }
}
