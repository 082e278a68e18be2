// Locks the window after a stretch without mouse or keyboard input.

export const IDLE_EVENTS = ["mousemove", "mousedown", "keydown", "wheel", "touchstart"] as const;

export class IdleTimer {
  private handle: ReturnType<typeof setTimeout> | null = null;
  private readonly touchHandler = () => this.touch();

  constructor(
    private readonly minutes: number,
    private readonly onIdle: () => void,
  ) {}

  /** Input seen: the countdown starts again. No lock when `minutes` is 0. */
  touch(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
    if (this.minutes <= 0) return;
    this.handle = setTimeout(() => {
      this.handle = null;
      this.onIdle();
    }, this.minutes * 60_000);
  }

  /** Listens for input on `target` and starts counting; returns the function that stops it. */
  watch(target: EventTarget): () => void {
    for (const e of IDLE_EVENTS) target.addEventListener(e, this.touchHandler, { passive: true });
    this.touch();
    return () => {
      for (const e of IDLE_EVENTS) target.removeEventListener(e, this.touchHandler);
      if (this.handle !== null) clearTimeout(this.handle);
      this.handle = null;
    };
  }
}
