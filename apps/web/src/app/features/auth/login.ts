import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { AuthApi } from './auth.api';

interface DemoAccount {
  email: string;
  role: TKey;
  scope: string;
}

/** The demo workspace of API-CONTRACT.md (seeded only in demo mode). */
const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.sinergi.id', role: 'role.admin', scope: '–' },
  { email: 'bappeda@demo.sinergi.id', role: 'role.planner', scope: 'Kabupaten Kupang (53.01)' },
  { email: 'dp3a@demo.sinergi.id', role: 'role.agency', scope: 'DP3A' },
  { email: 'dinsos@demo.sinergi.id', role: 'role.agency', scope: 'Dinas Sosial' },
  { email: 'desa.oesao@demo.sinergi.id', role: 'role.village', scope: 'Desa Oesao (53.01.06.2015)' },
  { email: 'lsm@demo.sinergi.id', role: 'role.member', scope: 'LSM' },
];
export const DEMO_PASSWORD = 'sinergi-demo';

/** Only a same-site path, never `//evil.example` or `https://…`. */
function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}

@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, TPipe, Icon, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.html',
  styleUrl: './login.css',
})
export class Login {
  private readonly authApi = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  /** Query parameters (router input binding). */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly submitting = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly demoAccounts = DEMO_ACCOUNTS;
  protected readonly demoPassword = DEMO_PASSWORD;
  /** Hidden only when the server says explicitly that it is not in demo mode. */
  protected readonly showDemo = signal(true);

  /** On this page a 401 means wrong credentials, not an ended session. */
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    if (!error) return null;
    if (error.code === 'UNAUTHENTICATED') return this.i18n.t('login.wrongCredentials');
    if (error.code === 'TOO_MANY_REQUESTS') return this.i18n.t('login.throttled');
    return null;
  });

  constructor() {
    this.authApi
      .health()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (h) => this.showDemo.set(h?.demo !== false), error: () => undefined });
  }

  protected fieldInvalid(name: 'email' | 'password'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  protected useDemo(email: string): void {
    this.form.setValue({ email, password: DEMO_PASSWORD });
    this.error.set(null);
    document.getElementById('password')?.focus();
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.form.invalid || this.submitting()) {
      const firstInvalid = this.form.controls.email.invalid ? 'email' : 'password';
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.authApi.login({ email: email.trim(), password }).subscribe({
      next: (response) => {
        this.auth.signIn(response);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: ApiError) => {
        this.error.set(error);
        this.submitting.set(false);
      },
    });
  }
}
