import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserView } from '@sinergi/contracts';
import type { Request } from 'express';
import { Authenticated, CurrentUser, Public } from '../common/access.decorators';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, request.ip ?? 'unknown');
  }

  @Authenticated()
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: UserView): UserView {
    return user;
  }
}
