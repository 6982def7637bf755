import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GAP_FLAGS, type GapFlag } from '@sinergi/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE, REGION_CODE } from '../common/patterns';

export class GapQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year when it is in the plan period, else the first year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  strategyCode?: number;

  @ApiPropertyOptional({ description: 'Activities this agency leads' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: '53.01.06', description: 'Activities located in (or over) this region' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'bukan kode wilayah' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: GAP_FLAGS })
  @IsOptional()
  @IsIn(GAP_FLAGS)
  flag?: GapFlag;
}

export class RollupQueryDto {
  @ApiPropertyOptional({ example: '53', description: 'A province (its plan and its regencies\' plans) or a regency; omitted: every plan' })
  @IsOptional()
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode?: string;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;
}
