import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// Random bytes drawn 4 KiB at a time: one system call per 256 ids rather than one per id.
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then a 12-bit counter
 * that keeps ids made in the same millisecond in order, then random bits. Bulk imports give their
 * new rows these ids so that the primary-key index, and the foreign-key look-ups of the rows that
 * follow them, touch a few adjacent pages instead of one random page per row (random v4 ids made
 * 100 000-row imports measurably slower; docs/benchmarks.md). PostgreSQL 18 has uuidv7() too, but
 * the app also runs on older servers through DATABASE_URL.
 */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4 096 ids in one millisecond: borrow the next millisecond rather than lose the order.
    lastMs++;
    counter = 0;
  }
  if (offset + 16 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const b = Buffer.from(pool.subarray(offset, (offset += 16)));
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
