import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '@sinergi/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { BIDANG_URUSAN, GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE, MSG_REGION_CODE, REGION_CODE } from '../common/patterns';


export class AgencyQueryDto {
  @ApiPropertyOptional({ example: '53.01' })
  @IsOptional()
  @Matches(REGION_CODE, { message: MSG_REGION_CODE })
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
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
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
