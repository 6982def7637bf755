import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@sinergi/contracts';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { OptionalIntQuery } from '../common/limit';
import { GOVERNMENT_REGION_CODE, MSG_GOVERNMENT_REGION_CODE, VILLAGE_CODE } from '../common/patterns';


export class UserQueryDto {
  @OptionalIntQuery(1, undefined, 1)
  page?: number;

  @OptionalIntQuery(1, 100, 20)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Part of the name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ['email', 'name', 'role', 'createdAt', 'lastLoginAt'], default: 'email' })
  @IsOptional()
  @IsIn(['email', 'name', 'role', 'createdAt', 'lastLoginAt'])
  sort?: 'email' | 'name' | 'role' | 'createdAt' | 'lastLoginAt';
}

export class CreateUserDto {
  @ApiProperty({ example: 'staf.dinsos@kupangkab.go.id' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for role agency; optional for member' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Required for role planner', example: '53.01' })
  @IsOptional()
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Required for role village: a desa code', example: '53.01.06.2015' })
  @IsOptional()
  @Matches(VILLAGE_CODE, { message: 'harus kode desa (contoh 53.01.06.2015)' })
  villageCode?: string;
}

export class UpdateUserDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  agencyId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(GOVERNMENT_REGION_CODE, { message: MSG_GOVERNMENT_REGION_CODE })
  regionCode?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(VILLAGE_CODE, { message: 'harus kode desa (contoh 53.01.06.2015)' })
  villageCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 12, description: 'Sets a new password' })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
}
