/**
 * The pool of query worker threads (piscina): queries run off the main event loop, so entity pages and
 * other requests stay fast while a heavy query runs; at most `workers` run at once and at most
 * `queue` wait; a query past its time limit is aborted, which terminates its thread, and a query past
 * its memory limit dies with its thread; either way piscina starts a fresh one in its place.
 */
import { Piscina } from 'piscina';
import type { QueryAnswer } from './AnswerFormats.ts';
import { QueryTimeout, QueueFull, type QueryExecutor, type QueryTask } from './QueryExecutor.ts';

export interface QueryPoolOptions {
  readonly builtDir: string;
  readonly workers: number;
  readonly queue: number;
  readonly timeoutMs: number;
  /** Heap limit of one worker thread, in MiB: a query that needs more kills its own thread, not the server. */
  readonly memoryMb?: number;
}

export class QueryOutOfMemory extends Error {
  constructor(readonly memoryMb: number | undefined) {
    super(`the query needed more memory than the limit of ${memoryMb ?? '?'} MiB for one query and was stopped`);
    this.name = 'QueryOutOfMemory';
  }
}

export class QueryPool implements QueryExecutor {
  private readonly pool: Piscina<QueryTask | 'warm-up', QueryAnswer | 'ready'>;

  constructor(private readonly options: QueryPoolOptions, onWorkerError: (error: Error) => void = () => undefined) {
    this.pool = new Piscina({
      filename: new URL('./QueryWorkerBootstrap.mjs', import.meta.url).href,
      workerData: { builtDir: options.builtDir },
      minThreads: options.workers,
      maxThreads: options.workers,
      maxQueue: options.queue,
      idleTimeout: 0,
      ...(options.memoryMb && { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } }),
    });
    // A thread that dies outside a task (e.g. out of memory while loading) must not take the process with it.
    this.pool.on('error', onWorkerError);
  }

  get threads(): number { return this.pool.threads.length; }

  /** Resolves when every thread has loaded the dataset (what the readiness probe waits for). */
  async warmUp(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.workers }, () => this.pool.run('warm-up')));
  }

  /** After a thread was terminated, its replacement is loading the dataset; the next time limit starts after it. */
  private recovering: Promise<unknown> = Promise.resolve();

  /** Queries accepted and not yet answered: running, queued, or waiting for a replaced thread to load. */
  private accepted = 0;

  async run(task: QueryTask): Promise<QueryAnswer> {
    // Counted here, not by piscina's queue: queries that wait for a replacement thread count too, so a flood never piles up.
    if (this.accepted >= this.options.workers + this.options.queue) throw new QueueFull();
    this.accepted++;
    try {
      await this.recovering;
      return await this.runNow(task);
    } finally {
      this.accepted--;
    }
  }

  private async runNow(task: QueryTask): Promise<QueryAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new QueryTimeout(this.options.timeoutMs)), this.options.timeoutMs);
    try {
      return (await this.pool.run(task, { signal: controller.signal })) as QueryAnswer;
    } catch (error) {
      if (controller.signal.aborted) {
        this.recover();
        throw new QueryTimeout(this.options.timeoutMs);
      }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.recover();
        throw new QueryOutOfMemory(this.options.memoryMb);
      }
      if (error instanceof Error && /queue is full|Task queue is at limit/i.test(error.message)) throw new QueueFull();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private recover(): void { this.recovering = this.pool.run('warm-up').catch(() => undefined); }

  close(): Promise<void> { return this.pool.destroy(); }
}
