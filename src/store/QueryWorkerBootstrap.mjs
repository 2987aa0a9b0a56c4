// Worker threads do not inherit tsx's loader from the main thread: register it, then load the worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./QueryWorker.ts');
export default worker.default;
