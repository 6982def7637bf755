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
import { ACTIVITY_PRIORITIES, ACTIVITY_STATUSES, ActivityInput, ActivityPriority, ActivityStatus, ActivityView, YearMap } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { REGION_CODE_PATTERN } from '../regions/regions.api';
import { PlanStore } from './plan-store';
import { ACTIVITY_STATUS_LABEL, PRIORITY_LABEL, costOf, fieldLabel, groupDigits, parseRupiah, parseTarget, sumDigits } from './plan-utils';

export type ActivityFormMode = 'create' | 'edit' | 'propose-new' | 'amend';

export interface ActivityFormValue {
  /** Every field (create, new-activity proposal). */
  full: ActivityInput;
  /** Only what differs from the activity (edit, amendment). */
  changes: Partial<ActivityInput>;
  rationale: string;
}

const TEXT_FIELDS = ['title', 'output', 'indicator', 'unit', 'baseline', 'description'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/**
 * The fields of an activity, for four uses: a planner adds or edits one, a participant proposes a
 * new one or an amendment. Money is typed as digits with or without dots; nothing goes through a float.
 */
@Component({
  selector: 'app-activity-form',
  imports: [TPipe, ErrorAlert, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activity-form.html',
  styleUrl: './activity-form.css',
})
export class ActivityForm {
  protected readonly store = inject(PlanStore);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly mode = input.required<ActivityFormMode>();
  readonly activity = input<ActivityView | null>(null);
  readonly strategyCode = input<number | null>(null);
  readonly saving = input(false);
  readonly error = input<ApiError | null>(null);
  /** Prefix of the input ids: `proposal` gives `#proposal-title`. */
  readonly idPrefix = input('activity');
  /** Put the heading in (false inside a table row that already says what it is). */
  readonly showHeading = input(true);
  /** Replaces the heading of the mode ("Ajukan kembali usulan …"). */
  readonly heading = input<string | null>(null);
  /** Starting values of a new activity or proposal (a carried-in proposal put again); years outside the plan are ignored. */
  readonly prefill = input<Partial<ActivityInput> | null>(null);
  readonly prefillRationale = input('');

  readonly submitted = output<ActivityFormValue>();
  readonly cancelled = output<void>();

  protected readonly priorities = ACTIVITY_PRIORITIES;
  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly priorityLabel = PRIORITY_LABEL;
  protected readonly statusLabel = ACTIVITY_STATUS_LABEL;

  protected readonly isProposal = computed(() => this.mode() === 'propose-new' || this.mode() === 'amend');
  protected readonly isChange = computed(() => this.mode() === 'edit' || this.mode() === 'amend');
  protected readonly years = this.store.years;

  /** Where the fields start: the activity being changed, else the prefill. */
  private readonly source = computed<Partial<ActivityInput> | null>(() => this.activity() ?? this.prefill());

  protected readonly strategy = linkedSignal(() => this.source()?.strategyCode ?? this.strategyCode() ?? 0);
  protected readonly title = linkedSignal(() => this.source()?.title ?? '');
  protected readonly outputText = linkedSignal(() => this.source()?.output ?? '');
  protected readonly indicator = linkedSignal(() => this.source()?.indicator ?? '');
  protected readonly unit = linkedSignal(() => this.source()?.unit ?? '');
  protected readonly baseline = linkedSignal(() => this.source()?.baseline ?? '');
  protected readonly description = linkedSignal(() => this.source()?.description ?? '');
  protected readonly lead = linkedSignal(() => this.source()?.leadAgencyId ?? this.defaultLead());
  protected readonly supporting = linkedSignal<string[]>(() => [...(this.source()?.supportingAgencyIds ?? [])]);
  protected readonly locations = linkedSignal(() => (this.source()?.regionCodes ?? []).join(', '));
  protected readonly priority = linkedSignal<ActivityPriority>(() => this.source()?.priority ?? 'medium');
  protected readonly activityStatus = linkedSignal<ActivityStatus>(() => this.activity()?.status ?? 'active');
  /** An activity shows every year (`0` too); a prefill only its amounts, the rest stay empty. */
  protected readonly costs = linkedSignal<Record<string, string>>(() => {
    const a = this.activity();
    const from = this.prefill()?.costs ?? {};
    const out: Record<string, string> = {};
    for (const y of this.store.years()) {
      const v = from[String(y)];
      out[String(y)] = a ? groupDigits(costOf(a, y)) : v && v !== '0' ? groupDigits(v) : '';
    }
    return out;
  });
  protected readonly targets = linkedSignal<Record<string, string>>(() => {
    const from = this.source()?.targets;
    const out: Record<string, string> = {};
    for (const y of this.store.years()) out[String(y)] = from?.[String(y)] ?? '';
    return out;
  });
  protected readonly rationale = linkedSignal(() => this.prefillRationale());
  protected readonly attempted = signal(false);

  protected readonly strategies = computed(() =>
    (this.store.plan()?.strategies ?? []).map((s) => ({ code: s.code, name: this.store.strategyName(s.code) })),
  );
  protected readonly supportOptions = computed(() => this.store.agencies().filter((a) => a.id !== this.lead()));
  protected readonly total = computed(() =>
    sumDigits(this.store.years().map((y) => parseRupiah(this.costs()[String(y)] ?? '') ?? '0')),
  );

  /** Client checks by field path; the server's `details` use the same paths. */
  protected readonly problems = computed<Record<string, string>>(() => {
    const p: Record<string, string> = {};
    if (!this.strategy()) p['strategyCode'] = this.i18n.t('form.required');
    if (!this.title().trim()) p['title'] = this.i18n.t('form.required');
    if (!this.lead()) p['leadAgencyId'] = this.i18n.t('activity.form.leadRequired');
    for (const y of this.store.years()) {
      if (parseRupiah(this.costs()[String(y)] ?? '') === null) p[`costs.${y}`] = this.i18n.t('money.invalid');
      if (parseTarget(this.targets()[String(y)] ?? '') === null) p[`targets.${y}`] = this.i18n.t('activity.form.targetInvalid');
    }
    const bad = splitCodes(this.locations()).filter((c) => !REGION_CODE_PATTERN.test(c));
    if (bad.length) p['regionCodes'] = this.i18n.t('activity.form.locationsInvalid', { codes: bad.join(', ') });
    return p;
  });

  protected readonly noChanges = computed(() => this.isChange() && Object.keys(this.changes()).length === 0);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k: TKey) => this.i18n.t(k));
  protected readonly shownFields = computed(() => [
    'strategyCode', 'title', 'leadAgencyId', 'regionCodes', 'costs', 'targets',
    ...TEXT_FIELDS, 'changes', 'rationale',
  ]);

  constructor() {
    afterNextRender(() => {
      const first = this.host.nativeElement.querySelector<HTMLElement>(
        this.mode() === 'create' || this.mode() === 'propose-new' ? 'input, select, textarea' : `#${this.idPrefix()}-title`,
      );
      first?.focus();
    });
  }

  private defaultLead(): string {
    const own = this.store.user()?.agencyId;
    return own && this.store.agencyById().has(own) ? own : '';
  }

  protected readonly smallTexts: { field: TextField; label: TKey; max: number; wide?: boolean }[] = [
    { field: 'output', label: 'field.output', max: 1000, wide: true },
    { field: 'indicator', label: 'field.indicator', max: 1000, wide: true },
    { field: 'unit', label: 'field.unit', max: 100 },
    { field: 'baseline', label: 'field.baseline', max: 200 },
  ];

  protected textValue(field: TextField): string {
    return ({ title: this.title, output: this.outputText, indicator: this.indicator, unit: this.unit, baseline: this.baseline, description: this.description })[field]();
  }

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  /** The server's message for a path (also under `changes.` for proposals), else ours after a submit. */
  protected fieldError(path: string): string | null {
    const e = this.error();
    const server = e?.fieldErrors.find((f) => f.path === path || f.path === `changes.${path}`)?.message;
    if (server) return server;
    return this.attempted() ? (this.problems()[path] ?? null) : null;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setText(field: TextField, event: Event): void {
    const v = this.value(event);
    ({ title: this.title, output: this.outputText, indicator: this.indicator, unit: this.unit, baseline: this.baseline, description: this.description })[field].set(v);
  }

  protected setCost(year: number, event: Event): void {
    const v = this.value(event);
    this.costs.update((c) => ({ ...c, [String(year)]: v }));
  }

  /** Shows a valid amount grouped (`150.000.000`) once the person leaves the input. */
  protected tidyCost(year: number): void {
    const parsed = parseRupiah(this.costs()[String(year)] ?? '');
    if (parsed !== null && parsed !== '0') this.costs.update((c) => ({ ...c, [String(year)]: groupDigits(parsed) }));
  }

  protected setTarget(year: number, event: Event): void {
    const v = this.value(event);
    this.targets.update((t) => ({ ...t, [String(year)]: v }));
  }

  protected toggleSupport(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.supporting.update((list) => (checked ? [...new Set([...list, id])] : list.filter((x) => x !== id)));
  }

  private costMap(): YearMap {
    const out: YearMap = {};
    for (const y of this.store.years()) out[String(y)] = parseRupiah(this.costs()[String(y)] ?? '') ?? '0';
    return out;
  }

  private targetMap(): YearMap {
    const out: YearMap = {};
    for (const y of this.store.years()) {
      const t = parseTarget(this.targets()[String(y)] ?? '');
      if (t) out[String(y)] = t;
    }
    return out;
  }

  private full(): ActivityInput {
    const input: ActivityInput = {
      strategyCode: this.strategy(),
      title: this.title().trim(),
      leadAgencyId: this.lead(),
      costs: this.costMap(),
      priority: this.priority(),
    };
    for (const f of ['output', 'indicator', 'unit', 'baseline', 'description'] as const) {
      const v = this.textOf(f);
      if (v) input[f] = v;
    }
    const supporting = this.supporting().filter((id) => id !== this.lead());
    if (supporting.length) input.supportingAgencyIds = supporting;
    const codes = splitCodes(this.locations());
    if (codes.length) input.regionCodes = codes;
    const targets = this.targetMap();
    if (Object.keys(targets).length) input.targets = targets;
    if (this.mode() === 'edit') input.status = this.activityStatus();
    return input;
  }

  private textOf(field: TextField): string {
    return ({ title: this.title, output: this.outputText, indicator: this.indicator, unit: this.unit, baseline: this.baseline, description: this.description })[field]().trim();
  }

  /** Fields that differ from the activity; money and targets compared per year as digit strings. */
  protected readonly changes = computed<Partial<ActivityInput>>(() => {
    const a = this.activity();
    if (!a) return {};
    const out: Partial<ActivityInput> = {};
    if (this.strategy() !== a.strategyCode) out.strategyCode = this.strategy();
    for (const f of TEXT_FIELDS) {
      const v = this.textOf(f);
      if (v !== (a[f] ?? '').trim()) out[f] = v;
    }
    if (this.lead() !== a.leadAgencyId) out.leadAgencyId = this.lead();
    const supporting = this.supporting().filter((id) => id !== this.lead());
    if ([...supporting].sort().join() !== [...(a.supportingAgencyIds ?? [])].sort().join()) out.supportingAgencyIds = supporting;
    const codes = splitCodes(this.locations());
    if (codes.join() !== (a.regionCodes ?? []).join()) out.regionCodes = codes;
    if (this.priority() !== a.priority) out.priority = this.priority();
    if (this.mode() === 'edit' && this.activityStatus() !== a.status) out.status = this.activityStatus();
    const years = this.store.years();
    const costs = this.costMap();
    if (years.some((y) => costs[String(y)] !== costOf(a, y))) out.costs = costs;
    const targets = this.targetMap();
    if (years.some((y) => (targets[String(y)] ?? '') !== (a.targets?.[String(y)] ?? ''))) out.targets = targets;
    return out;
  });

  protected submit(): void {
    this.attempted.set(true);
    const problems = Object.keys(this.problems());
    if (problems.length) {
      const first = problems[0];
      const [head, year] = first.split('.');
      const target =
        head === 'costs' ? `${this.id('cost')}-${year}` :
        head === 'targets' ? `${this.id('target')}-${year}` :
        ({ strategyCode: 'strategy', title: 'title', leadAgencyId: 'lead', regionCodes: 'locations' } as Record<string, string>)[head];
      this.host.nativeElement.querySelector<HTMLElement>(`#${target?.startsWith(this.idPrefix()) ? target : this.id(target ?? 'title')}`)?.focus();
      return;
    }
    if (this.noChanges()) return;
    this.submitted.emit({ full: this.full(), changes: this.changes(), rationale: this.rationale().trim() });
  }
}
