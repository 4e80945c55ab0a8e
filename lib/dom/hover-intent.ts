/**
 * Hover intent, after Wikipedia's Page Previews: open only after the pointer
 * dwells, close only after it has really left (so it can travel into the
 * popover). Focus opens at once.
 */
export const OPEN_DWELL_MS = 350;
export const CLOSE_GRACE_MS = 300;

export class HoverIntent<T> {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: T | undefined;

  constructor(
    private readonly open: (target: T) => void,
    private readonly close: () => void,
  ) {}

  /** The pointer is over `target` (or over nothing of ours: undefined). */
  over(target: T | undefined, current: T | undefined): void {
    if (target !== undefined && target === current) {
      this.cancelClose();
      return;
    }
    if (target === undefined) {
      this.cancelOpen();
      if (current !== undefined) this.scheduleClose();
      return;
    }
    if (target !== this.pending) {
      this.cancelOpen();
      this.pending = target;
      this.openTimer = setTimeout(() => {
        this.pending = undefined;
        this.cancelClose();
        this.open(target);
      }, OPEN_DWELL_MS);
    }
  }

  /** The pointer entered our popover: keep it. */
  keep(): void {
    this.cancelClose();
  }

  scheduleClose(): void {
    if (this.closeTimer === undefined) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = undefined;
        this.close();
      }, CLOSE_GRACE_MS);
    }
  }

  cancel(): void {
    this.cancelOpen();
    this.cancelClose();
  }

  private cancelOpen(): void {
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pending = undefined;
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
