import { DOCUMENT, ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { NAV_ITEMS, ROLE_LABEL, canOpen } from '../core/access';
import { AuthStore } from '../core/auth.store';
import { I18n, TPipe } from '../core/i18n';
import { AuthApi } from '../features/auth/auth.api';
import { Icon } from '../shared/icon';
import { NotificationBell } from './notification-bell';

@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, Icon, TPipe, NotificationBell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  host: { '(document:keydown.escape)': 'closeNav()' },
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  private readonly authApi = inject(AuthApi);
  private readonly document = inject(DOCUMENT);

  protected readonly navOpen = signal(false);
  protected readonly items = computed(() => NAV_ITEMS.filter((item) => canOpen(this.auth.role(), item)));
  protected readonly roleLabel = ROLE_LABEL;

  constructor() {
    const destroyRef = inject(DestroyRef);
    inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationEnd), takeUntilDestroyed(destroyRef))
      .subscribe(() => this.navOpen.set(false));

    // The stored user may be stale (role or scope changed by an admin): refresh it once per visit.
    // A 401 here ends the session through the Api wrapper.
    this.authApi
      .me()
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe({ next: (user) => this.auth.setUser(user), error: () => undefined });
  }

  protected toggleNav(): void {
    this.navOpen.update((open) => !open);
  }

  protected closeNav(): void {
    this.navOpen.set(false);
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  protected logout(): void {
    this.auth.signOut();
  }
}
