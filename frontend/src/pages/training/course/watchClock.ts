/**
 * Counts the seconds a learner actually plays of a lesson, from the video's time updates: a forward step of at most
 * MAX_STEP seconds counts (normal and fast playback), a seek (a jump either way) does not. It starts from what the
 * server has credited already, so the reports carry the lesson's running total; the server credits no more than
 * wall-clock time allows anyway (docs/api.md "Course library").
 */
export const MAX_STEP = 2;

export class WatchClock {
  private total: number;
  private last: number | null = null;

  constructor(alreadyWatched: number) {
    this.total = alreadyWatched;
  }

  /** A time update at `currentTime` while playing. */
  tick(currentTime: number): void {
    if (this.last !== null) {
      const step = currentTime - this.last;
      if (step > 0 && step <= MAX_STEP) this.total += step;
    }
    this.last = currentTime;
  }

  /** Playback stopped or jumped: the next update starts a new stretch. */
  break(): void {
    this.last = null;
  }

  /** Whole seconds played so far. */
  get seconds(): number {
    return Math.floor(this.total);
  }

  /** The server credited more (another tab): carry on from there. */
  atLeast(seconds: number): void {
    if (seconds > this.total) this.total = seconds;
  }
}
