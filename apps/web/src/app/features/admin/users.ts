import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AdminUserView, Page, ROLES, Role } from '@sinergi/contracts';
import { catchError, concat, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { ROLE_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { DataTable, TableColumn } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { StatusNotice } from '../../shared/status-notice';
import { AdminApi } from './admin.api';
import { AdminRegion, AdminRegionBar } from './admin-region';
import { AgenciesApi } from './agencies.api';
import { UserForm } from './user-form';

type UserPage =
  | { status: 'loading'; previous: Page<AdminUserView> | null }
  | { status: 'ok'; page: Page<AdminUserView> }
  | { status: 'error'; error: ApiError };

const PAGE_SIZE = 20;

@Component({
  selector: 'app-admin-users',
  imports: [TPipe, Icon, FormatDatePipe, UserForm, AdminRegionBar, DataTable, EmptyState, LoadError, Loading, StatusNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.html',
  styleUrl: './admin-page.css',
})
export class Users {
  private readonly api = inject(AdminApi);
  private readonly i18n = inject(I18n);
  protected readonly region = inject(AdminRegion);

  protected readonly roles = ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly columns: readonly TableColumn[] = [
    'admin.users.name', 'admin.users.role', 'admin.users.scope', 'admin.users.status', 'admin.users.lastLogin',
  ];
  protected readonly query = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly page = signal(1);
  private readonly reloads = signal(0);
  protected readonly state = signal<UserPage>({ status: 'loading', previous: null });
  /** The user being edited, `'new'` for the create form, `null` when no form is open. */
  protected readonly editing = signal<AdminUserView | 'new' | null>(null);
  protected readonly notice = signal<string | null>(null);

  private readonly q = toSignal(toObservable(this.query).pipe(map((q) => q.trim()), debounceTime(300), distinctUntilChanged()), {
    initialValue: '',
  });

  protected readonly data = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.page : s.status === 'loading' ? s.previous : null;
  });
  protected readonly pages = computed(() => {
    const d = this.data();
    return d ? Math.max(1, Math.ceil(d.total / (d.pageSize || PAGE_SIZE))) : 1;
  });
  protected readonly range = computed(() => {
    const d = this.data();
    if (!d || d.total === 0) return null;
    const from = (d.page - 1) * d.pageSize + 1;
    return { from, to: Math.min(d.total, from + d.items.length - 1), total: d.total };
  });
  protected readonly status = computed(() => {
    const s = this.state();
    if (s.status === 'loading') return this.i18n.t('common.loading');
    if (s.status === 'error') return '';
    return this.i18n.plural('admin.users.count.one', 'admin.users.count.other', s.page.total);
  });
  /** Agencies listed without a region filter, if the server allows it: names for the scope column. */
  private readonly allAgencies = toSignal(inject(AgenciesApi).list().pipe(catchError(() => of([]))), { initialValue: [] });
  private readonly agencyNames = computed(
    () => new Map([...this.allAgencies(), ...this.region.agencyItems()].map((a) => [a.id, a.shortName || a.name])),
  );

  constructor() {
    toObservable(computed(() => ({ page: this.page(), q: this.q(), role: this.role(), n: this.reloads() })))
      .pipe(
        switchMap((c) =>
          concat(
            of<UserPage>({ status: 'loading', previous: this.data() }),
            this.api.users({ page: c.page, pageSize: PAGE_SIZE, q: c.q, role: c.role }).pipe(
              map((page): UserPage => ({ status: 'ok', page })),
              catchError((error: ApiError) => of<UserPage>({ status: 'error', error })),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected onQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.page.set(1);
  }

  protected onRole(event: Event): void {
    this.role.set((event.target as HTMLSelectElement).value as Role | '');
    this.page.set(1);
  }

  protected goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pages()));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected openNew(): void {
    this.notice.set(null);
    this.editing.set('new');
  }

  protected edit(user: AdminUserView): void {
    this.notice.set(null);
    this.editing.set(user);
  }

  protected onSaved(): void {
    const wasNew = this.editing() === 'new';
    this.editing.set(null);
    this.notice.set(this.i18n.t(wasNew ? 'admin.users.created' : 'admin.users.saved'));
    this.reload();
  }

  /** What the user is scoped to: an agency name and/or a region code. */
  protected scopeOf(user: AdminUserView): { agency: string | null; code: string | null } {
    const agency = user.agencyId
      ? (this.agencyNames().get(user.agencyId) ?? this.i18n.t('home.scope.agencyUnknown'))
      : null;
    return { agency, code: user.villageCode ?? user.regionCode ?? null };
  }

  protected editUser(): AdminUserView | null {
    const e = this.editing();
    return e === 'new' ? null : e;
  }
}
