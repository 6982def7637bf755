/**
 * Counts failed sign-ins per (client address, email) in a fixed window, so a password cannot be
 * guessed by brute force while a colleague at the same office can still sign in.
 * In memory per API instance: behind a load balancer each instance keeps its own count, which
 * still bounds guessing to instances × limit per window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when the key may try now. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const t = this.now();
    if (t >= entry.resetAt) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  recordFailure(key: string): void {
    const t = this.now();
    const entry = this.failures.get(key);
    if (!entry || t >= entry.resetAt) this.failures.set(key, { count: 1, resetAt: t + this.windowMs });
    else entry.count++;
    // Bound memory under a spray of addresses/emails, sweeping at most once a second.
    if (this.failures.size > 100_000 && t - this.lastSweep > 1000) this.sweep(t);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private sweep(t: number): void {
    this.lastSweep = t;
    for (const [key, entry] of this.failures) if (t >= entry.resetAt) this.failures.delete(key);
  }
}
