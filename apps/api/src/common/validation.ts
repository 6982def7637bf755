import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@sinergi/contracts';
import { DomainError } from '@sinergi/domain';

/**
 * Indonesian messages for class-validator constraints, keyed by constraint name. The field is
 * named in `path`, so the message says only what is wrong with it.
 */
const MESSAGES: Record<string, string> = {
  whitelistValidation: 'kolom ini tidak dikenal',
  isDefined: 'wajib diisi',
  isNotEmpty: 'wajib diisi',
  isString: 'harus berupa teks',
  isEmail: 'harus berupa alamat email yang valid',
  isUuid: 'harus berupa UUID',
  isUUID: 'harus berupa UUID',
  isInt: 'harus berupa bilangan bulat',
  isBoolean: 'harus true atau false',
  isIn: 'nilainya tidak termasuk pilihan yang diizinkan',
  isEnum: 'nilainya tidak termasuk pilihan yang diizinkan',
  isArray: 'harus berupa daftar',
  arrayMaxSize: 'terlalu banyak isian',
  isObject: 'harus berupa objek',
  matches: 'formatnya tidak sesuai',
  min: 'terlalu kecil',
  max: 'terlalu besar',
  nestedValidation: 'isinya tidak valid',
};

function describe(constraint: string, raw: string): string {
  const lengths = /(?:longer|shorter) than or equal to (\d+)/.exec(raw);
  if (constraint === 'maxLength' && lengths) return `maksimal ${lengths[1]} karakter`;
  if (constraint === 'minLength' && lengths) return `minimal ${lengths[1]} karakter`;
  const bound = /(?:less|greater) than (\d+)/.exec(raw);
  if ((constraint === 'min' || constraint === 'max') && bound) return `${constraint === 'min' ? 'minimal' : 'maksimal'} ${bound[1]}`;
  if (constraint === 'max' || constraint === 'min') {
    const n = /(-?\d+)$/.exec(raw.trim());
    if (n) return `${constraint === 'min' ? 'minimal' : 'maksimal'} ${n[1]}`;
  }
  return MESSAGES[constraint] ?? raw;
}

const RULE_ORDER = Object.keys(MESSAGES);
const ruleRank = (name: string) => (RULE_ORDER.includes(name) ? RULE_ORDER.indexOf(name) : RULE_ORDER.length);

/** Flattens class-validator's tree into `[{ path, message }]`, one entry per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // Report the most basic failing rule: "wajib diisi" says more than three rules failing at once.
      // class-validator runs a property's rules bottom-up (the decorator nearest the property
      // first), so "the first" would be @MaxLength for a missing field; rank them by MESSAGES order.
      const [name, raw] = Object.entries(error.constraints).reduce((best, e) => (ruleRank(e[0]) < ruleRank(best[0]) ? e : best));
      out.push({ path, message: describe(name, raw) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new DomainError('VALIDATION_FAILED', `Input tidak valid: ${details.map((d) => d.path).join(', ')}`, details);
    },
  });
}
