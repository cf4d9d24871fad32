// Fixed time windows for counters (rate limits, burst counts). A window is identified by its start instant,
// floored on the Unix epoch in UTC: the same instant gives the same window whatever the server's time zone,
// so every process and every restart agrees on which row of rate_buckets an event belongs to.

/** The start of the fixed window of `windowSeconds` that contains `now`. */
export function windowStartOf(now: Date, windowSeconds: number): Date {
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0) {
    throw new Error(`window length must be a positive whole number of seconds: ${windowSeconds}`);
  }
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}
