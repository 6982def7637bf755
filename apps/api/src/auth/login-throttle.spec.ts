import { LoginThrottle } from './login-throttle';

const KEY = '10.0.0.5|bappeda@kupangkab.go.id';

/** 3 failures per 60-second window, on a clock the test moves by hand. */
function setup() {
  let now = 1_000_000;
  const throttle = new LoginThrottle(3, 60_000, () => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  it('lets a key try until it has failed `limit` times, then asks it to wait for the rest of the window', () => {
    const { throttle, advance } = setup();
    expect(throttle.retryAfter(KEY)).toBe(0);
    throttle.recordFailure(KEY);
    advance(10_000);
    throttle.recordFailure(KEY);
    expect(throttle.retryAfter(KEY)).toBe(0); // 2 of 3
    advance(5_000);
    throttle.recordFailure(KEY);
    // The window opened at the first failure: 60 s − 15 s elapsed = 45 s to wait.
    expect(throttle.retryAfter(KEY)).toBe(45);
  });

  it('rounds the wait up to whole seconds, never telling the user 0 while still blocked', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) throttle.recordFailure(KEY);
    advance(59_999);
    expect(throttle.retryAfter(KEY)).toBe(1); // 1 ms left → 1 s
  });

  it('opens again once the window has passed, with a fresh count', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) throttle.recordFailure(KEY);
    advance(60_000);
    expect(throttle.retryAfter(KEY)).toBe(0);
    throttle.recordFailure(KEY);
    expect(throttle.retryAfter(KEY)).toBe(0); // 1 of 3 in the new window
  });

  it('does not extend the wait when a blocked key keeps failing', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) throttle.recordFailure(KEY);
    advance(30_000);
    throttle.recordFailure(KEY);
    expect(throttle.retryAfter(KEY)).toBe(30);
  });

  it('a successful sign-in clears the count', () => {
    const { throttle } = setup();
    throttle.recordFailure(KEY);
    throttle.recordFailure(KEY);
    throttle.recordSuccess(KEY);
    throttle.recordFailure(KEY);
    throttle.recordFailure(KEY);
    expect(throttle.retryAfter(KEY)).toBe(0);
  });

  it('counts each (address, email) apart: a colleague at the same office can still sign in', () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) throttle.recordFailure(KEY);
    expect(throttle.retryAfter(KEY)).toBeGreaterThan(0);
    expect(throttle.retryAfter('10.0.0.5|dinsos@kupangkab.go.id')).toBe(0);
    expect(throttle.retryAfter('10.0.0.6|bappeda@kupangkab.go.id')).toBe(0);
  });

  it('still blocks a key after many other keys have come and gone', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) throttle.recordFailure(KEY);
    advance(1_000);
    // more than the 100.000 entries that trigger a sweep of expired ones
    for (let i = 0; i < 100_001; i++) throttle.recordFailure(`10.1.${i}|x@y.id`);
    expect(throttle.retryAfter(KEY)).toBe(59);
  });
});
