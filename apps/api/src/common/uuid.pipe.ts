import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@sinergi/domain';

/** A malformed id in a path is a 404 (no such thing), not a 500 from PostgreSQL's uuid cast. */
export const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Data') });
