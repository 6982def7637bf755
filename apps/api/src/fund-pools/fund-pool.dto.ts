import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTRIBUTION_STATUSES,
  DRAWDOWN_STATUSES,
  POOL_APPROVERS,
  POOL_SOURCE_TYPES,
  type ContributionStatus,
  type DrawdownStatus,
  type PoolApprover,
  type PoolSourceType,
} from '@sinergi/contracts';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE, REGION_CODE } from '../common/patterns';

/* Shapes only; money, percentages and the pool's rules are checked in the service and libs/domain. */

const MONEY = { oneOf: [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer', minimum: 0 }], example: '30000000' };

class PoolRulesFields {
  @ApiPropertyOptional({ ...MONEY, nullable: true, description: 'Largest amount per drawdown; empty for no limit' })
  @IsOptional()
  @Allow()
  maxPerDrawdown?: string | number | null;

  @ApiPropertyOptional({ type: [Number], example: [3], description: 'RAN strategies the pool may fund; empty for all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  eligibleStrategies?: number[];

  @ApiPropertyOptional({ enum: POOL_APPROVERS, default: 'holder_or_planner' })
  @IsOptional()
  @IsIn(POOL_APPROVERS)
  approver?: PoolApprover;

  @ApiPropertyOptional({ example: 20, description: 'Emergency reserve: percent of the received money only emergencies may use' })
  @IsOptional()
  @Allow()
  reservePercent?: number;
}

export class CreatePoolDto extends PoolRulesFields {
  @ApiProperty({ example: 'Dana Taktis PP-TPPO Kabupaten Kupang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty()
  @IsUUID()
  holderAgencyId!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear!: number;

  @ApiProperty({ example: '53.01' })
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode!: string;
}

export class UpdatePoolRulesDto extends PoolRulesFields {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class PoolQueryDto {
  @ApiPropertyOptional({ example: '53.01' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'bukan kode wilayah' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  fiscalYear?: number;
}

export class ContributionDto {
  @ApiProperty(MONEY)
  @Allow()
  amount!: string | number;

  @ApiProperty({ enum: POOL_SOURCE_TYPES })
  @IsIn(POOL_SOURCE_TYPES)
  sourceType!: PoolSourceType;

  @ApiProperty({ example: 'DPA DP3A 2026, 2.08.03.2.01.0009' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reference!: string;

  @ApiPropertyOptional({ enum: CONTRIBUTION_STATUSES, default: 'received' })
  @IsOptional()
  @IsIn(CONTRIBUTION_STATUSES)
  status?: ContributionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DrawdownDto {
  @ApiProperty()
  @IsUUID()
  activityId!: string;

  @ApiProperty()
  @IsUUID()
  requestingAgencyId!: string;

  @ApiProperty(MONEY)
  @Allow()
  amount!: string | number;

  @ApiProperty({ example: 'Pemulangan 2 korban dari Batam ke Kupang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  purpose!: string;

  @ApiPropertyOptional({ example: 'Dua perempuan, 19 dan 23 tahun, asal Kupang Timur' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  beneficiaryNote?: string;

  @ApiPropertyOptional({ default: false, description: 'May use the emergency reserve' })
  @IsOptional()
  @IsBoolean()
  emergency?: boolean;
}

export class DrawdownQueryDto {
  @ApiPropertyOptional({ enum: DRAWDOWN_STATUSES })
  @IsOptional()
  @IsIn(DRAWDOWN_STATUSES)
  status?: DrawdownStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  requestingAgencyId?: string;
}

export class RejectDrawdownDto {
  @ApiProperty({ example: 'Kegiatan ini sudah didanai DPA Dinas Sosial' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class SettleDto {
  @ApiProperty({ example: 'SPJ/DINSOS/2026/041' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  documentNumber!: string;

  @ApiProperty({ example: '2026-03-14' })
  @IsDateString({ strict: true }, { message: 'harus tanggal (YYYY-MM-DD)' })
  date!: string;
}

export class ReverseDto {
  @ApiProperty({ example: 'Salah input: transfer CSR tercatat dua kali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}
