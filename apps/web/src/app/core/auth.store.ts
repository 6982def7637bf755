import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginResponse, Role, UserView } from '@sinergi/contracts';

const STORAGE_KEY = 'sinergi.session';

interface Session {
  accessToken: string;
  expiresAt?: string;
  user: UserView;
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return !!s && typeof s.accessToken === 'string' && !!s.user && typeof s.user.role === 'string';
}

function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) && !isExpired(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isExpired(session: Session): boolean {
  if (!session.expiresAt) return false;
  const at = Date.parse(session.expiresAt);
  return Number.isFinite(at) && at <= Date.now();
}

/** The signed-in user and the bearer token, kept in signals and in localStorage. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed<Role | null>(() => this.session()?.user.role ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);

  constructor() {
    // Signing out (or in) in another tab applies here too.
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key === STORAGE_KEY) this.session.set(readSession());
      });
    }
  }

  isAuthenticated(): boolean {
    const session = this.session();
    if (!session) return false;
    if (isExpired(session)) {
      this.clear();
      return false;
    }
    return true;
  }

  hasRole(...roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  signIn(response: LoginResponse): void {
    this.save({ accessToken: response.accessToken, expiresAt: response.expiresAt, user: response.user });
  }

  /** Refreshes the stored user (after `GET /auth/me`) without touching the token. */
  setUser(user: UserView): void {
    const session = this.session();
    if (session) this.save({ ...session, user });
  }

  signOut(): void {
    this.clear();
    void this.router.navigateByUrl('/login');
  }

  /** The server refused the token (401): forget it and ask to sign in again, then come back here. */
  expire(): void {
    const returnUrl = this.router.url;
    this.clear();
    if (returnUrl.startsWith('/login')) return;
    void this.router.navigate(['/login'], {
      queryParams: { returnUrl: returnUrl === '/' ? null : returnUrl, reason: 'expired' },
    });
  }

  private save(session: Session): void {
    this.session.set(session);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      /* storage full or disabled: the session lasts for this page only */
    }
  }

  private clear(): void {
    this.session.set(null);
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* ignore */
    }
  }
}
