import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATALOG_KINDS, type CatalogKind } from '@sinergi/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Form fields that come with the uploaded file (multipart). */
export class CatalogImportDto {
  @ApiProperty({ enum: CATALOG_KINDS })
  @IsIn(CATALOG_KINDS)
  kind!: CatalogKind;

  @ApiProperty({ example: 'Kepmendagri 900.1.15.5-1317/2023' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;

  @ApiProperty({ example: 'Lampiran resmi, diunduh dari JDIH Kemendagri' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  source!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'Make this the version new work uses' })
  @IsOptional()
  @IsIn(['true', 'false'])
  current?: 'true' | 'false';

  @ApiPropertyOptional({ example: 2027, description: 'First fiscal year this edition is in force for (nomenclature)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  inForceFrom?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Crosswalk: move budget lines on retired codes to their new codes now' })
  @IsOptional()
  @IsIn(['true', 'false'])
  migrateTags?: 'true' | 'false';
}
