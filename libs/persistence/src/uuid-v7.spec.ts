import { uuidv7 } from './uuid-v7';

describe('uuidv7', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the millisecond it was made', () => {
    const id = uuidv7(Date.UTC(2026, 10, 28, 10, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 28, 10, 0, 0));
  });

  it('keeps ids made one after another in order, also within one millisecond and past 4 096 of them', () => {
    const ms = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 5000 }, () => uuidv7(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // An earlier clock reading (the clock stepped back) still sorts after what was made.
    const after = uuidv7(ms - 10);
    expect(after > ids[ids.length - 1]).toBe(true);
  });
});
