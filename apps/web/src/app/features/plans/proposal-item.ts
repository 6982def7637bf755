import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import type { ActivityInput, ProposalView } from '@sinergi/contracts';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { Icon } from '../../shared/icon';
import { PlanStore } from './plan-store';
import {
  PROPOSAL_KIND_LABEL,
  PROPOSAL_STATUS_CLASS,
  PROPOSAL_STATUS_LABEL,
  ReadableChange,
  endorserKeyOf,
  findActivity,
  readableChanges,
  sumDigits,
} from './plan-utils';
import { CommentThread } from './comment-thread';
import { proposalCommentsUrl } from './plans.api';

export type ProposalAction = 'endorse' | 'unendorse' | 'accept' | 'reject' | 'carry' | 'withdraw' | 'repropose';

/** One proposal: what it asks, who asked and supports it, the decision, and its discussion. */
@Component({
  selector: 'app-proposal-item',
  imports: [TPipe, Icon, MoneyPipe, FormatDatePipe, CommentThread],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './proposal-item.html',
  styleUrl: './proposal-item.css',
})
export class ProposalItem {
  protected readonly store = inject(PlanStore);
  private readonly i18n = inject(I18n);

  readonly proposal = input.required<ProposalView>();
  /** Carried in from an earlier plan: shown, not acted on here. */
  readonly carried = input(false);
  readonly busy = input<ProposalAction | null>(null);
  readonly message = input<{ text: string; kind: 'error' | 'success' | 'info' } | null>(null);
  readonly action = output<ProposalAction>();

  protected readonly kindLabel = PROPOSAL_KIND_LABEL;
  protected readonly statusLabel = PROPOSAL_STATUS_LABEL;
  protected readonly statusClass = PROPOSAL_STATUS_CLASS;

  protected readonly showComments = signal(false);
  protected readonly commentsUrl = computed(() => proposalCommentsUrl(this.proposal().id));
  protected readonly commentCount = linkedSignal(() => this.proposal().commentCount);

  protected readonly isOpen = computed(() => this.proposal().status === 'open' && !this.carried());
  protected readonly isMine = computed(() => this.proposal().proposer.id === this.store.user()?.id);
  /** The user's organisation (agency or desa) is among the endorsers. */
  protected readonly endorsed = computed(() => {
    const key = endorserKeyOf(this.store.user());
    return !!key && this.proposal().endorsements.some((e) => e.endorserKey === key);
  });
  /** A carried-in proposal for a new activity may be put to this plan again by its planners. */
  protected readonly canRepropose = computed(
    () => this.carried() && this.proposal().kind === 'new_activity' && this.store.isPlanner() && this.store.acceptsProposals(),
  );
  protected readonly canDecide = computed(() => this.isOpen() && this.store.isPlanner() && this.store.openForChange());

  protected readonly activity = computed(() => findActivity(this.store.plan(), this.proposal().activityId));
  protected readonly title = computed(() => {
    const p = this.proposal();
    if (p.kind === 'new_activity') return p.changes.title ?? '–';
    const a = this.activity();
    return a?.title ?? p.changes.title ?? this.i18n.t('proposal.activityGone');
  });
  protected readonly activityCode = computed(() => this.proposal().activityCode ?? this.activity()?.code ?? null);
  protected readonly newTotal = computed(() => sumDigits(Object.values(this.proposal().changes.costs ?? {})));
  protected readonly strategy = computed(() => {
    const code = this.proposal().changes.strategyCode;
    return code ? this.store.strategyName(code) : null;
  });

  /** An amendment's fields, current value → proposed value. */
  protected readonly amendments = computed<ReadableChange[]>(() => {
    const p = this.proposal();
    if (p.kind !== 'amendment') return [];
    const a = this.activity();
    const changes = Object.entries(p.changes) as [keyof ActivityInput, unknown][];
    return readableChanges(
      changes.map(([field, to]) => ({ field, from: a ? a[field] : undefined, to })),
      {
        t: (k: TKey) => this.i18n.t(k),
        agencyName: (id) => this.store.agencyName(id),
        strategyName: (code) => this.store.strategyName(code),
      },
    );
  });

  protected readonly endorserNames = computed(() => this.proposal().endorsements.map((e) => e.name).join(', '));

  protected toggleComments(): void {
    this.showComments.update((v) => !v);
  }
}
