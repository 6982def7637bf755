import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import {
  AdminUserView,
  AgencyView,
  CreateUserRequest,
  ROLES,
  Role,
  UpdateUserRequest,
} from '@sinergi/contracts';
import { ROLE_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { RegionPicker } from '../../shared/region-picker';
import { AdminApi } from './admin.api';
import { AgencyList } from './admin-region';

type Field = 'email' | 'name' | 'password' | 'role' | 'agencyId' | 'regionCode' | 'villageCode';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A desa code: the last part is 2xxx (1xxx is a kelurahan, which has no APBDes). */
const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.2\d{3}$/;
/** The API's minimum (CreateUserDto / UpdateUserDto). */
export const PASSWORD_MIN = 12;

/** Which scope a role carries, and whether it is required. */
const SCOPE: Record<Role, { agency?: boolean; region?: boolean; village?: boolean; required?: boolean }> = {
  admin: {},
  planner: { region: true, required: true },
  agency: { agency: true, required: true },
  village: { village: true, required: true },
  member: { agency: true },
  viewer: { region: true },
};

@Component({
  selector: 'app-user-form',
  imports: [TPipe, ErrorAlert, RegionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.html',
})
export class UserForm {
  private readonly api = inject(AdminApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly i18n = inject(I18n);

  /** The user to edit; `null` to create one. */
  readonly user = input<AdminUserView | null>(null);
  readonly agencies = input<AgencyList>({ status: 'none' });
  readonly saved = output<AdminUserView | null>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly passwordMin = PASSWORD_MIN;

  protected readonly editing = computed(() => this.user() !== null);
  protected readonly email = linkedSignal(() => this.user()?.email ?? '');
  protected readonly name = linkedSignal(() => this.user()?.name ?? '');
  protected readonly password = linkedSignal(() => (this.user(), ''));
  protected readonly role = linkedSignal<Role>(() => this.user()?.role ?? 'agency');
  protected readonly agencyId = linkedSignal(() => this.user()?.agencyId ?? '');
  protected readonly regionCode = linkedSignal(() => this.user()?.regionCode ?? '');
  protected readonly villageCode = linkedSignal(() => this.user()?.villageCode ?? '');
  protected readonly active = linkedSignal(() => this.user()?.active ?? true);

  protected readonly scope = computed(() => SCOPE[this.role()]);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected readonly agencyOptions = computed(() => {
    const list = this.agencies();
    const items = list.status === 'ok' ? list.items : [];
    // Keep the user's current agency selectable even when it belongs to another region.
    const current = this.user()?.agencyId;
    return current && !items.some((a) => a.id === current)
      ? [...items, { id: current, name: current, shortName: '' } as AgencyView]
      : items;
  });

  /** Client-side checks; the server's `details` are shown the same way. */
  protected readonly problems = computed<Partial<Record<Field, TKey>>>(() => {
    const p: Partial<Record<Field, TKey>> = {};
    const scope = this.scope();
    if (!this.editing()) {
      if (!this.email().trim()) p.email = 'form.required';
      else if (!EMAIL.test(this.email().trim())) p.email = 'form.email';
    }
    if (!this.name().trim()) p.name = 'form.required';
    if (!this.editing() && !this.password()) p.password = 'form.required';
    else if (this.password() && this.password().length < PASSWORD_MIN) p.password = 'form.passwordMin';
    if (scope.agency && scope.required && !this.agencyId()) p.agencyId = 'form.required';
    if (scope.region && scope.required && !this.regionCode()) p.regionCode = 'form.required';
    if (scope.village) {
      if (!this.villageCode()) p.villageCode = 'form.required';
      else if (!DESA_CODE.test(this.villageCode())) p.villageCode = 'form.villageCode';
    }
    return p;
  });

  constructor() {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('input:not([readonly]), select')?.focus());
  }

  /** Message for a field: the server's for that path, else ours once the form was submitted. */
  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    return this.submitted() && local ? this.i18n.t(local, { n: PASSWORD_MIN }) : null;
  }

  protected readonly shownFields: readonly string[] = ['email', 'name', 'password', 'role', 'agencyId', 'regionCode', 'villageCode'];

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected setRole(event: Event): void {
    this.role.set(this.value(event) as Role);
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    const problems = this.problems();
    const first = (Object.keys(problems) as Field[])[0];
    if (first) {
      this.host.nativeElement.querySelector<HTMLElement>(`#user-${first}`)?.focus();
      return;
    }
    this.saving.set(true);
    const user = this.user();
    const request = user ? this.api.updateUser(user.id, this.changes(user)) : this.api.createUser(this.createBody());
    request.subscribe({
      next: (result) => {
        this.saving.set(false);
        this.saved.emit(result ?? null);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.error.set(error);
      },
    });
  }

  private createBody(): CreateUserRequest {
    const scope = this.scope();
    return {
      email: this.email().trim(),
      name: this.name().trim(),
      password: this.password(),
      role: this.role(),
      ...(scope.agency && this.agencyId() ? { agencyId: this.agencyId() } : {}),
      ...(scope.region && this.regionCode() ? { regionCode: this.regionCode() } : {}),
      ...(scope.village && this.villageCode() ? { villageCode: this.villageCode() } : {}),
    };
  }

  /** Only what changed, with `version` for optimistic locking; a scope the new role does not carry is cleared. */
  private changes(user: AdminUserView): UpdateUserRequest {
    const scope = this.scope();
    const body: UpdateUserRequest = { version: user.version };
    if (this.name().trim() !== user.name) body.name = this.name().trim();
    if (this.role() !== user.role) body.role = this.role();
    if (this.active() !== user.active) body.active = this.active();
    if (this.password()) body.password = this.password();
    const scoped = (wanted: boolean | undefined, next: string, previous: string | undefined) =>
      wanted ? (next && next !== (previous ?? '') ? next : next ? undefined : previous ? null : undefined) : previous ? null : undefined;
    const agencyId = scoped(scope.agency, this.agencyId(), user.agencyId);
    const regionCode = scoped(scope.region, this.regionCode(), user.regionCode);
    const villageCode = scoped(scope.village, this.villageCode(), user.villageCode);
    if (agencyId !== undefined) body.agencyId = agencyId;
    if (regionCode !== undefined) body.regionCode = regionCode;
    if (villageCode !== undefined) body.villageCode = villageCode;
    return body;
  }
}
