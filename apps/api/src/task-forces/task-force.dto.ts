import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE } from '../common/patterns';

export class TaskForceQueryDto {
  @ApiPropertyOptional({ example: '53.01' })
  @IsOptional()
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode?: string;
}

export class CreateTaskForceDto {
  @ApiProperty({ example: '53.01' })
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode!: string;

  @ApiProperty({ example: 'Gugus Tugas PP-TPPO Kabupaten Kupang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ example: 'SK Bupati Kupang No. 123/2025' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  legalBasis?: string;
}

export class AddMemberDto {
  @ApiProperty()
  @IsUUID()
  agencyId!: string;
}
