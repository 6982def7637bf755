import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AgencyView, TaskForceView } from '@sinergi/contracts';
import { catchError, concat, map, of, switchMap } from 'rxjs';
import { AGENCY_KIND_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { FormatDatePipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DataTable, TableColumn } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { StatusNotice } from '../../shared/status-notice';
import { TextField } from '../../shared/text-field';
import { RegionsApi } from '../regions/regions.api';
import { AdminApi } from './admin.api';
import { AdminRegion, AdminRegionBar } from './admin-region';

type TaskForceList =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; items: TaskForceView[] }
  | { status: 'error'; error: ApiError };

type Member = TaskForceView['members'][number];
type CreateField = 'name' | 'legalBasis';

const CREATE_FIELD_LABEL: Record<string, TKey> = {
  name: 'admin.taskForces.create.name',
  legalBasis: 'admin.taskForces.create.legalBasis',
  regionCode: 'admin.region',
};

@Component({
  selector: 'app-admin-task-forces',
  imports: [
    TPipe, Icon, ErrorAlert, FormatDatePipe, ConfirmDialog, AdminRegionBar, DataTable, EmptyState, ListStatus, TextField, StatusNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-forces.html',
  styleUrl: './admin-page.css',
})
export class TaskForces {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  private readonly regions = inject(RegionsApi);
  protected readonly region = inject(AdminRegion);

  protected readonly kindLabel = AGENCY_KIND_LABEL;
  protected readonly memberColumns: readonly TableColumn[] = [
    'admin.agencies.name', 'admin.agencies.shortName', 'admin.agencies.kind', 'admin.taskForces.joinedAt',
  ];
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

  // Forming a task force for a region that has none
  /** The working region's name, for the default name of a new task force. */
  private readonly regionName = toSignal(
    toObservable(this.region.code).pipe(
      switchMap((code) => (code ? this.regions.get(code).pipe(map((r) => r.name), catchError(() => of(''))) : of(''))),
    ),
    { initialValue: '' },
  );
  /** Admins anywhere; planners in their own region (the server checks again: 403). */
  protected readonly canCreate = computed(() => {
    const user = this.auth.user();
    const code = this.region.code();
    if (!user || !code) return false;
    if (user.role === 'admin') return true;
    return user.role === 'planner' && !!user.regionCode && (code === user.regionCode || code.startsWith(`${user.regionCode}.`));
  });
  /** Follows the region until the person types a name of their own (a language switch keeps it). */
  protected readonly newName = linkedSignal({
    source: this.regionName,
    computation: (region) => (region ? untracked(() => this.i18n.t('admin.taskForces.create.defaultName', { region })) : ''),
  });
  // The rest of the form starts afresh for another region.
  protected readonly newLegalBasis = linkedSignal({ source: this.region.code, computation: () => '' });
  protected readonly createAttempted = linkedSignal({ source: this.region.code, computation: () => false });
  protected readonly createError = linkedSignal<string, ApiError | null>({ source: this.region.code, computation: () => null });
  protected readonly creating = signal(false);
  protected readonly createShown: readonly string[] = ['name', 'legalBasis'];
  protected readonly createLabel = (path: string) => {
    const key = CREATE_FIELD_LABEL[path.split('.')[0]];
    return key ? this.i18n.t(key) : path;
  };
  /** A clearer message than the generic one for the two refusals this form expects. */
  protected readonly createMessage = computed(() => {
    const code = this.createError()?.code;
    if (code === 'CONFLICT') return this.i18n.t('admin.taskForces.create.exists', { region: this.regionName() || this.region.code() });
    if (code === 'FORBIDDEN') return this.i18n.t('admin.taskForces.create.forbidden');
    return null;
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

  /** The server's message for a field (Indonesian, from `details`), else ours once the form was sent. */
  protected createFieldError(field: CreateField): string | null {
    const server = this.createError()?.fieldError(field);
    if (server) return server;
    return field === 'name' && this.createAttempted() && !this.newName().trim() ? this.i18n.t('form.required') : null;
  }

  protected createTaskForce(): void {
    const regionCode = this.region.code();
    if (!regionCode || this.creating()) return;
    this.createAttempted.set(true);
    this.createError.set(null);
    if (this.createFieldError('name')) {
      document.getElementById('task-force-name')?.focus();
      return;
    }
    const name = this.newName().trim();
    const legalBasis = this.newLegalBasis().trim();
    this.creating.set(true);
    this.notice.set(null);
    this.api.createTaskForce({ regionCode, name, ...(legalBasis ? { legalBasis } : {}) }).subscribe({
      next: (created) => {
        this.creating.set(false);
        this.notice.set(this.i18n.t('admin.taskForces.created', { name: created?.name ?? name }));
        if (created && Array.isArray(created.members) && this.region.code() === regionCode) {
          this.state.set({ status: 'ok', items: [created] });
          setTimeout(() => document.getElementById(`add-${created.id}`)?.focus());
        } else {
          this.reload();
        }
      },
      error: (error: ApiError) => {
        this.creating.set(false);
        this.createError.set(error);
      },
    });
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
