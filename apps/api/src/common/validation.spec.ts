import 'reflect-metadata';
import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DomainError } from '@sinergi/domain';
import { LoginDto } from '../auth/auth.dto';
import { createValidationPipe, flattenValidationErrors } from './validation';

class ItemDto {
  @IsInt()
  @Min(1)
  amount!: number;

  @IsOptional()
  @IsInt()
  @Min(-5)
  @Max(100)
  share?: number;
}

class PlanDto {
  @IsString()
  @MaxLength(10)
  title!: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  password?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsIn(['APBD', 'APBDES'])
  kind?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  note?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];
}

const body: ArgumentMetadata = { type: 'body', metatype: PlanDto };

/** The field errors the pipe answers for `input`, or fails the test if it accepts it. */
async function fieldErrors(input: unknown) {
  try {
    await createValidationPipe().transform(input, body);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    return (error as DomainError).details;
  }
  throw new Error('accepted');
}

describe('createValidationPipe', () => {
  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await createValidationPipe().transform({ title: 'RAD 2026', items: [{ amount: 5 }] }, body);
    expect(value).toBeInstanceOf(PlanDto);
    expect(value.items[0]).toBeInstanceOf(ItemDto);
  });

  it('names nested fields by path with indices: items.1.amount', async () => {
    expect(await fieldErrors({ title: 'RAD', items: [{ amount: 1 }, { amount: 'satu' }] })).toEqual([
      { path: 'items.1.amount', message: 'harus berupa bilangan bulat' },
    ]);
  });

  it('answers in Indonesian with the limit: maxLength, minLength, min, max', async () => {
    expect(await fieldErrors({ title: 'x'.repeat(11), items: [] })).toEqual([{ path: 'title', message: 'maksimal 10 karakter' }]);
    expect(await fieldErrors({ title: 'ok', password: 'pendek', items: [] })).toEqual([{ path: 'password', message: 'minimal 12 karakter' }]);
    expect(await fieldErrors({ title: 'ok', items: [{ amount: 0 }] })).toEqual([{ path: 'items.0.amount', message: 'minimal 1' }]);
    expect(await fieldErrors({ title: 'ok', items: [{ amount: 1, share: 101 }] })).toEqual([{ path: 'items.0.share', message: 'maksimal 100' }]);
    expect(await fieldErrors({ title: 'ok', items: [{ amount: 1, share: -6 }] })).toEqual([{ path: 'items.0.share', message: 'minimal -5' }]);
  });

  it('says what is wrong with a missing or mistyped value, not its length (decorators run bottom-up)', async () => {
    expect(await fieldErrors({ items: [] })).toEqual([{ path: 'title', message: 'harus berupa teks' }]);
    expect(await fieldErrors({ title: 5, items: [] })).toEqual([{ path: 'title', message: 'harus berupa teks' }]);
    const signIn = await createValidationPipe()
      .transform({}, { type: 'body', metatype: LoginDto })
      .catch((e: DomainError) => e.details);
    expect(signIn).toEqual([
      { path: 'email', message: 'harus berupa alamat email yang valid' },
      { path: 'password', message: 'harus berupa teks' },
    ]);
  });

  it('translates the other common rules', async () => {
    expect(await fieldErrors({ title: 'ok', email: 'bukan-email', items: [] })).toEqual([{ path: 'email', message: 'harus berupa alamat email yang valid' }]);
    expect(await fieldErrors({ title: 'ok', kind: 'APBN', items: [] })).toEqual([
      { path: 'kind', message: 'nilainya tidak termasuk pilihan yang diizinkan' },
    ]);
    expect(await fieldErrors({ title: 'ok', note: '', items: [] })).toEqual([{ path: 'note', message: 'wajib diisi' }]);
    expect(await fieldErrors({ title: 'ok', items: 'none' })).toEqual([{ path: 'items', message: 'harus berupa daftar' }]);
  });

  it('refuses an unknown property, also inside a nested item', async () => {
    expect(await fieldErrors({ title: 'ok', items: [], isAdmin: true })).toEqual([{ path: 'isAdmin', message: 'kolom ini tidak dikenal' }]);
    expect(await fieldErrors({ title: 'ok', items: [{ amount: 1, price: 2 }] })).toEqual([{ path: 'items.0.price', message: 'kolom ini tidak dikenal' }]);
  });

  it('reports every bad field, one message each, and names them in the error message', async () => {
    let error: DomainError | undefined;
    try {
      await createValidationPipe().transform({ items: [{ amount: 'x' }] }, body);
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.details).toEqual([
      { path: 'title', message: 'harus berupa teks' },
      { path: 'items.0.amount', message: 'harus berupa bilangan bulat' },
    ]);
    expect(error?.message).toBe('Input tidak valid: title, items.0.amount');
  });
});

describe('flattenValidationErrors', () => {
  const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({
    property,
    constraints,
    children,
  });

  it('reports one rule per field: presence before type before length or range, whatever the order given', () => {
    const errors = [
      error('name', { maxLength: 'name must be shorter than or equal to 200 characters', isString: 'name must be a string', isNotEmpty: 'name should not be empty' }),
      error('pageSize', { max: 'pageSize must not be greater than 100', isInt: 'pageSize must be an integer number' }),
      error('code', { maxLength: 'code must be shorter than or equal to 60 characters', matches: 'code must match /^[A-Z]+$/ regular expression' }),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { path: 'name', message: 'wajib diisi' },
      { path: 'pageSize', message: 'harus berupa bilangan bulat' },
      { path: 'code', message: 'formatnya tidak sesuai' },
    ]);
  });

  it('joins nested properties with dots, under a prefix', () => {
    const tree = [error('costs', undefined, [error('2026', undefined, [error('amount', { isInt: 'amount must be an integer number' })])])];
    expect(flattenValidationErrors(tree, 'body')).toEqual([{ path: 'body.costs.2026.amount', message: 'harus berupa bilangan bulat' }]);
  });

  it("keeps class-validator's own text for a rule it has no translation for", () => {
    expect(flattenValidationErrors([error('code', { isHexColor: 'code must be a hexadecimal color' })])).toEqual([
      { path: 'code', message: 'code must be a hexadecimal color' },
    ]);
  });
});
