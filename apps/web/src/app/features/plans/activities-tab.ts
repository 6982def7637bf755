import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, output, signal, untracked, viewChild } from '@angular/core';
import type { ActivityView, StrategyWithActivities } from '@sinergi/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { MoneyPipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ActivityForm, ActivityFormValue } from './activity-form';
import { ActivityHistory } from './activity-history';
import { CommentThread } from './comment-thread';
import { PlanStore } from './plan-store';
import { ACTIVITY_STATUS_LABEL, PRIORITY_LABEL, costOf, fieldLabel, groupDigits, parseRupiah, sumDigits } from './plan-utils';
import { PlansApi, activityCommentsUrl } from './plans.api';

interface CellEdit {
  activityId: string;
  year: number;
  text: string;
  error: string | null;
  /** Select the whole value on focus (Enter, F2, click) or put the caret at the end (typed a digit). */
  select: boolean;
}

type Direction = 'next' | 'prev' | 'up' | 'down';

/**
 * The six strategies with their activities and a cost column per plan year. Cost cells work like a
 * spreadsheet for those who may edit: click, Enter or F2 (or just type a digit) to edit, Enter/Tab
 * to save and move on, Esc to cancel, arrow keys to move. Saves of one activity are sent one after
 * the other so each carries the version the previous one returned.
 */
@Component({
  selector: 'app-activities-tab',
  imports: [TPipe, Icon, MoneyPipe, ErrorAlert, ActivityForm, ConfirmDialog, ActivityHistory, CommentThread],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activities-tab.html',
  styleUrl: './activities-tab.css',
})
export class ActivitiesTab {
  protected readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  protected readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** A proposal was sent from here: the page may show the proposals tab. */
  readonly proposed = output<void>();

  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly activityStatusLabel = ACTIVITY_STATUS_LABEL;
  protected readonly years = this.store.years;
  /** code, title, lead, one per year, total, actions */
  protected readonly colspan = computed(() => this.years().length + 5);

  protected readonly collapsed = signal<ReadonlySet<number>>(new Set());
  protected readonly editing = signal<CellEdit | null>(null);
  /** Values on their way to the server, by `activityId:year`. */
  protected readonly pending = signal<Readonly<Record<string, string>>>({});
  protected readonly gridError = signal<{ text: string; error?: ApiError } | null>(null);
  private readonly cellInput = viewChild<ElementRef<HTMLInputElement>>('cellInput');
  private readonly queues = new Map<string, Promise<void>>();

