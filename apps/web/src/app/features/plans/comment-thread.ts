import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { CommentView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { fieldLabel } from './plan-utils';
import { PlansApi } from './plans.api';

type ThreadState = { status: 'loading' } | { status: 'ok'; items: CommentView[] } | { status: 'error'; error: ApiError };

const MAX_BODY = 5000;

/**
 * The discussion of a proposal or an activity: comments with replies one level deep. `url` is the
 * thread's endpoint (`proposalCommentsUrl(id)`, `activityCommentsUrl(id)`); `key` makes the ids of
 * its inputs unique on the page.
 */
@Component({
  selector: 'app-comment-thread',
  imports: [TPipe, Icon, ErrorAlert, FormatDatePipe, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="thread" [attr.aria-label]="label() ? null : ('comments.title' | t)" [attr.aria-labelledby]="label() ? 'thread-' + key() : null">
      @if (label(); as l) {
        <h4 class="thread-title" [id]="'thread-' + key()">{{ l }}</h4>
      }
      <app-list-status [state]="state()" emptyText="comments.none" [retryable]="false" [compact]="true" />
      @if (threads().length) {
        <ul class="comments">
          @for (th of threads(); track th.comment.id) {
            <li data-testid="comment">
              <div class="comment">
                <p class="meta">
                  <strong>{{ th.comment.author.name }}</strong>
                  @if (th.comment.author.agencyName) {
                    <span class="muted"> · {{ th.comment.author.agencyName }}</span>
                  }
                  <span class="muted"> · {{ th.comment.createdAt | fdate: true }}</span>
                </p>
                <p class="body">{{ th.comment.body }}</p>
                @if (canComment() && replyTo() !== th.comment.id) {
                  <button type="button" class="btn btn-ghost btn-sm" (click)="startReply(th.comment.id)">
                    {{ 'comments.reply' | t }}
                  </button>
                }
              </div>
              @if (th.replies.length || replyTo() === th.comment.id) {
                <ul class="replies">
                  @for (r of th.replies; track r.id) {
                    <li class="comment" data-testid="comment-reply">
                      <p class="meta">
                        <strong>{{ r.author.name }}</strong>
                        @if (r.author.agencyName) {
                          <span class="muted"> · {{ r.author.agencyName }}</span>
                        }
                        <span class="muted"> · {{ r.createdAt | fdate: true }}</span>
                      </p>
                      <p class="body">{{ r.body }}</p>
                    </li>
                  }
                  @if (replyTo() === th.comment.id) {
                    <li>
                      <form class="compose" (submit)="$event.preventDefault(); send(th.comment.id)" novalidate>
                        <label class="sr-only" [for]="'reply-' + th.comment.id">{{ 'comments.replyLabel' | t: { name: th.comment.author.name } }}</label>
                        <textarea
                          class="input"
                          rows="2"
                          [attr.maxlength]="maxBody"
                          [id]="'reply-' + th.comment.id"
                          [value]="replyText()"
                          (input)="replyText.set(value($event))"
                          (keydown.escape)="$event.stopPropagation(); replyTo.set(null)"
                          [attr.aria-invalid]="replyProblem() ? 'true' : null"
                        ></textarea>
                        @if (replyProblem(); as e) {
                          <p class="error small">{{ e }}</p>
                        }
                        <div class="compose-actions">
                          <button type="submit" class="btn btn-sm btn-primary" [disabled]="sending()">{{ 'comments.sendReply' | t }}</button>
                          <button type="button" class="btn btn-sm" (click)="replyTo.set(null)">{{ 'common.cancel' | t }}</button>
                        </div>
                      </form>
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ul>
      }
      @if (canComment()) {
        <form class="compose" (submit)="$event.preventDefault(); send(null)" novalidate>
          <label [for]="'comment-' + key()">{{ 'comments.new' | t }}</label>
          <textarea
            class="input"
            rows="2"
            data-testid="comment-body"
            [attr.maxlength]="maxBody"
            [id]="'comment-' + key()"
            [value]="text()"
            (input)="text.set(value($event))"
            [attr.aria-invalid]="problem() ? 'true' : null"
            [attr.aria-describedby]="problem() ? 'comment-error-' + key() : null"
          ></textarea>
          @if (problem(); as e) {
            <p class="error small" [id]="'comment-error-' + key()">{{ e }}</p>
          }
          <div class="compose-actions">
            <button type="submit" class="btn btn-sm btn-primary" data-testid="comment-submit" [disabled]="sending()">
              <app-icon name="message" [size]="16" />{{ (sending() ? 'common.saving' : 'comments.send') | t }}
            </button>
          </div>
        </form>
      }
      @if (sendError(); as err) {
        <app-error-alert [error]="err" [shownFields]="['body']" [fieldLabel]="labelFor" />
      }
    </section>
  `,
  styles: `
    .thread { border-top: 1px solid var(--c-border); margin-top: 12px; padding-top: 12px; }
    .thread-title { margin: 0 0 8px; font-size: .95rem; }
    .comments, .replies { list-style: none; margin: 0; padding: 0; }
    .comments > li + li { margin-top: 10px; }
    .replies { margin: 6px 0 0 22px; padding-left: 12px; border-left: 2px solid var(--c-border); }
    .replies > li + li { margin-top: 8px; }
    .comment .meta { margin: 0; font-size: .85rem; }
    .comment .body { margin: 2px 0 0; white-space: pre-line; overflow-wrap: anywhere; }
    .comment .btn-ghost { padding: 2px 6px; min-height: 26px; color: var(--c-primary); }
    .compose { margin-top: 12px; display: flex; flex-direction: column; gap: 6px; }
    .compose label { font-weight: 600; font-size: .88rem; }
    .compose-actions { display: flex; gap: 6px; }
    .error { color: var(--c-danger); margin: 0; }
  `,
})
export class CommentThread {
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  /** `GET` lists the thread, `POST` adds to it (`{body, parentId?}` → CommentView). */
  readonly url = input.required<string>();
  /** Makes the ids of the thread's inputs unique (`comment-<key>`). */
  readonly key = input.required<string>();
  /** A visible heading for the thread; without it the thread is named "Diskusi" for screen readers only. */
  readonly label = input<string | null>(null);
  readonly canComment = input(false);
  /** The number of comments after a new one was posted. */
  readonly counted = output<number>();

  protected readonly maxBody = MAX_BODY;
  protected readonly state = signal<ThreadState>({ status: 'loading' });
  protected readonly text = signal('');
  protected readonly replyTo = signal<string | null>(null);
  protected readonly replyText = signal('');
  protected readonly attempted = signal<'new' | 'reply' | null>(null);
  protected readonly sending = signal(false);
  protected readonly sendError = signal<ApiError | null>(null);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));

  protected readonly threads = computed(() => {
    const s = this.state();
    if (s.status !== 'ok') return [];
    const top = s.items.filter((c) => !c.parentId || !s.items.some((p) => p.id === c.parentId));
    const byParent = new Map<string, CommentView[]>();
    for (const c of s.items) {
      if (!c.parentId) continue;
      // A reply to a reply is shown under the thread it belongs to (one level deep).
      let root = s.items.find((p) => p.id === c.parentId);
      while (root?.parentId) root = s.items.find((p) => p.id === root!.parentId) ?? undefined;
      if (!root) continue;
      byParent.set(root.id, [...(byParent.get(root.id) ?? []), c]);
    }
    const byTime = (a: CommentView, b: CommentView) => a.createdAt.localeCompare(b.createdAt);
    return top.sort(byTime).map((comment) => ({ comment, replies: (byParent.get(comment.id) ?? []).sort(byTime) }));
  });

  protected readonly problem = computed(() => (this.attempted() === 'new' && !this.text().trim() ? this.i18n.t('comments.empty') : null));
  protected readonly replyProblem = computed(() =>
    this.attempted() === 'reply' && !this.replyText().trim() ? this.i18n.t('comments.empty') : null,
  );

  constructor() {
    effect(() => {
      const url = this.url();
      untracked(() => this.load(url));
    });
  }

  private load(url: string): void {
    this.state.set({ status: 'loading' });
    this.api.comments(url).subscribe({
      next: (items) => {
        if (this.url() === url) this.state.set({ status: 'ok', items });
      },
      error: (error: ApiError) => {
        if (this.url() === url) this.state.set({ status: 'error', error });
      },
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected startReply(id: string): void {
    this.replyTo.set(id);
    this.replyText.set('');
    this.attempted.set(null);
    setTimeout(() => document.getElementById(`reply-${id}`)?.focus());
  }

  protected send(parentId: string | null): void {
    const body = (parentId ? this.replyText() : this.text()).trim();
    this.attempted.set(parentId ? 'reply' : 'new');
    this.sendError.set(null);
    if (!body) return;
    this.sending.set(true);
    this.api.comment(this.url(), { body, ...(parentId ? { parentId } : {}) }).subscribe({
      next: (comment) => {
        this.sending.set(false);
        this.attempted.set(null);
        if (parentId) {
          this.replyTo.set(null);
          this.replyText.set('');
        } else this.text.set('');
        const s = this.state();
        const items = s.status === 'ok' ? [...s.items, comment] : [comment];
        this.state.set({ status: 'ok', items });
        this.counted.emit(items.length);
      },
      error: (error: ApiError) => {
        this.sending.set(false);
        this.sendError.set(error);
      },
    });
  }
}
