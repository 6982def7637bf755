import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'bappeda@demo.sinergi.id' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'sinergi-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
