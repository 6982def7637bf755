import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_PRIORITIES,
  ACTIVITY_STATUSES,
  PLAN_STATUSES,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type ActivityInput,
  type ActivityPriority,
  type ActivityStatus,
  type PlanStatus,
  type ProposalKind,
  type ProposalStatus,
  type YearMap,
} from '@sinergi/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalIntQuery } from '../common/limit';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE, REGION_CODE } from '../common/patterns';

/*
 * Shapes and types only: the rules that need the plan (years within its period, amounts,
 * strategy codes) are in libs/domain/plan/rules.ts so they hold for direct edits and for
 * accepted proposals alike. Lengths are checked there too, with the field named.
 */

export class PlanQueryDto {
  @ApiPropertyOptional({ example: '53.01', description: 'Plans of this region and the regions inside it' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'bukan kode wilayah' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;
}

export class CreatePlanDto {
  @ApiProperty({ example: '53.01' })
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode!: string;

  @ApiProperty({ example: 'RAD PP-TPPO Kabupaten Kupang 2026–2030' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  startYear!: number;

  @ApiProperty({ example: 2030 })
  @IsInt()
  endYear!: number;
}

export class UpdatePlanDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  startYear?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  endYear?: number;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'Peraturan Bupati Kupang Nomor 12 Tahun 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  number!: string;

  @ApiProperty({ example: '2026-03-15' })
  @IsDateString({ strict: true }, { message: 'harus tanggal (YYYY-MM-DD)' })
  date!: string;
}

export class TransitionDto {
  @ApiProperty({ enum: PLAN_STATUSES })
  @IsIn(PLAN_STATUSES)
  to!: PlanStatus;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ type: LegalBasisDto, description: 'Required when adopting' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalBasisDto)
  legalBasis?: LegalBasisDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The contract's activity body. Field-level rules live in the domain (see above). */
export class ActivityDto implements ActivityInput {
  @ApiProperty({ example: 3, description: 'RAN strategy 1–6' })
  @IsInt()
  strategyCode!: number;

  @ApiProperty({ example: 'Pemulangan korban TPPO ke daerah asal' })
  @IsString()
  title!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() output?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() indicator?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() baseline?: string;

  @ApiProperty()
  @IsUUID()
  leadAgencyId!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  supportingAgencyIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['53.01.06.2015'] })
  @IsOptional()
  @IsArray()
  regionCodes?: string[];

  @ApiPropertyOptional({ example: { '2026': '12' } })
  @IsOptional()
  @IsObject()
  targets?: YearMap;

  @ApiProperty({ example: { '2026': '150000000' }, description: 'Whole Rupiah per year, as digit strings' })
  @IsObject()
  costs!: YearMap;

  @ApiPropertyOptional({ enum: ACTIVITY_PRIORITIES })
  @IsOptional()
  @IsIn(ACTIVITY_PRIORITIES)
  priority?: ActivityPriority;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;
}

export class UpdateActivityDto implements Partial<ActivityInput> {
  @ApiProperty({ description: 'The version you read; a stale one is a 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() strategyCode?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() output?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() indicator?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() baseline?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leadAgencyId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() supportingAgencyIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() regionCodes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsObject() targets?: YearMap;
  @ApiPropertyOptional() @IsOptional() @IsObject() costs?: YearMap;
  @ApiPropertyOptional({ enum: ACTIVITY_PRIORITIES }) @IsOptional() @IsIn(ACTIVITY_PRIORITIES) priority?: ActivityPriority;
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES }) @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
}

export class VersionQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class DiffQueryDto {
  @ApiProperty({ example: '1', description: 'A version number or "current"' })
  @Matches(/^(\d{1,6}|current)$/, { message: 'nomor versi atau "current"' })
  from!: string;

  @ApiProperty({ example: 'current' })
  @Matches(/^(\d{1,6}|current)$/, { message: 'nomor versi atau "current"' })
  to!: string;
}

export class RoundDto {
  @ApiProperty({ example: '2026-02-01' })
  @IsDateString({ strict: true }, { message: 'harus tanggal (YYYY-MM-DD)' })
  opensOn!: string;

  @ApiProperty({ example: '2026-02-28' })
  @IsDateString({ strict: true }, { message: 'harus tanggal (YYYY-MM-DD)' })
  closesOn!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  invitedAgencyIds!: string[];
}

export class ProposalDto {
  @ApiProperty({ enum: PROPOSAL_KINDS })
  @IsIn(PROPOSAL_KINDS)
  kind!: ProposalKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiProperty({ description: 'New activity: the whole activity. Amendment: only the changed fields.' })
  @IsObject()
  changes!: Partial<ActivityInput>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string;
}

export class ProposalQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}

export class DecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class RejectDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'alasan penolakan wajib diisi' })
  @MaxLength(2000)
  reason!: string;
}

export class CarryOverDto {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @IsInt()
  toYear?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  toNextPlan?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CommentDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class SuggestionQueryDto {
  @ApiPropertyOptional({ enum: ['APBD', 'APBDES'], default: 'APBD' })
  @IsOptional()
  @IsIn(['APBD', 'APBDES'])
  kind?: 'APBD' | 'APBDES';

  @OptionalIntQuery(1, 50, 10)
  limit?: number;
}
