import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import type { NotificationView } from '@sinergi/contracts';
import { FormatDatePipe } from '../core/format';
import { I18n, TPipe } from '../core/i18n';
import { NotificationsService } from '../core/notifications';
import { Icon } from '../shared/icon';
import { Loading } from '../shared/loading';

const POLL_MS = 60_000;

type PanelState =
  | { status: 'loading' }
  | { status: 'ok'; items: NotificationView[] }
  | { status: 'error' };

/** The bell of the top bar: unread count (polled every minute) and a panel with the latest notifications. */
@Component({
  selector: 'app-notification-bell',
  imports: [Icon, TPipe, FormatDatePipe, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(document:keydown.escape)': 'close(true)',
  },
  template: `
    @let count = service.unread();
    <button
      #bell
      type="button"
      class="btn btn-ghost bell"
      data-testid="notifications"
      aria-haspopup="true"
      aria-controls="notification-panel"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="count ? i18n.t('notifications.labelUnread', { n: count }) : i18n.t('notifications.label')"
      [attr.title]="'notifications.title' | t"
      (click)="toggle()"
    >
      <app-icon name="bell" [size]="20" />
      @if (count > 0) {
        <span class="count" data-testid="notification-count" aria-hidden="true">{{ count > 99 ? '99+' : count }}</span>
      }
    </button>
    @if (open()) {
      <section id="notification-panel" class="panel" role="region" [attr.aria-label]="'notifications.title' | t">
        <header>
          <h2>{{ 'notifications.title' | t }}</h2>
          <button type="button" class="btn btn-sm btn-ghost" [disabled]="!count" (click)="readAll()" data-testid="notifications-read-all">
            <app-icon name="check" [size]="16" />{{ 'notifications.readAll' | t }}
          </button>
        </header>
        @let s = state();
        @switch (s.status) {
          @case ('loading') {
            <app-loading />
          }
          @case ('error') {
            <p class="empty">{{ 'notifications.failed' | t }}</p>
          }
          @case ('ok') {
            @if (s.items.length === 0) {
              <p class="empty">{{ 'notifications.none' | t }}</p>
            } @else {
              <ul>
                @for (n of s.items; track n.id) {
                  <li [class.unread]="!n.readAt" data-testid="notification-item">
                    <button type="button" class="item" (click)="openItem(n)">
                      <span class="title">
                        @if (!n.readAt) {
                          <span class="dot" aria-hidden="true"></span><span class="sr-only">{{ 'notifications.unread' | t }}:</span>
                        }
                        {{ n.title }}
                      </span>
                      @if (n.body) {
                        <span class="body">{{ n.body }}</span>
                      }
                      <span class="time">{{ n.createdAt | fdate: true }}</span>
                    </button>
                  </li>
                }
              </ul>
            }
          }
        }
      </section>
    }
  `,
  styles: `
    :host { position: relative; display: inline-flex; }
    .bell { position: relative; padding: 6px 8px; }
    .count {
      position: absolute; top: 1px; right: 0; min-width: 18px; height: 18px; padding: 0 5px;
      border-radius: 999px; background: var(--c-accent); color: #fff; font-size: .72rem; font-weight: 700;
      display: inline-grid; place-items: center; line-height: 1;
    }
    .panel {
      position: absolute; right: 0; top: calc(100% + 6px); z-index: 50; width: min(380px, calc(100vw - 24px));
      max-height: min(70vh, 520px); overflow-y: auto; color: var(--c-text);
      background: var(--c-surface); border: 1px solid var(--c-border); border-radius: var(--radius-lg); box-shadow: var(--shadow-lg);
    }
    header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid var(--c-border); position: sticky; top: 0; background: var(--c-surface); }
    h2 { font-size: 1rem; margin: 0; flex: 1; }
    header .btn-ghost { color: var(--c-primary); }
    ul { list-style: none; margin: 0; padding: 0; }
    li + li { border-top: 1px solid var(--c-border); }
    .item {
      display: flex; flex-direction: column; gap: 2px; width: 100%; text-align: left; padding: 10px 12px;
      font: inherit; color: inherit; background: none; border: 0; cursor: pointer;
    }
    .item:hover { background: var(--c-surface-2); }
    .item:focus-visible { outline-offset: -3px; }
    li.unread { background: var(--c-primary-soft); }
    .title { font-weight: 600; font-size: .92rem; display: flex; align-items: center; gap: 6px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--c-accent); flex: none; }
    .body { font-size: .86rem; color: var(--c-muted); }
    .time { font-size: .78rem; color: var(--c-muted); }
    .empty, .loading { padding: 16px 12px; margin: 0; color: var(--c-muted); font-size: .9rem; }
    @media (max-width: 640px) { .panel { position: fixed; right: 12px; top: calc(var(--topbar-h) - 4px); } }
  `,
})
export class NotificationBell {
  protected readonly service = inject(NotificationsService);
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly bell = viewChild.required<ElementRef<HTMLButtonElement>>('bell');

  protected readonly open = signal(false);
  protected readonly state = signal<PanelState>({ status: 'loading' });

  constructor() {
    this.service.refresh();
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || !document.hidden) this.service.refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (!document.hidden) this.service.refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  protected toggle(): void {
    if (this.open()) this.close(false);
    else {
      this.open.set(true);
      this.load();
    }
  }

  private load(): void {
    this.state.set({ status: 'loading' });
    this.service.refresh();
    this.service.list().subscribe({
      next: (items) => this.state.set({ status: 'ok', items }),
      error: () => this.state.set({ status: 'error' }),
    });
  }

  protected close(returnFocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (returnFocus) this.bell().nativeElement.focus();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close(false);
  }

  protected readAll(): void {
    this.service.markAllRead().subscribe({
      next: () => {
        const s = this.state();
        if (s.status === 'ok') {
          const now = new Date().toISOString();
          this.state.set({ status: 'ok', items: s.items.map((n) => ({ ...n, readAt: n.readAt ?? now })) });
        }
      },
      error: () => this.service.refresh(),
    });
  }

  protected openItem(n: NotificationView): void {
    if (!n.readAt) {
      this.service.markRead(n.id).subscribe({ error: () => undefined });
      const s = this.state();
      if (s.status === 'ok') {
        const now = new Date().toISOString();
        this.state.set({ status: 'ok', items: s.items.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)) });
      }
    }
    if (n.link) {
      this.open.set(false);
      if (/^https?:\/\//i.test(n.link)) {
        try {
          const url = new URL(n.link);
          if (url.origin === window.location.origin) {
            void this.router.navigateByUrl(url.pathname + url.search + url.hash);
            return;
          }
        } catch {
          /* fall through */
        }
        window.location.href = n.link;
      } else {
        void this.router.navigateByUrl(n.link.startsWith('/') ? n.link : `/${n.link}`);
      }
    }
  }
}
