/**
 * The pool of query worker threads (piscina): queries run off the main event loop, so entity pages and
 * other requests stay fast while a heavy query runs; at most `workers` run at once and at most
 * `queue` wait; a query past its time limit is aborted, which terminates its thread, and piscina starts
 * a fresh one in its place.
 */
import { Piscina } from 'piscina';
import type { QueryAnswer } from './SparqlEngine.ts';
import { QueryTimeout, QueueFull, type QueryExecutor, type QueryTask } from './QueryExecutor.ts';

export interface QueryPoolOptions {
  readonly builtDir: string;
  readonly workers: number;
  readonly queue: number;
  readonly timeoutMs: number;
}

export class QueryPool implements QueryExecutor {
  private readonly pool: Piscina<QueryTask | 'warm-up', QueryAnswer | 'ready'>;

  constructor(private readonly options: QueryPoolOptions) {
    this.pool = new Piscina({
      filename: new URL('./QueryWorkerBootstrap.mjs', import.meta.url).href,
      workerData: { builtDir: options.builtDir },
      minThreads: options.workers,
      maxThreads: options.workers,
      maxQueue: options.queue,
      idleTimeout: 0,
    });
  }

  get running(): number { return this.pool.utilization > 0 ? this.pool.threads.length - this.pool.queueSize : 0; }
  get waiting(): number { return this.pool.queueSize; }
  get threads(): number { return this.pool.threads.length; }

  /** Resolves when every thread has loaded the dataset (what the readiness probe waits for). */
  async warmUp(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.workers }, () => this.pool.run('warm-up')));
  }

  /** After a thread was terminated, its replacement is loading the dataset; the next time limit starts after it. */
  private recovering: Promise<unknown> = Promise.resolve();

  async run(task: QueryTask): Promise<QueryAnswer> {
    if (this.pool.queueSize >= this.options.queue) throw new QueueFull();
    await this.recovering;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new QueryTimeout(this.options.timeoutMs)), this.options.timeoutMs);
    try {
      return (await this.pool.run(task, { signal: controller.signal })) as QueryAnswer;
    } catch (error) {
      if (controller.signal.aborted) {
        this.recovering = this.pool.run('warm-up').catch(() => undefined);
        throw new QueryTimeout(this.options.timeoutMs);
      }
      if (error instanceof Error && /queue is full|Task queue is at limit/i.test(error.message)) throw new QueueFull();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> { return this.pool.destroy(); }
}
