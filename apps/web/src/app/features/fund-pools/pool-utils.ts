import type { DrawdownStatus, LedgerEntryView, LedgerKind, PoolApprover, PoolBalances, PoolSourceType } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { describeError } from '../../core/error-messages';
import { formatCount, formatMoney } from '../../core/format';
import type { Lang, TKey } from '../../core/i18n';

/* Labels and small rules shared by the tactical fund screens. The server decides; these only shape what is offered. */

export const DRAWDOWN_STATUS_LABEL: Record<DrawdownStatus, TKey> = {
  requested: 'fundPools.status.requested',
  approved: 'fundPools.status.approved',
  rejected: 'fundPools.status.rejected',
  disbursed: 'fundPools.status.disbursed',
  settled: 'fundPools.status.settled',
  cancelled: 'fundPools.status.cancelled',
};

/** Chip colour per status (classes of styles.css). */
export const DRAWDOWN_STATUS_CLASS: Record<DrawdownStatus, string> = {
  requested: 'badge badge-warning',
  approved: 'badge',
  rejected: 'badge badge-danger',
  disbursed: 'badge badge-success',
  settled: 'badge badge-success',
  cancelled: 'badge badge-muted',
};

/** The order of the filter chips of the approval queue. */
export const DRAWDOWN_FILTERS = ['all', 'requested', 'approved', 'disbursed', 'settled', 'rejected', 'cancelled'] as const;
export type DrawdownFilter = (typeof DRAWDOWN_FILTERS)[number];

export const LEDGER_KIND_LABEL: Record<LedgerKind, TKey> = {
  PLEDGE: 'fundPools.kind.PLEDGE',
  RECEIPT: 'fundPools.kind.RECEIPT',
  COMMIT: 'fundPools.kind.COMMIT',
  RELEASE: 'fundPools.kind.RELEASE',
  DISBURSE: 'fundPools.kind.DISBURSE',
  REVERSAL: 'fundPools.kind.REVERSAL',
  CARRY_OUT: 'fundPools.kind.CARRY_OUT',
  CARRY_IN: 'fundPools.kind.CARRY_IN',
};

export const SOURCE_LABEL: Record<PoolSourceType, TKey> = {
  HOLDER_APBD: 'fundPools.source.HOLDER_APBD',
  BTT: 'fundPools.source.BTT',
  APBDES: 'fundPools.source.APBDES',
  APBN: 'fundPools.source.APBN',
  CSR: 'fundPools.source.CSR',
  PARTNER: 'fundPools.source.PARTNER',
  OTHER: 'fundPools.source.OTHER',
};

export const APPROVER_LABEL: Record<PoolApprover, TKey> = {
  holder: 'fundPools.approver.holder',
  planner: 'fundPools.approver.planner',
  holder_or_planner: 'fundPools.approver.holder_or_planner',
};

export type BalanceKind = keyof PoolBalances;

/** The balance cards, in the order money flows through a pool. */
export const BALANCE_CARDS: readonly { kind: BalanceKind; label: TKey; hint: TKey }[] = [
  { kind: 'expected', label: 'fundPools.balance.expected', hint: 'fundPools.balance.expected.hint' },
  { kind: 'received', label: 'fundPools.balance.received', hint: 'fundPools.balance.received.hint' },
  { kind: 'committed', label: 'fundPools.balance.committed', hint: 'fundPools.balance.committed.hint' },
  { kind: 'disbursed', label: 'fundPools.balance.disbursed', hint: 'fundPools.balance.disbursed.hint' },
  { kind: 'available', label: 'fundPools.balance.available', hint: 'fundPools.balance.available.hint' },
  { kind: 'reserve', label: 'fundPools.balance.reserve', hint: 'fundPools.balance.reserve.hint' },
];

/** Entries a manager may undo: a pledge, a receipt or a disbursement not yet reversed. */
export function isReversible(entry: LedgerEntryView): boolean {
  return (entry.kind === 'PLEDGE' || entry.kind === 'RECEIPT' || entry.kind === 'DISBURSE') && !entry.reversedBy;
}

