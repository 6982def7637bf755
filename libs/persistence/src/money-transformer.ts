import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` ⇄ JavaScript `bigint`. The pg driver returns int8 as a string; going through
 * `number` would silently round amounts above 2^53, so this never does.
 */
export const moneyTransformer: ValueTransformer = {
  to(value: bigint | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'bigint') throw new TypeError('money must be a bigint');
    return value.toString();
  },
  from(value: string | null): bigint | null {
    return value === null ? null : BigInt(value);
  },
};
