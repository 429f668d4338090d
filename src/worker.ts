// Composition root of the worker: deps -> createActivities(deps) -> Worker.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Bundles the workflows once (webpack; a few seconds) so several workers can share it.
 * webpack's module listing is noise for operators: only warnings are shown.
 */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  workflowBundle?: WorkflowBundleWithSourceMap;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities(opts.deps),
    workflowBundle: opts.workflowBundle ?? (await bundleWorkflows()),
  });
}

/**
 * Called once by a process that owns its shutdown (src/main.ts): without it the SDK's own
 * SIGINT handler starts a second, competing shutdown of the worker.
 */
export function installRuntimeWithoutSignalHandlers(): void {
  Runtime.install({ shutdownSignals: [] });
}
