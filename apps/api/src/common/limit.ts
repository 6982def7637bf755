import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional whole-number query parameter within bounds (limit, page, pageSize). */
export function OptionalIntQuery(min: number, max: number | undefined, fallback: number): PropertyDecorator {
  const decorators = [ApiPropertyOptional({ default: fallback, minimum: min, maximum: max }), IsOptional(), Type(() => Number), IsInt(), Min(min)];
  if (max !== undefined) decorators.push(Max(max));
  return applyDecorators(...decorators);
}
