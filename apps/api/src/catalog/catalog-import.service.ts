import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CatalogImportResult, CatalogKind, ImportError } from '@sinergi/contracts';
import { CatalogRowValidator, DomainError } from '@sinergi/domain';
import { CatalogStore } from '@sinergi/persistence';
import { CsvError, isSipdNomenclature, NOMENCLATURE_HEADER, readTable, sipdToNomenclatureRows, UnreadableFileError } from '@sinergi/xlsx';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { migrateRetiredLines } from '../allocations/retired-codes';
import { recordAudit } from '../audit/audit';

export interface CatalogImportInput {
  kind: CatalogKind;
  /** The edition's name, e.g. "Kepmendagri 300.2.2-2138/2025"; the same label again updates it. */
  label: string;
  source: string;
  bytes: Buffer;
  actorId: string | null;
  makeCurrent: boolean;
  /** First fiscal year the edition is in force for; kept as it was when not given. */
  inForceFrom?: number;
  /** For a crosswalk: move budget lines on retired codes in the same transaction. */
  migrateTags?: boolean;
}

const MAX_REPORTED_ERRORS = 500;

/**
 * Imports a code list (CSV or xlsx with the columns of REQUIRED_COLUMNS) as a catalogue version.
 * The bundled reference data at start-up and an admin's upload take this same path. Every row is
 * validated first; only a file without errors is written, in one transaction.
 */
@Injectable()
export class CatalogImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static checksum(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** True when this exact file was already imported under this label (start-up skips it). */
  async alreadyImported(kind: CatalogKind, label: string, bytes: Buffer): Promise<boolean> {
    const existing = await new CatalogStore(this.dataSource.manager).findVersion(kind, label);
    return existing?.checksum === CatalogImportService.checksum(bytes);
  }

  async importFile(input: CatalogImportInput): Promise<CatalogImportResult> {
    const validator = new CatalogRowValidator(input.kind);
    let sheet = 'CSV';
    try {
      const table = await readTable(input.bytes);
      sheet = table.sheet;
      // The nomenclature exactly as SIPD exports it is converted to the standard columns first.
      const sipd = input.kind === 'APBD_NOMENCLATURE' && isSipdNomenclature(table.header);
      const header = sipd ? NOMENCLATURE_HEADER : table.header;
      const rows = sipd ? sipdToNomenclatureRows(table.rows) : table.rows;
      if (validator.checkHeader(header)) {
        for await (const { row, values } of rows) validator.accept(row, values);
      }
    } catch (error) {
      if (error instanceof UnreadableFileError || error instanceof CsvError) {
        throw new DomainError('IMPORT_INVALID', `Berkas tidak dapat dibaca: ${error.message}`, []);
      }
      throw error;
    }
    const errors = validator.finish();
    if (errors.length) {
      const details: ImportError[] = errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ sheet, ...e }));
      const more = errors.length > MAX_REPORTED_ERRORS ? ` (${MAX_REPORTED_ERRORS} pertama ditampilkan)` : '';
      throw new DomainError('IMPORT_INVALID', `${errors.length} baris bermasalah; tidak ada yang disimpan${more}`, details);
    }
    const rows = validator.rows.map((r) => r.value);
    return this.dataSource.transaction(async (manager) => {
      const store = new CatalogStore(manager);
      const versionId = await store.saveVersion({
        kind: input.kind,
        label: input.label,
        source: input.source,
        checksum: CatalogImportService.checksum(input.bytes),
        rowCount: rows.length,
        importedBy: input.actorId,
        inForceFrom: input.inForceFrom ?? null,
      });
      const counts = await store.upsert(input.kind, versionId, rows);
      if (input.makeCurrent) await store.makeCurrent(input.kind, versionId);
      if (input.migrateTags && input.kind !== 'APBD_CROSSWALK') {
        throw DomainError.invalidField('migrateTags', 'hanya untuk impor crosswalk (APBD_CROSSWALK)');
      }
      const migration = input.migrateTags ? await migrateRetiredLines(manager, input.actorId) : undefined;
      await recordAudit(manager, {
        actorId: input.actorId,
        entity: 'catalog_version',
        entityId: versionId,
        action: 'import',
        newValue: { kind: input.kind, label: input.label, ...counts, migrated: migration?.migrated.length },
      });
      return { kind: input.kind, label: input.label, ...counts, errors: [], ...(migration ? { migration } : {}) };
    });
  }
}
