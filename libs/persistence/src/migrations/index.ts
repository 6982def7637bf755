import { Foundation1795843969242 } from './1795843969242-Foundation';

/** Every migration in order. A new migration is appended here and never edited once released. */
export const MIGRATIONS: Function[] = [Foundation1795843969242];
