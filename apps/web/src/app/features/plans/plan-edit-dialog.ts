import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import type { PlanView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { PlanFields } from './plan-fields';
import { PlanStore } from './plan-store';
import { MAX_PLAN_YEARS, PlanHeaderField, fieldLabel, planHeaderProblems } from './plan-utils';
import { PlansApi, UpdatePlanRequest } from './plans.api';

const FIELD_IDS: Record<PlanHeaderField, string> = {
  title: 'plan-edit-title',
  startYear: 'plan-edit-start-year',
  endYear: 'plan-edit-end-year',
};

/**
 * The planner changes the plan's title and period (`PATCH /api/plans/:id`). A stale version (409)
 * reloads the plan into the form with a message; a period that would leave costs out (400) is
 * explained next to the year.
 */
@Component({
  selector: 'app-plan-edit-dialog',
  imports: [TPipe, Icon, ErrorAlert, PlanFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="dialog plan-edit-dialog" aria-labelledby="plan-edit-heading" aria-describedby="plan-edit-text">
      <form (submit)="$event.preventDefault(); submit()" novalidate>
        <div class="dialog-body">
          <h2 id="plan-edit-heading">{{ 'plan.edit.title' | t }}</h2>
          <p id="plan-edit-text" class="muted small">{{ 'plan.edit.text' | t }}</p>
          @if (stale()) {
            <div class="alert alert-warning" role="alert">
              <app-icon name="alert" />
              <p>{{ 'plan.edit.conflict' | t }}</p>
            </div>
          }
          <div class="fields">
            <app-plan-fields prefix="plan-edit" [(title)]="title" [(startYear)]="startYear" [(endYear)]="endYear" [errors]="errors()" />
          </div>
          @if (error(); as err) {
            <div class="form-error"><app-error-alert [error]="err" [shownFields]="shown" [fieldLabel]="labelFor" /></div>
          }
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn" (click)="close()">{{ 'common.cancel' | t }}</button>
          <button type="submit" class="btn btn-primary" data-testid="plan-edit-submit" [disabled]="saving()">
            {{ (saving() ? 'common.saving' : 'common.save') | t }}
          </button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    .plan-edit-dialog { width: min(560px, calc(100vw - 32px)); max-width: min(560px, calc(100vw - 32px)); }
    .fields { display: flex; flex-direction: column; gap: 14px; }
    .alert { margin-bottom: 14px; }
    .alert p { margin: 0; }
  `,
})
export class PlanEditDialog {
  private readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly title = signal('');
  protected readonly startYear = signal('');
  protected readonly endYear = signal('');
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** The plan changed under the form (409): it now shows the plan as it is. */
  protected readonly stale = signal(false);
  protected readonly shown: readonly string[] = ['title', 'startYear', 'endYear'];
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));

  private readonly problems = computed(() => planHeaderProblems(this.title(), this.startYear(), this.endYear()));
  /** The server's message for a field (from `details`), else ours once the form was sent. */
  protected readonly errors = computed(() => {
    const out: Partial<Record<PlanHeaderField, string | null>> = {};
    for (const field of this.shown as PlanHeaderField[]) {
      const local = this.problems()[field];
      out[field] = this.error()?.fieldError(field) ?? (this.submitted() && local ? this.i18n.t(local, { n: MAX_PLAN_YEARS }) : null);
    }
    return out;
  });

  open(): void {
    const plan = this.store.plan();
    if (!plan) return;
    this.fill(plan);
    this.stale.set(false);
    this.dialog().nativeElement.showModal();
    setTimeout(() => document.getElementById(FIELD_IDS.title)?.focus());
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  private fill(plan: PlanView): void {
    this.title.set(plan.title);
    this.startYear.set(String(plan.startYear));
    this.endYear.set(String(plan.endYear));
    this.submitted.set(false);
    this.error.set(null);
  }

  /** Only what changed, with the version last read. */
  private changes(plan: PlanView): UpdatePlanRequest | null {
    const body: UpdatePlanRequest = { version: plan.version };
    const title = this.title().trim();
    if (title !== plan.title) body.title = title;
    if (Number(this.startYear()) !== plan.startYear) body.startYear = Number(this.startYear());
    if (Number(this.endYear()) !== plan.endYear) body.endYear = Number(this.endYear());
    return Object.keys(body).length > 1 ? body : null;
  }

  protected submit(): void {
    const plan = this.store.plan();
    if (!plan || this.saving()) return;
    this.submitted.set(true);
    this.error.set(null);
    const first = (Object.keys(this.problems()) as PlanHeaderField[])[0];
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    const body = this.changes(plan);
    if (!body) {
      this.close();
      return;
    }
    this.saving.set(true);
    this.api.update(plan.id, body).subscribe({
      next: (updated) => {
        this.saving.set(false);
        if (updated && Array.isArray(updated.strategies)) this.store.setPlan(updated);
        else void this.store.reload();
        this.close();
        this.store.say(this.i18n.t('plan.edit.done'));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'CONFLICT') {
          void this.store.reload().then((fresh) => {
            if (!fresh || !this.store.openForChange()) {
              // Moved on to a step where the title and period are fixed.
              this.close();
              this.store.say(this.i18n.t('plan.edit.locked'), 'warning');
              return;
            }
            this.fill(fresh);
            this.stale.set(true);
            document.getElementById(FIELD_IDS.title)?.focus();
          });
          return;
        }
        this.error.set(error);
        const field = (Object.keys(FIELD_IDS) as PlanHeaderField[]).find((f) => error.fieldError(f));
        if (field) document.getElementById(FIELD_IDS[field])?.focus();
      },
    });
  }
}
