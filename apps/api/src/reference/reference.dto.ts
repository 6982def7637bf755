import { ApiPropertyOptional } from '@nestjs/swagger';
import { APBD_CODE_LEVELS, APBDES_CODE_LEVELS, BUDGET_CODE_KINDS, REGION_LEVELS, type BudgetCodeKind, type GovernmentLevel, type RegionLevel } from '@sinergi/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalIntQuery } from '../common/limit';
import { MSG_REGION_CODE, REGION_CODE } from '../common/patterns';


export class RegionQueryDto {
  @ApiPropertyOptional({ description: 'List the children of this region code (no parent: the provinces)', example: '53.01' })
  @IsOptional()
  @Matches(REGION_CODE, { message: MSG_REGION_CODE })
  parent?: string;

  @ApiPropertyOptional({ description: 'Search by name: every word must match the start of a word of the name', example: 'oesao' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @ApiPropertyOptional({ description: 'Only regions inside this code (with q)', example: '53.01' })
  @IsOptional()
  @Matches(REGION_CODE, { message: MSG_REGION_CODE })
  within?: string;

  @OptionalIntQuery(1, 100, 20)
  limit?: number;
}

export class BudgetCodeQueryDto {
  @ApiPropertyOptional({ description: 'Words of an activity title, or the start of a code', example: 'pemulangan korban' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: BUDGET_CODE_KINDS, default: 'APBD' })
  @IsOptional()
  @IsIn(BUDGET_CODE_KINDS)
  kind?: BudgetCodeKind;

  @ApiPropertyOptional({ enum: [...APBD_CODE_LEVELS, ...APBDES_CODE_LEVELS] })
  @IsOptional()
  @IsIn([...APBD_CODE_LEVELS, ...APBDES_CODE_LEVELS])
  level?: string;

  @ApiPropertyOptional({ enum: ['province', 'regency'] })
  @IsOptional()
  @IsIn(['province', 'regency'])
  governmentLevel?: GovernmentLevel;

  @OptionalIntQuery(1, 100, 20)
  limit?: number;
}