  protected readonly expanded = signal<{ id: string; mode: 'detail' | 'amend' } | null>(null);
  protected readonly adding = signal<number | null>(null);
  protected readonly formSaving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected readonly toDelete = signal<ActivityView | null>(null);
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly historyOf = signal<ActivityView | null>(null);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));
  protected readonly commentsUrl = activityCommentsUrl;

  protected readonly deleteHeading = computed(() => this.i18n.t('activity.delete.title', { code: this.toDelete()?.code ?? '' }));
  protected readonly deleteMessage = computed(() => this.i18n.t('activity.delete.text', { title: this.toDelete()?.title ?? '' }));

  protected readonly activityCount = computed(() =>
    (this.store.plan()?.strategies ?? []).reduce((n, s) => n + s.activities.length, 0),
  );

  constructor() {
    // Focus the cell input as soon as it is rendered.
    // Only a newly rendered input is focused: the effect must not pull focus back while an edit ends.
    effect(() => {
      const el = this.cellInput()?.nativeElement;
      untracked(() => {
        if (!el || document.activeElement === el || !this.editing()) return;
        el.focus();
        if (this.editing()?.select) el.select();
        else el.setSelectionRange(el.value.length, el.value.length);
      });
    });
  }

  protected strategyName(s: StrategyWithActivities): string {
    return this.i18n.lang() === 'en' && s.nameEn ? s.nameEn : s.name;
  }

  /** A per-year amount; a year without a value is Rp 0. */
  protected yearValue(map: Readonly<Record<string, string>> | undefined, year: number): string {
    return map?.[String(year)] ?? '0';
  }

  protected strategyTotal(s: StrategyWithActivities): string {
    return sumDigits(Object.values(s.costs ?? {}));
  }

  protected toggleStrategy(code: number): void {
    this.collapsed.update((set) => {
      const next = new Set(set);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }

  // ---- Cost cells ------------------------------------------------------------------------------

  private key(activityId: string, year: number): string {
    return `${activityId}:${year}`;
  }

  protected shownCost(a: ActivityView, year: number): string {
    return this.pending()[this.key(a.id, year)] ?? costOf(a, year);
  }

  protected isPending(a: ActivityView, year: number): boolean {
    return this.pending()[this.key(a.id, year)] !== undefined;
  }

  protected isEditing(a: ActivityView, year: number): boolean {
    const e = this.editing();
    return !!e && e.activityId === a.id && e.year === year;
  }

  protected startEdit(a: ActivityView, year: number, text?: string): void {
    if (!this.store.canEdit() || this.isEditing(a, year)) return;
    const current = this.shownCost(a, year);
    this.editing.set({
      activityId: a.id,
      year,
      text: text ?? (current === '0' ? '' : groupDigits(current)),
      error: null,
      select: text === undefined,
    });
  }

  protected onCellInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.editing.update((e) => (e ? { ...e, text, error: null } : e));
  }

  /** Keys on a cell that is not being edited. */
  protected onCellKey(event: KeyboardEvent, a: ActivityView, year: number): void {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const e = this.editing();
    if (e && this.isEditing(a, year)) {
      // Keys typed in the moment between starting the edit and the input taking focus.
      this.earlyKey(event, e);
      return;
    }
    switch (event.key) {
      case 'Enter':
      case 'F2':
        event.preventDefault();
        this.startEdit(a, year);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        this.startEdit(a, year, '');
        return;
      case 'ArrowRight':
        event.preventDefault();
        this.moveFrom(a.id, year, 'next');
        return;
      case 'ArrowLeft':
        event.preventDefault();
        this.moveFrom(a.id, year, 'prev');
        return;
      case 'ArrowDown':
        event.preventDefault();
        this.moveFrom(a.id, year, 'down');
        return;
      case 'ArrowUp':
        event.preventDefault();
        this.moveFrom(a.id, year, 'up');
        return;
    }
    if (/^\d$/.test(event.key)) {
      event.preventDefault();
      this.startEdit(a, year, event.key);
    }
  }

  private earlyKey(event: KeyboardEvent, e: CellEdit): void {
    if (event.key.length === 1) {
      event.preventDefault();
      this.editing.set({ ...e, text: (e.select ? '' : e.text) + event.key, select: false, error: null });
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      this.editing.set({ ...e, text: e.select ? '' : e.text.slice(0, -1), select: false, error: null });
    } else if (event.key === 'Enter' || event.key === 'Tab' || event.key === 'Escape') {
      this.onInputKey(event);
    }
  }

  /** Keys inside the cell input. */
  protected onInputKey(event: KeyboardEvent): void {
    const e = this.editing();
    if (!e) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.editing.set(null);
      this.focusCell(e.activityId, e.year);
      return;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      if (this.commit()) this.moveFrom(e.activityId, e.year, event.shiftKey ? 'prev' : 'next');
    }
  }

  /** Leaving the input saves a valid change; an invalid one stays open with its message. */
  protected onInputBlur(): void {
    if (this.editing()) this.commit();
  }

  /** Validates and queues the edited value. False when the value is not a Rupiah amount. */
  private commit(): boolean {
    const e = this.editing();
    if (!e) return true;
    const parsed = parseRupiah(e.text);
    if (parsed === null) {
      this.editing.set({ ...e, error: this.i18n.t('money.invalid') });
      return false;
    }
    this.editing.set(null);
    const a = this.store.activity(e.activityId);
    if (!a || parsed === this.shownCost(a, e.year)) return true;
    this.queueSave(a.id, e.year, parsed);
    return true;
  }

  private queueSave(activityId: string, year: number, value: string): void {
    const key = this.key(activityId, year);
    this.pending.update((p) => ({ ...p, [key]: value }));
    this.gridError.set(null);
    const previous = this.queues.get(activityId) ?? Promise.resolve();
    const next = previous.then(() => this.sendCost(activityId, year, value));
    this.queues.set(activityId, next);
    void next.finally(() => {
      if (this.queues.get(activityId) === next) this.queues.delete(activityId);
    });
  }

  private clearPending(key: string, value?: string): void {
    this.pending.update((p) => {
      if (p[key] === undefined || (value !== undefined && p[key] !== value)) return p;
      const { [key]: _, ...rest } = p;
      return rest;
    });
  }

  private async sendCost(activityId: string, year: number, value: string): Promise<void> {
    const key = this.key(activityId, year);
    // Dropped after a conflict or replaced by a newer value of the same cell.
    if (this.pending()[key] !== value) return;
    const a = this.store.activity(activityId);
    if (!a) {
      this.clearPending(key);
      return;
    }
    const costs: Record<string, string> = {};
    for (const y of this.years()) costs[String(y)] = costOf(a, y);
    costs[String(year)] = value;
    try {
      const saved = await firstValueFrom(this.api.updateActivity(a.id, { version: a.version, costs }));
      if (saved && typeof saved.version === 'number') {
        this.store.applyActivity(a.id, { ...a, ...saved, costs: saved.costs ?? costs });
      } else {
        await this.store.reload();
      }
      this.clearPending(key, value);
      this.store.changed();
    } catch (err) {
      const error = err as ApiError;
      // Forget every value of this activity still waiting: they were typed over stale data.
      this.pending.update((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith(`${activityId}:`))));
      if (error.code === 'CONFLICT') {
        await this.reloadActivity(a.id);
        this.gridError.set({ text: this.i18n.t('activity.conflict', { code: a.code }) });
        // The plan itself may have moved on (another step, another version): read it too.
        void this.store.reload();
      } else {
        const field = error.fieldErrors[0];
        this.gridError.set({
          text: field
            ? this.i18n.t('activity.saveFailedField', { code: a.code, field: this.labelFor(field.path), message: field.message })
            : this.i18n.t('activity.saveFailed', { code: a.code }),
          error: field ? undefined : error,
        });
      }
    }
  }

  /** Reads one activity again after a conflict; the whole plan when that fails (deleted, plan moved on). */
  private async reloadActivity(id: string): Promise<void> {
    try {
      const fresh = await firstValueFrom(this.api.activity(id));
      this.store.applyActivity(id, fresh);
    } catch {
      await this.store.reload();
    }
  }

  private cellSelector(activityId: string, year: number): string {
    return `td.cost[data-activity="${activityId}"][data-year="${year}"]`;
  }

  private focusCell(activityId: string, year: number): void {
    this.host.nativeElement.querySelector<HTMLElement>(this.cellSelector(activityId, year))?.focus();
  }

  private moveFrom(activityId: string, year: number, dir: Direction): void {
    const root = this.host.nativeElement;
    const current = root.querySelector<HTMLElement>(this.cellSelector(activityId, year));
    if (!current) return;
    let cells: HTMLElement[];
    if (dir === 'up' || dir === 'down') cells = [...root.querySelectorAll<HTMLElement>(`td.cost[data-editable][data-year="${year}"]`)];
    else cells = [...root.querySelectorAll<HTMLElement>('td.cost[data-editable]')];
    const at = cells.indexOf(current);
    const target = cells[dir === 'next' || dir === 'down' ? at + 1 : at - 1];
    (target ?? current).focus();
  }

  // ---- Row detail, amendments, new activities --------------------------------------------------

  protected toggleDetail(a: ActivityView): void {
    const e = this.expanded();
    this.formError.set(null);
    this.expanded.set(e?.id === a.id && e.mode === 'detail' ? null : { id: a.id, mode: 'detail' });
  }

  protected openAmend(a: ActivityView): void {
    this.formError.set(null);
    this.adding.set(null);
    this.expanded.set({ id: a.id, mode: 'amend' });
  }

  protected closeExpanded(a: ActivityView): void {
    this.expanded.set(null);
    this.formError.set(null);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`tr[data-activity-id="${a.id}"] .title-button`)?.focus());
  }

  protected openAdd(code: number): void {
    this.formError.set(null);
    this.expanded.set(null);
    this.collapsed.update((set) => {
      const next = new Set(set);
      next.delete(code);
      return next;
    });
    this.adding.set(code);
  }

  protected saveDetail(a: ActivityView, value: ActivityFormValue): void {
    if (Object.keys(value.changes).length === 0) {
      this.expanded.set(null);
      return;
    }
    this.formSaving.set(true);
    this.formError.set(null);
    this.api.updateActivity(a.id, { ...value.changes, version: a.version }).subscribe({
      next: (saved) => {
        this.formSaving.set(false);
        this.expanded.set(null);
        if (saved && typeof saved.version === 'number') this.store.applyActivity(a.id, { ...a, ...saved });
        else void this.store.reload();
        this.store.say(this.i18n.t('activity.saved', { code: saved?.code ?? a.code }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.formSaving.set(false);
        this.formError.set(error);
        if (error.code === 'CONFLICT') {
          void this.store.reload();
          this.store.say(this.i18n.t('activity.conflict', { code: a.code }), 'warning');
        }
      },
    });
  }

  protected sendAmendment(a: ActivityView, value: ActivityFormValue): void {
    const plan = this.store.plan();
    if (!plan || Object.keys(value.changes).length === 0) return;
    this.formSaving.set(true);
    this.formError.set(null);
    this.api
      .propose(plan.id, { kind: 'amendment', activityId: a.id, changes: value.changes, ...(value.rationale ? { rationale: value.rationale } : {}) })
      .subscribe({
        next: () => {
          this.formSaving.set(false);
          this.expanded.set(null);
          this.store.say(this.i18n.t('proposal.sent.amendment', { code: a.code }));
          this.store.changed();
        },
        error: (error: ApiError) => {
          this.formSaving.set(false);
          this.formError.set(error);
        },
      });
  }

  protected createActivity(value: ActivityFormValue): void {
    const plan = this.store.plan();
    if (!plan) return;
    this.formSaving.set(true);
    this.formError.set(null);
    this.api.createActivity(plan.id, value.full).subscribe({
      next: (created) => {
        this.formSaving.set(false);
        this.adding.set(null);
        void this.store.reload().then(() =>
          setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`tr[data-activity-id="${created.id}"] .title-button`)?.focus()),
        );
        this.store.say(this.i18n.t('activity.created', { code: created.code }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.formSaving.set(false);
        this.formError.set(error);
      },
    });
  }

  // ---- Delete and history ----------------------------------------------------------------------

  protected async askDelete(a: ActivityView): Promise<void> {
    this.toDelete.set(a);
    const ok = await this.confirm().open();
    if (!ok) return;
    this.api.deleteActivity(a.id, a.version).subscribe({
      next: () => {
        if (this.expanded()?.id === a.id) this.expanded.set(null);
        this.store.applyActivity(a.id, null);
        this.store.say(this.i18n.t('activity.deleted', { code: a.code }));
        this.store.changed();
        void this.store.reload();
      },
      error: (error: ApiError) => {
        if (error.code === 'CONFLICT') {
          void this.store.reload();
          this.gridError.set({ text: this.i18n.t('activity.deleteConflict', { code: a.code }) });
        } else {
          this.gridError.set({ text: this.i18n.t('activity.deleteFailed', { code: a.code }), error });
        }
      },
    });
  }

  protected openHistory(a: ActivityView): void {
    this.historyOf.set(a);
  }
}
