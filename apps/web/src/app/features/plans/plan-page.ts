import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { PlanStatus, PlanView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { saveBlob } from '../../core/files';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { ActivitiesTab } from './activities-tab';
import { ConsultationTab } from './consultation-tab';
import { PlanEditDialog } from './plan-edit-dialog';
import { PlanStore } from './plan-store';
import { PLAN_STATUS_CLASS, PLAN_STATUS_LABEL, TRANSITION_LABEL, fieldLabel, isoDate, matrixFileName } from './plan-utils';
import { PlansApi } from './plans.api';
import { ProposalsTab } from './proposals-tab';
import { VersionsTab } from './versions-tab';

export type PlanTab = 'activities' | 'proposals' | 'consultation' | 'versions';

/** `?tab=` accepts the Indonesian words of the URL and the English ids. */
const TAB_PARAM: Record<string, PlanTab> = {
  kegiatan: 'activities',
  activities: 'activities',
  usulan: 'proposals',
  proposals: 'proposals',
  konsultasi: 'consultation',
  consultation: 'consultation',
  versi: 'versions',
  versions: 'versions',
};
const TAB_URL: Record<PlanTab, string> = { activities: 'kegiatan', proposals: 'usulan', consultation: 'konsultasi', versions: 'versi' };

/** Backward steps are shown as secondary buttons, forward steps as primary. */
const FORWARD: Record<PlanStatus, number> = { draft: 0, revision: 0, consultation: 1, review: 2, adopted: 3 };

/** `/rencana-aksi/:id`: the plan's header, workflow bar and four tabs. */
@Component({
  selector: 'app-plan-page',
  imports: [
    RouterLink, TPipe, Icon, ErrorAlert, MoneyPipe, FormatDatePipe, ActivitiesTab, ProposalsTab, ConsultationTab, VersionsTab,
    PlanEditDialog, EmptyState, LoadError, Loading,
  ],
  providers: [PlanStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-page.html',
  styleUrl: './plan-page.css',
})
export class PlanPage {
  protected readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter `?tab=usulan`. */
  readonly tab = input<string>();

  protected readonly statusLabel = PLAN_STATUS_LABEL;
  protected readonly statusClass = PLAN_STATUS_CLASS;
  protected readonly transitionLabel = TRANSITION_LABEL;

  protected readonly activeTab = linkedSignal<PlanTab>(() => TAB_PARAM[this.tab() ?? ''] ?? 'activities');
  protected readonly tabs = computed(() => {
    const list: { id: PlanTab; label: TKey }[] = [
      { id: 'activities', label: 'plan.tab.activities' },
      { id: 'proposals', label: 'plan.tab.proposals' },
    ];
    if (this.store.isPlanner()) list.push({ id: 'consultation', label: 'plan.tab.consultation' });
    list.push({ id: 'versions', label: 'plan.tab.versions' });
    return list;
  });
  /** A tab the user cannot see (consultation for a member) falls back to the activities. */
  protected readonly shownTab = computed<PlanTab>(() => {
    const tab = this.activeTab();
    return this.tabs().some((t) => t.id === tab) ? tab : 'activities';
  });

  protected readonly transitions = computed(() => {
    const plan = this.store.plan();
    if (!plan) return [];
    return [...(plan.allowedTransitions ?? [])]
      .map((to) => ({ to, forward: FORWARD[to] > FORWARD[plan.status] || to === 'revision' }))
      .sort((a, b) => Number(b.forward) - Number(a.forward));
  });

  // The RAD matrix workbook
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<ApiError | null>(null);

  protected readonly moving = signal<PlanStatus | null>(null);
  protected readonly transitionError = signal<{ to: PlanStatus; error: ApiError } | null>(null);

  /** Title and period: for the plan's planners while its activities may still change. */
  protected readonly canEditHeader = computed(() => this.store.isPlanner() && this.store.openForChange());
  protected readonly editDialog = viewChild.required(PlanEditDialog);

  // Adoption dialog
  private readonly adoptDialog = viewChild<ElementRef<HTMLDialogElement>>('adoptDialog');
  protected readonly legalNumber = signal('');
  protected readonly legalDate = signal('');
  protected readonly adoptSubmitted = signal(false);
  protected readonly adoptError = signal<ApiError | null>(null);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));
  protected readonly adoptShown: readonly string[] = ['legalBasis'];

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected selectTab(tab: PlanTab): void {
    this.activeTab.set(tab);
    void this.router.navigate([], { queryParams: { tab: TAB_URL[tab] }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern). */
  protected onTabKey(event: KeyboardEvent): void {
    const tabs = this.tabs();
    const at = tabs.findIndex((t) => t.id === this.shownTab());
    let next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    this.selectTab(tabs[next].id);
    setTimeout(() => document.getElementById(`plan-tab-${tabs[next].id}`)?.focus());
  }

  /** "Unduh matriks (Excel)": the plan as the RAD matrix workbook, saved under the server's name. */
  protected exportMatrix(): void {
    const plan = this.store.plan();
    if (!plan || this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    this.api.exportMatrix(plan.id).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveBlob(blob, matrixFileName(plan));
      },
      error: (error: ApiError) => {
        this.exporting.set(false);
        this.exportError.set(error);
      },
    });
  }

  protected move(to: PlanStatus): void {
    const plan = this.store.plan();
    if (!plan) return;
    this.transitionError.set(null);
    if (to === 'adopted') {
      this.openAdopt();
      return;
    }
    this.moving.set(to);
    this.api.transition(plan.id, { to, version: plan.version }).subscribe({
      next: (updated) => {
        this.moving.set(null);
        this.apply(updated);
        this.store.say(this.i18n.t('plan.transition.done', { status: this.i18n.t(PLAN_STATUS_LABEL[updated?.status ?? to]) }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.moving.set(null);
        this.transitionError.set({ to, error });
        if (error.code === 'CONFLICT') void this.store.reload();
      },
    });
  }

  /** The transition answers with the plan; anything less is read again. */
  private apply(updated: PlanView | null): void {
    if (updated && Array.isArray(updated.strategies)) this.store.setPlan(updated);
    else void this.store.reload();
  }

  protected transitionMessage(to: PlanStatus, error: ApiError): string | null {
    if (error.code !== 'CONFLICT') return null;
    const plan = this.store.plan();
    return this.i18n.t('plan.transition.conflict', {
      from: plan ? this.i18n.t(PLAN_STATUS_LABEL[plan.status]) : '',
      to: this.i18n.t(PLAN_STATUS_LABEL[to]),
    });
  }

  private openAdopt(): void {
    this.legalNumber.set('');
    this.legalDate.set(isoDate(new Date()));
    this.adoptSubmitted.set(false);
    this.adoptError.set(null);
    this.adoptDialog()?.nativeElement.showModal();
    setTimeout(() => document.getElementById('legal-basis-number')?.focus());
  }

  protected closeAdopt(): void {
    this.adoptDialog()?.nativeElement.close();
  }

  protected adoptFieldError(field: 'number' | 'date'): string | null {
    const server = this.adoptError()?.fieldError(`legalBasis.${field}`);
    if (server) return server;
    if (!this.adoptSubmitted()) return null;
    if (field === 'number' && !this.legalNumber().trim()) return this.i18n.t('form.required');
    if (field === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(this.legalDate())) return this.i18n.t('plan.adopt.dateInvalid');
    return null;
  }

  protected confirmAdopt(): void {
    this.adoptSubmitted.set(true);
    this.adoptError.set(null);
    if (this.adoptFieldError('number')) {
      document.getElementById('legal-basis-number')?.focus();
      return;
    }
    if (this.adoptFieldError('date')) {
      document.getElementById('legal-basis-date')?.focus();
      return;
    }
    const plan = this.store.plan();
    if (!plan) return;
    this.moving.set('adopted');
    this.api
      .transition(plan.id, {
        to: 'adopted',
        version: plan.version,
        legalBasis: { number: this.legalNumber().trim(), date: this.legalDate() },
      })
      .subscribe({
        next: (updated) => {
          this.moving.set(null);
          this.closeAdopt();
          this.apply(updated);
          this.store.say(this.i18n.t('plan.adopt.done', { number: this.legalNumber().trim() }));
          this.store.changed();
        },
        error: (error: ApiError) => {
          this.moving.set(null);
          this.adoptError.set(error);
          if (error.code === 'CONFLICT') void this.store.reload();
        },
      });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected retry(): void {
    this.store.load(this.id());
  }
}