/** `30.000.000` → `"30000000"`; null when it is not a whole, positive Rupiah amount. */
export function parseAmount(text: string): string | null {
  const cleaned = text.replace(/^\s*rp\.?/i, '').replace(/[\s.\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const digits = cleaned.replace(/^0+(?=\d)/, '');
  return digits === '0' ? null : digits;
}

/** Compares two digit strings without a float. */
export function exceeds(amount: string, limit: string): boolean {
  return amount.length !== limit.length ? amount.length > limit.length : amount > limit;
}

/** A percentage typed with a comma or a point (`20`, `12,5`), 0–100 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value <= 100 ? value : null;
}

/** The rules typed as text, in the create form and the rules dialog. */
export interface RuleText {
  /** Rupiah with or without dots; empty for no limit. */
  max: string;
  /** Percent with a comma or a point; empty for 0. */
  reserve: string;
}

export type RuleTextField = 'maxPerDrawdown' | 'reservePercent';

/** What is wrong with the typed rules, per API field (the message key); empty when they can be sent. */
export function ruleProblems(rules: RuleText): Partial<Record<RuleTextField, TKey>> {
  const p: Partial<Record<RuleTextField, TKey>> = {};
  if (rules.max.trim() && !parseAmount(rules.max)) p.maxPerDrawdown = 'fundPools.form.amountInvalid';
  if (parsePercent(rules.reserve) === null) p.reservePercent = 'fundPools.form.percentInvalid';
  return p;
}

/** The limit to send: its digits, or null for no limit (an empty field). Check {@link ruleProblems} first. */
export function maxToSend(max: string): string | null {
  return max.trim() ? parseAmount(max) : null;
}

/** The rules' API fields named for people (the error list of a rejected save). */
export const RULE_FIELD_LABEL: Record<string, TKey> = {
  maxPerDrawdown: 'fundPools.form.max',
  reservePercent: 'fundPools.form.reserve',
  eligibleStrategies: 'fundPools.form.strategies',
  approver: 'fundPools.form.approver',
};

/** Under the limit field: the amount as read (`Rp 75.000.000`), or null while empty or not an amount. */
export function maxPreview(max: string): string | null {
  const digits = maxToSend(max);
  return digits ? formatMoney(digits) : null;
}

/** A saved rule back into its field: `75000000` → `75.000.000`, `12.5` → `12,5` in Indonesian. */
export function ruleText(rules: { maxPerDrawdown?: string; reservePercent: number }, lang: Lang): RuleText {
  const reserve = rules.reservePercent ? String(rules.reservePercent) : '';
  return { max: rules.maxPerDrawdown ? formatCount(rules.maxPerDrawdown) : '', reserve: lang === 'id' ? reserve.replace('.', ',') : reserve };
}

export function formatPercent(value: number, lang: Lang): string {
  return `${value.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 })} %`;
}

/**
 * What to say about a failed action on a pool. The server's own sentence is the most precise for an
 * insufficient balance (always shown) and, in Indonesian, for a conflict or a refusal; otherwise the
 * message for the error's code.
 */
export function poolErrorMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiError && error.message && !/^HTTP \d+$/.test(error.message)) {
    if (error.code === 'INSUFFICIENT_FUNDS') return error.message;
    if (lang === 'id' && (error.code === 'CONFLICT' || error.code === 'FORBIDDEN')) return error.message;
  }
  return describeError(error, lang).message;
}

/** `{ usable, requested }` of a 422 INSUFFICIENT_FUNDS, formatted; null for any other error. */
export function insufficientAmounts(error: unknown): { usable: string; requested: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'INSUFFICIENT_FUNDS') return null;
  const details = error.details as { usable?: unknown; requested?: unknown } | undefined;
  if (!details || Array.isArray(details) || typeof details.usable !== 'string' || typeof details.requested !== 'string') return null;
  return { usable: formatMoney(details.usable), requested: formatMoney(details.requested) };
}

/** A file name for the statement: `dana-taktis-<name>-<year>.xlsx`. */
export function statementFileName(name: string, year: number): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${slug || 'dana-taktis'}-${year}.xlsx`;
}

export function isoToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
