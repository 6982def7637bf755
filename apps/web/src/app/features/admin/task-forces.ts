import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AgencyView, TaskForceView } from '@sinergi/contracts';
import { catchError, concat, map, of, switchMap } from 'rxjs';
import { AGENCY_KIND_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { AdminApi } from './admin.api';
import { AdminRegion, AdminRegionBar } from './admin-region';

type TaskForceList =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; items: TaskForceView[] }
  | { status: 'error'; error: ApiError };

type Member = TaskForceView['members'][number];

@Component({
  selector: 'app-admin-task-forces',
  imports: [TPipe, Icon, ErrorAlert, FormatDatePipe, ConfirmDialog, AdminRegionBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-forces.html',
  styleUrl: './admin-page.css',
})
export class TaskForces {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18n);
  protected readonly region = inject(AdminRegion);

  protected readonly kindLabel = AGENCY_KIND_LABEL;
  protected readonly state = signal<TaskForceList>({ status: 'none' });
  private readonly reloads = signal(0);
  /** Agency chosen in the "add member" select, per task force. */
  protected readonly toAdd = signal<Record<string, string | undefined>>({});
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<{ taskForceId: string; error: ApiError } | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly pending = signal<{ taskForce: TaskForceView; member: Member } | null>(null);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly confirmHeading = computed(() => this.i18n.t('admin.taskForces.remove.title'));
  protected readonly confirmMessage = computed(() => {
    const p = this.pending();
    return p ? this.i18n.t('admin.taskForces.remove.text', { agency: p.member.name, taskForce: p.taskForce.name }) : '';
  });

  constructor() {
    toObservable(computed(() => ({ code: this.region.code(), n: this.reloads() })))
      .pipe(
        switchMap(({ code }) =>
          !code
            ? of<TaskForceList>({ status: 'none' })
            : concat(
                of<TaskForceList>({ status: 'loading' }),
                this.api.taskForces(code).pipe(
                  map((items): TaskForceList => ({ status: 'ok', items })),
                  catchError((error: ApiError) => of<TaskForceList>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** Agencies of the working region that are not members yet. */
  protected candidates(taskForce: TaskForceView): AgencyView[] {
    const members = new Set(taskForce.members.map((m) => m.agencyId));
    return this.region.agencyItems().filter((a) => !members.has(a.id));
  }

  protected sortedMembers(taskForce: TaskForceView): Member[] {
    return [...taskForce.members].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  protected choose(taskForceId: string, event: Event): void {
    const agencyId = (event.target as HTMLSelectElement).value;
    this.toAdd.update((m) => ({ ...m, [taskForceId]: agencyId }));
  }

  protected add(taskForce: TaskForceView): void {
    const agencyId = this.toAdd()[taskForce.id];
    if (!agencyId || this.busy()) return;
    const agency = this.region.agencyItems().find((a) => a.id === agencyId);
    this.busy.set(taskForce.id);
    this.actionError.set(null);
    this.notice.set(null);
    this.api.addMember(taskForce.id, agencyId).subscribe({
      next: () => {
        this.busy.set(null);
        this.toAdd.update((m) => ({ ...m, [taskForce.id]: '' }));
        this.notice.set(this.i18n.t('admin.taskForces.added', { agency: agency?.name ?? '' }));
        this.reload();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.actionError.set({ taskForceId: taskForce.id, error });
      },
    });
  }

  protected async remove(taskForce: TaskForceView, member: Member): Promise<void> {
    this.pending.set({ taskForce, member });
    const ok = await this.confirm().open();
    this.pending.set(null);
    if (!ok) return;
    this.busy.set(taskForce.id);
    this.actionError.set(null);
    this.notice.set(null);
    this.api.removeMember(taskForce.id, member.agencyId).subscribe({
      next: () => {
        this.busy.set(null);
        this.notice.set(this.i18n.t('admin.taskForces.removed', { agency: member.name }));
        this.reload();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.actionError.set({ taskForceId: taskForce.id, error });
      },
    });
  }
}
