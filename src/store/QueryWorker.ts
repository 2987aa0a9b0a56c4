/**
 * A query worker thread (run by the pool in src/store/QueryPool.ts): it loads the published dataset
 * once, then answers admitted queries. A query that runs past its time limit is stopped by
 * terminating the whole thread, which is the only sure way to stop a runaway computation.
 */
import { workerData } from 'node:worker_threads';
import { loadDataset } from './DatasetStore.ts';
import { SparqlEngine } from './SparqlEngine.ts';
import type { QueryAnswer } from './AnswerFormats.ts';
import type { QueryTask } from './QueryExecutor.ts';

const { builtDir } = workerData as { builtDir: string };
// Loaded before piscina marks the thread ready, so no query's time limit is spent on loading.
const engine = new SparqlEngine((await loadDataset(builtDir)).store);

export default function answer(task: QueryTask | 'warm-up'): Promise<QueryAnswer> | 'ready' {
  if (task === 'warm-up') return 'ready';
  return engine.answer(task.query, task.mediaType, { base: task.base, context: task.context });
}
