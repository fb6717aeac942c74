import { DatabaseAwayError, databaseFailure } from '../errors/database.js';

/**
 * A circuit breaker for reads. When Neo4j goes away, every statement would otherwise wait out
 * the driver's connect timeout and retries (seconds each, and a request sends several, one after
 * another), so requests would pile up for as long as the outage lasts. Once a read finds Neo4j
 * away, reads are refused at once (SERVICE_UNAVAILABLE), except one trial read at a time, at
 * most every `retryEveryMs`; the first that succeeds lets every read through again.
 */
export class ReadBreaker {
  private awaySince: number | undefined;
  private lastTrial = 0;
  private trialRunning = false;
  /** Told when Neo4j is found away (true) and back (false). */
  onChange: (away: boolean) => void = () => {};

  constructor(private readonly retryEveryMs = 1_000) {}

  /** Runs the read unless Neo4j was found away; learns from how it ends. */
  async run<T>(read: () => Promise<T>): Promise<T> {
    let trial = false;
    if (this.awaySince !== undefined) {
      const now = Date.now();
      if (this.trialRunning || now - this.lastTrial < this.retryEveryMs) throw new DatabaseAwayError(now - this.awaySince);
      trial = this.trialRunning = true;
      this.lastTrial = now;
    }
    try {
      const result = await read();
      if (this.awaySince !== undefined) {
        this.awaySince = undefined;
        this.onChange(false);
      }
      return result;
    } catch (error) {
      if (databaseFailure(error) === 'SERVICE_UNAVAILABLE' && this.awaySince === undefined) {
        this.awaySince = this.lastTrial = Date.now(); // this read was the first trial
        this.onChange(true);
      }
      throw error;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }

  get away(): boolean {
    return this.awaySince !== undefined;
  }
}
