import type { FieldError } from '@sinergi/contracts';
import { DomainError } from '../../libs/domain/src/domain-error';

/**
 * Helpers for the unit tests of libs/domain: what a rule refused, and with which fields.
 * The specs import DomainError from the same source file, so `instanceof` holds.
 */

/** Runs `fn` and returns the DomainError it throws; fails the test if it throws nothing. */
export function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was accepted');
}

/** The field errors of a refused input. */
export function problems(fn: () => unknown): FieldError[] {
  const error = caught(fn);
  expect(error.code).toBe('VALIDATION_FAILED');
  return error.details as FieldError[];
}
