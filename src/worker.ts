// Composition root of the worker: deps -> createActivities(deps) -> Worker.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Modules the workflows import that hold no state of a workflow (pure calculus, immutable
 * zod schemas, zod with them; none imports @temporalio/workflow): evaluated once per V8
 * context and shared.
 * Otherwise every workflow the worker creates or rebuilds evaluates them again: profiled in
 * a morning burst, building the zod schemas and the calendar per workflow was most of the
 * workflow thread's time and about 1.5 MB per cached workflow (docs/PERFORMANCE.md).
 */
export const sharedWorkflowModules = [
  ...['campaign', 'deadline', 'mail', 'obligation', 'calendar'].map((name) => fileURLToPath(new URL(`./schemas/${name}.schemas.ts`, import.meta.url))),
  ...['business-calendar', 'campaign', 'due-rule', 'local-date', 'periods', 'timeline', 'weekly-digest'].map((name) => fileURLToPath(new URL(`./domain/${name}.ts`, import.meta.url))),
];

/**
 * Bundles the workflows once (webpack; a few seconds) so several workers can share it.
 * webpack's module listing is noise for operators: only warnings are shown.
 */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, preloadModules: sharedWorkflowModules, logger: new DefaultLogger('WARN') });
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
