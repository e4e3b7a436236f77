/**
 * Passes on the latest of a stream of values at most once per interval: the
 * first at once, later ones when the interval since the last one has passed
 * (a value that arrives sooner waits, and is replaced by any newer one).
 * A slice streams a new field every chunk; redrawing a large surface (and
 * re-tracing its contours) for each would keep the page busy, while the
 * newest field every few frames looks the same.
 */
export class LatestOnly<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = -Infinity;

  /**
   * @param deliver receives the values passed on
   * @param intervalMs least time between two deliveries
   * @param now the clock (tests pass their own)
   */
  constructor(
    private readonly deliver: (value: T) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Offers `value`: delivered now if the interval has passed, else kept (replacing an older one) until it has. */
  push(value: T): void {
    this.pending = { value };
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Delivers the kept value now, if there is one. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending === null) return;
    this.last = this.now();
    this.deliver(pending.value);
  }

  /** Forgets the kept value (nothing more is delivered until the next push). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
