import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class TaskForceQueryDto {
  @ApiPropertyOptional({ example: '53.01' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2})?$/, { message: 'harus kode provinsi atau kabupaten/kota' })
  regionCode?: string;
}

export class CreateTaskForceDto {
  @ApiProperty({ example: '53.01' })
  @Matches(/^\d{2}(\.\d{2})?$/, { message: 'harus kode provinsi atau kabupaten/kota' })
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
