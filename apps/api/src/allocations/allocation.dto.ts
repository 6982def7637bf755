import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUDGET_SOURCES, BUDGET_STAGES, VILLAGE_FUND_SOURCES, type BudgetSource, type BudgetStage, type VillageFundSource } from '@sinergi/contracts';
import { Type } from 'class-transformer';
import { Allow, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REGION_CODE } from '../common/patterns';

/*
 * Shapes only. Which fields a source needs, the code formats and the money rules are in
 * libs/domain/allocation/input.ts, which names the field that is wrong.
 */

const MONEY = { oneOf: [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer', minimum: 0 }], example: '150000000' };

export class AllocationDto {
  @ApiProperty({ enum: BUDGET_SOURCES })
  @IsIn(BUDGET_SOURCES)
  source!: BudgetSource;

  @ApiProperty({ example: 2026 })
  @IsInt()
  fiscalYear!: number;

  @ApiProperty(MONEY)
  @Allow()
  amount!: string | number;

  @ApiPropertyOptional({ description: 'APBD (and optionally APBN/OTHER): the agency whose budget it is' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: '53.01.06.2015', description: 'APBDES: the desa' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'bukan kode wilayah' })
  villageCode?: string;

  @ApiPropertyOptional({ example: 'Kementerian Sosial (dekonsentrasi)', description: 'APBN/OTHER: who funds it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  funder?: string;

  @ApiPropertyOptional({ example: '1.06.03.2.01.0003', description: 'APBD sub kegiatan or APBDes kegiatan (4.4.02 or 04.04.02.)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  budgetCode?: string;

  @ApiPropertyOptional({ example: '5.1.02.01.01.0024', description: 'Any of the three spellings; stored canonical, the original kept' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  accountCode?: string;

  @ApiPropertyOptional({ enum: VILLAGE_FUND_SOURCES })
  @IsOptional()
  @IsString()
  fundSource?: VillageFundSource;

  @ApiPropertyOptional({ enum: BUDGET_STAGES })
  @IsOptional()
  @IsString()
  stage?: BudgetStage;

  @ApiPropertyOptional({ example: 50, description: 'Part of the line for this activity, percent with at most 2 decimals' })
  @IsOptional()
  @Allow()
  sharePercent?: number;

  @ApiPropertyOptional({ ...MONEY, description: 'Or a fixed sum of the line for this activity' })
  @IsOptional()
  @Allow()
  taggedAmount?: string | number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class TagDto {
  @ApiProperty()
  @IsUUID()
  activityId!: string;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Allow()
  sharePercent?: number;

  @ApiPropertyOptional(MONEY)
  @IsOptional()
  @Allow()
  taggedAmount?: string | number;
}

export class UpdateTagDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Allow()
  sharePercent?: number;

  @ApiPropertyOptional(MONEY)
  @IsOptional()
  @Allow()
  taggedAmount?: string | number;
}

export class StageDto {
  @ApiProperty({ enum: BUDGET_STAGES })
  @IsIn(BUDGET_STAGES)
  stage!: BudgetStage;

  @ApiProperty(MONEY)
  @Allow()
  amount!: string | number;
}

export class RealisedDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ ...MONEY, nullable: true })
  @Allow()
  q1?: string | number | null;

  @ApiPropertyOptional({ ...MONEY, nullable: true })
  @Allow()
  q2?: string | number | null;

  @ApiPropertyOptional({ ...MONEY, nullable: true })
  @Allow()
  q3?: string | number | null;

  @ApiPropertyOptional({ ...MONEY, nullable: true })
  @Allow()
  q4?: string | number | null;
}

export class FiscalYearQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;
}

export class LineQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: '53.01.06.2015' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'bukan kode wilayah' })
  villageCode?: string;

  @ApiPropertyOptional({ description: 'Lines tagged to activities of this plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

/** POST /api/villages/:code/apbdes/import?dryRun=true: check and show, write nothing. */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check the file and show what would change, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
