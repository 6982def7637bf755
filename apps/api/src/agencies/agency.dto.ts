import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '@sinergi/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const REGION_CODE = /^\d{2}(\.\d{2})?$/;
const BIDANG_URUSAN = /^([1-9]\.\d{2}|X\.XX)$/;

export class AgencyQueryDto {
  @ApiPropertyOptional({ example: '53.01' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'bukan kode wilayah' })
  regionCode?: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'Dinas Sosial' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'Dinsos' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  shortName!: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind!: AgencyKind;

  @ApiProperty({ example: '53.01', description: 'Province or regency/city code' })
  @Matches(REGION_CODE, { message: 'harus kode provinsi atau kabupaten/kota (contoh 53.01)' })
  regionCode!: string;

  @ApiPropertyOptional({ example: ['1.06'], description: 'Bidang urusan codes the agency may spend under' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(BIDANG_URUSAN, { each: true, message: 'kode bidang urusan seperti 2.08' })
  mandates?: string[];
}

export class UpdateAgencyDto {
  @ApiProperty({ description: 'The version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  shortName?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ example: ['2.08'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(BIDANG_URUSAN, { each: true, message: 'kode bidang urusan seperti 2.08' })
  mandates?: string[];
}
