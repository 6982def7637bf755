import type { ErrorCode, FieldError, ImportError } from '@sinergi/contracts';

/**
 * A broken business rule or a bad input, raised by the domain or a service. The API's exception
 * filter maps `code` to an HTTP status in one place, so code that throws never thinks about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[] | ImportError[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** A 400 naming one field: the most common case. */
  static invalidField(path: string, message: string): DomainError {
    return new DomainError('VALIDATION_FAILED', `Input tidak valid: ${path}`, [{ path, message }]);
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} tidak ditemukan`);
  }

  static forbidden(message = 'Anda tidak berwenang melakukan tindakan ini'): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  static conflict(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError('CONFLICT', message, details);
  }
}
