import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import type { ActivityView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { PlanStore } from './plan-store';
import { ReadableChange, changedFields, readableChanges } from './plan-utils';
import { ActivityHistoryEntry, PlansApi } from './plans.api';

type HistoryState =
  | { status: 'loading' }
  | { status: 'ok'; items: { entry: ActivityHistoryEntry; changes: ReadableChange[] }[] }
  | { status: 'error'; error: ApiError };

const ACTION_LABEL: Record<string, TKey> = {
  create: 'history.action.create',
  update: 'history.action.update',
  delete: 'history.action.delete',
};
const VIA_PROPOSAL_LABEL: Record<string, TKey> = {
  create: 'history.action.createProposal',
  update: 'history.action.proposal',
};

/** Who changed what in one activity, newest first, in a side panel (`GET /api/activities/:id/history`). */
@Component({
  selector: 'app-activity-history',
  imports: [TPipe, Icon, FormatDatePipe, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="dialog side-panel" aria-labelledby="history-title" (close)="onClose()">
      <div class="panel-head">
        <h2 id="history-title">{{ 'history.title' | t: { code: activity()?.code ?? '' } }}</h2>
        <button type="button" class="btn btn-ghost btn-sm" [attr.aria-label]="'common.close' | t" (click)="close()">
          <app-icon name="close" [size]="18" />
        </button>
      </div>
      @if (activity(); as a) {
        <p class="muted small subtitle">{{ a.title }}</p>
      }
      <div class="panel-body" data-testid="activity-history-panel">
        @let s = state();
        <app-list-status [state]="s" emptyText="history.none" [retryable]="false" />
        @if (s.status === 'ok' && s.items.length) {
          <ol class="entries">
            @for (item of s.items; track item.entry.id) {
              <li>
                <div class="entry-head">
                  <strong>{{ actionLabel(item.entry.action) }}</strong>
                  <span class="muted small">{{ item.entry.at | fdate: true }}</span>
                </div>
                <div class="small muted">{{ item.entry.actorEmail ?? ('history.system' | t) }}</div>
                @if (item.changes.length) {
                  <ul class="changes">
                    @for (c of item.changes; track c.label) {
                      <li>
                        <span class="field">{{ c.label }}</span>
                        <span class="from">{{ c.from }}</span>
                        <app-icon name="arrowRight" [size]="14" [label]="'history.to' | t" />
                        <span class="to">{{ c.to }}</span>
                      </li>
                    }
                  </ul>
                }
              </li>
            }
          </ol>
        }
      </div>
    </dialog>
  `,
  styles: `
    .side-panel {
      margin: 0 0 0 auto; height: 100vh; max-height: 100vh; width: min(460px, 100vw); max-width: 100vw;
      border-radius: 0; display: none; flex-direction: column;
    }
    .side-panel[open] { display: flex; }
    .panel-head { display: flex; align-items: center; gap: 8px; padding: 16px 16px 4px 20px; }
    .panel-head h2 { margin: 0; flex: 1; font-size: 1.1rem; }
    .subtitle { margin: 0 20px 8px; }
    .panel-body { overflow-y: auto; padding: 8px 20px 20px; flex: 1; }
    .entries { list-style: none; margin: 0; padding: 0; }
    .entries > li { padding: 10px 0; border-bottom: 1px solid var(--c-border); }
    .entry-head { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
    .changes { list-style: none; margin: 6px 0 0; padding: 0; font-size: .86rem; }
    .changes li { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; padding: 2px 0; }
    .field { font-weight: 600; min-width: 100%; }
    .from { color: var(--c-danger); text-decoration: line-through; overflow-wrap: anywhere; }
    .to { color: var(--c-success); overflow-wrap: anywhere; }
  `,
})
export class ActivityHistory {
  private readonly api = inject(PlansApi);
  private readonly store = inject(PlanStore);
  private readonly i18n = inject(I18n);

  readonly activity = input<ActivityView | null>(null);
  readonly closed = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly state = signal<HistoryState>({ status: 'loading' });
  private returnFocus: HTMLElement | null = null;

  constructor() {
    effect(() => {
      const a = this.activity();
      untracked(() => (a ? this.open(a) : this.dialog().nativeElement.open && this.dialog().nativeElement.close()));
    });
  }

  private open(a: ActivityView): void {
    this.returnFocus = document.activeElement as HTMLElement | null;
    const d = this.dialog().nativeElement;
    if (!d.open) d.showModal();
    this.state.set({ status: 'loading' });
    this.api.history(a.id).subscribe({
      next: (entries) => {
        const sorted = [...entries].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
        this.state.set({ status: 'ok', items: sorted.map((entry) => ({ entry, changes: this.describe(entry) })) });
      },
      error: (error: ApiError) => this.state.set({ status: 'error', error }),
    });
  }

  /** Field changes of an update; a creation or deletion is told by its action alone. */
  private describe(entry: ActivityHistoryEntry): ReadableChange[] {
    if (entry.oldValue == null || entry.newValue == null) return [];
    const ctx = {
      t: (k: TKey) => this.i18n.t(k),
      agencyName: (id: string) => this.store.agencyName(id),
      strategyName: (c: number) => this.store.strategyName(c),
    };
    return readableChanges(changedFields(entry.oldValue, entry.newValue), ctx);
  }

  /** `update`, or `update (usulan <id>)` when an accepted proposal made the change. */
  protected actionLabel(action: string): string {
    const verb = action.trim().split(/[\s(]/)[0].toLowerCase();
    const viaProposal = /\((usulan|proposal)\b/i.test(action);
    const key = (viaProposal ? VIA_PROPOSAL_LABEL[verb] : undefined) ?? ACTION_LABEL[verb];
    return key ? this.i18n.t(key) : action;
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  protected onClose(): void {
    this.returnFocus?.focus();
    this.closed.emit();
  }
}
