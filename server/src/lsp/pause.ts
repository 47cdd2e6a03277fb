/**
 * A call made once a pause has lasted long enough: each `touch(wait)` puts it off until `wait` ms after
 * now. One timer: a touch that does not make the call earlier sets no new timer (the timer, when it
 * fires before the pause is over, waits for the rest), so a flood of edits costs no timer per edit.
 */
export class Pause {
  private timer: NodeJS.Timeout | undefined;
  /** When the call is due (performance.now()), and when the timer fires. */
  private due = 0;
  private fires = 0;

  constructor(private readonly call: () => void) {}

  touch(wait: number): void {
    const now = performance.now();
    this.due = now + wait;
    if (this.timer && this.fires <= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.arm(now, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  private arm(now: number, wait: number): void {
    this.fires = now + wait;
    this.timer = setTimeout(() => this.fired(), wait);
  }

  private fired(): void {
    this.timer = undefined;
    const now = performance.now();
    // a timer may fire a fraction of a millisecond before its time: within 1 ms is on time
    if (this.due - now > 1) return this.arm(now, this.due - now);
    this.call();
  }
}
