import { Body, Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { CatalogImportResult, UserView } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';
import { CurrentUser, Roles } from '../common/access.decorators';
import { UPLOAD_LIMITS } from '../common/uploads';
import { CatalogImportDto } from './catalog.dto';
import { CatalogImportService } from './catalog-import.service';

@ApiTags('catalogs')
@ApiBearerAuth()
@Controller('catalogs')
export class CatalogController {
  constructor(private readonly imports: CatalogImportService) {}

  /** An admin loads a full official code list (CSV or xlsx, same columns as the bundled lists). */
  @Roles('admin')
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  importCatalog(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: CatalogImportDto,
    @CurrentUser() user: UserView,
  ): Promise<CatalogImportResult> {
    if (!file) throw DomainError.invalidField('file', 'unggah berkas CSV atau xlsx di kolom "file"');
    return this.imports.importFile({
      kind: body.kind,
      label: body.label.trim(),
      source: body.source.trim(),
      bytes: file.buffer,
      actorId: user.id,
      makeCurrent: body.current !== 'false',
      inForceFrom: body.inForceFrom,
      migrateTags: body.migrateTags === 'true',
    });
  }
}
