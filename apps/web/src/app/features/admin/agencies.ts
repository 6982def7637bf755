import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { AGENCY_KINDS, AgencyKind, AgencyView } from '@sinergi/contracts';
import { AGENCY_KIND_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { StatusNotice } from '../../shared/status-notice';
import { TextField } from '../../shared/text-field';
import { AdminRegion, AdminRegionBar } from './admin-region';
import { AgenciesApi, UpdateAgencyRequest } from './agencies.api';

type Field = 'name' | 'shortName' | 'kind' | 'mandates';
/** A bidang urusan code such as `2.08` (or any dotted code of the nomenclature). */
const MANDATE = /^\d+(\.\d+)*$/;

function parseMandates(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((m) => m.trim())
    .filter(Boolean);
}

@Component({
  selector: 'app-admin-agencies',
  imports: [TPipe, Icon, ErrorAlert, AdminRegionBar, DataTable, EmptyState, ListStatus, TextField, StatusNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agencies.html',
  styleUrl: './admin-page.css',
})
export class Agencies {
  private readonly api = inject(AgenciesApi);
  private readonly i18n = inject(I18n);
  protected readonly region = inject(AdminRegion);

  protected readonly kinds = AGENCY_KINDS;
  protected readonly kindLabel = AGENCY_KIND_LABEL;
  protected readonly columns: readonly TableColumn[] = [
    'admin.agencies.name', 'admin.agencies.shortName', 'admin.agencies.kind', 'admin.agencies.mandates',
  ];
  protected readonly shownFields: readonly string[] = ['name', 'shortName', 'kind', 'mandates'];

  /** The agency being edited, `'new'` for the create form, `null` when closed. */
  protected readonly editing = signal<AgencyView | 'new' | null>(null);
  protected readonly name = signal('');
  protected readonly shortName = signal('');
  protected readonly kind = signal<AgencyKind>('opd');
  protected readonly mandates = signal('');
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly formRegion = computed(() => {
    const e = this.editing();
    return e === 'new' || e === null ? this.region.code() : e.regionCode;
  });
  private readonly formEl = viewChild<ElementRef<HTMLFormElement>>('form');

  protected readonly status = computed(() => {
    const list = this.region.agencies();
    if (list.status === 'loading') return this.i18n.t('common.loading');
    if (list.status !== 'ok') return '';
    return this.i18n.plural('admin.agencies.count.one', 'admin.agencies.count.other', list.items.length);
  });

  protected readonly problems = computed<Partial<Record<Field, TKey>>>(() => {
    const p: Partial<Record<Field, TKey>> = {};
    if (!this.name().trim()) p.name = 'form.required';
    if (!this.shortName().trim()) p.shortName = 'form.required';
    if (parseMandates(this.mandates()).some((m) => !MANDATE.test(m))) p.mandates = 'form.mandates';
    return p;
  });

  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    return this.submitted() && local ? this.i18n.t(local) : null;
  }

  /** Older rows may come without `mandates`. */
  protected mandatesOf(agency: AgencyView): string {
    const list = (agency.mandates as string[] | undefined) ?? [];
    return list.length ? list.join(', ') : '–';
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected openNew(): void {
    this.open('new');
  }

  protected edit(agency: AgencyView): void {
    this.open(agency);
  }

  private open(target: AgencyView | 'new'): void {
    const agency = target === 'new' ? null : target;
    this.name.set(agency?.name ?? '');
    this.shortName.set(agency?.shortName ?? '');
    this.kind.set(agency?.kind ?? 'opd');
    this.mandates.set((agency?.mandates ?? []).join(', '));
    this.submitted.set(false);
    this.error.set(null);
    this.notice.set(null);
    this.editing.set(target);
    setTimeout(() => this.formEl()?.nativeElement.querySelector<HTMLElement>('input')?.focus());
  }

  protected cancel(): void {
    this.editing.set(null);
    this.error.set(null);
  }

  protected submit(): void {
    this.submitted.set(true);
    this.error.set(null);
    const first = (Object.keys(this.problems()) as Field[])[0];
    if (first) {
      this.formEl()?.nativeElement.querySelector<HTMLElement>(`#agency-${first}`)?.focus();
      return;
    }
    const editing = this.editing();
    if (!editing) return;
    const mandates = parseMandates(this.mandates());
    this.saving.set(true);
    const request =
      editing === 'new'
        ? this.api.create({
            name: this.name().trim(),
            shortName: this.shortName().trim(),
            kind: this.kind(),
            regionCode: this.region.code(),
            mandates,
          })
        : this.api.update(editing.id, this.changes(editing, mandates));
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.notice.set(this.i18n.t(editing === 'new' ? 'admin.agencies.created' : 'admin.agencies.saved'));
        this.region.reloadAgencies();
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.error.set(error);
      },
    });
  }

  private changes(agency: AgencyView, mandates: string[]): UpdateAgencyRequest {
    const body: UpdateAgencyRequest = { version: agency.version };
    if (this.name().trim() !== agency.name) body.name = this.name().trim();
    if (this.shortName().trim() !== agency.shortName) body.shortName = this.shortName().trim();
    if (this.kind() !== agency.kind) body.kind = this.kind();
    if (mandates.join(',') !== (agency.mandates ?? []).join(',')) body.mandates = mandates;
    return body;
  }

  protected reloadAfterConflict(): void {
    this.editing.set(null);
    this.error.set(null);
    this.region.reloadAgencies();
  }
}
