import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { POOL_APPROVERS, type PoolApprover } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { FundPoolsApi } from './fund-pools.api';
import { PoolStore } from './pool-store';
import {
  APPROVER_LABEL,
  RULE_FIELD_LABEL,
  RuleTextField,
  maxPreview,
  maxToSend,
  parsePercent,
  poolErrorMessage,
  ruleProblems,
  ruleText,
} from './pool-utils';

type RuleField = RuleTextField | 'eligibleStrategies' | 'approver';

const FIELD_IDS: Record<RuleTextField, string> = { maxPerDrawdown: 'rules-max', reservePercent: 'rules-reserve' };
const STRATEGY_CODES = [1, 2, 3, 4, 5, 6] as const;

/**
 * The pool's rules in a native dialog, for its managers: the limit per request, the strategies it
 * may fund, who approves and the emergency reserve. Saves with the version last read; a stale one
 * (409) reloads the pool and keeps what was typed.
 */
@Component({
  selector: 'app-pool-rules-dialog',
  imports: [TPipe, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pool-rules-dialog.html',
  styleUrl: './pool-rules-dialog.css',
})
export class PoolRulesDialog {
  protected readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly approvers = POOL_APPROVERS;
  protected readonly approverLabel = APPROVER_LABEL;
  protected readonly shownFields: readonly string[] = ['maxPerDrawdown', 'reservePercent', 'eligibleStrategies', 'approver'];
  protected readonly labelFor = (path: string) => {
    const key = RULE_FIELD_LABEL[path.split('.')[0]];
    return key ? this.i18n.t(key) : path;
  };

  protected readonly max = signal('');
  protected readonly reserve = signal('');
  protected readonly chosen = signal<ReadonlySet<number>>(new Set());
  protected readonly approver = signal<PoolApprover>('holder_or_planner');
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  /** The six RAN strategies, named when the list has loaded. */
  protected readonly strategies = computed(() => {
    const names = new Map(this.store.strategies().map((s) => [s.code, this.i18n.lang() === 'en' ? s.nameEn : s.name]));
    return STRATEGY_CODES.map((code) => ({ code, name: names.get(code) ?? '' }));
  });
  protected readonly problems = computed(() => ruleProblems({ max: this.max(), reserve: this.reserve() }));
  protected readonly maxHint = computed(() => maxPreview(this.max()) ?? this.i18n.t('fundPools.form.max.hint'));

  /** Fills the form from the pool on screen and shows the dialog. */
  open(): void {
    const pool = this.store.pool();
    if (!pool) return;
    const text = ruleText(pool, this.i18n.lang());
    this.max.set(text.max);
    this.reserve.set(text.reserve);
    this.chosen.set(new Set(pool.eligibleStrategies));
    this.approver.set(pool.approver);
    this.submitted.set(false);
    this.error.set(null);
    this.dialog().nativeElement.showModal();
    setTimeout(() => document.getElementById('rules-max')?.focus());
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggle(code: number, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.chosen.update((set) => {
      const next = new Set(set);
      if (checked) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  protected onApprover(event: Event): void {
    this.approver.set((event.target as HTMLSelectElement).value as PoolApprover);
  }

  /** The server's message for the field (a 400), else ours once the form was sent. */
  protected fieldError(field: RuleField): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = field === 'maxPerDrawdown' || field === 'reservePercent' ? this.problems()[field] : undefined;
    return this.submitted() && local ? this.i18n.t(local) : null;
  }

  /** A stale version has its own sentence: the newer rules are already on the page behind the dialog. */
  protected errorText(error: ApiError): string {
    return error.code === 'CONFLICT' ? this.i18n.t('fundPools.rules.conflict') : poolErrorMessage(error, this.i18n.lang());
  }

  protected save(): void {
    const pool = this.store.pool();
    if (!pool || this.saving()) return;
    this.submitted.set(true);
    this.error.set(null);
    const first = (Object.keys(FIELD_IDS) as RuleTextField[]).find((f) => this.problems()[f]);
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    this.saving.set(true);
    this.api
      .updateRules(pool.id, {
        version: pool.version,
        maxPerDrawdown: maxToSend(this.max()),
        eligibleStrategies: [...this.chosen()].sort((a, b) => a - b),
        approver: this.approver(),
        reservePercent: parsePercent(this.reserve()) ?? 0,
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.close();
          this.store.say(this.i18n.t('fundPools.rules.saved'), 'rules-saved');
          this.store.reload();
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.error.set(error);
          // Someone else changed the rules: read the pool again (its new version) and keep what was typed.
          if (error.code === 'CONFLICT') this.store.reload();
        },
      });
  }
}
