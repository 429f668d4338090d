// Starting a workflow whose id is derived from its subject (deadline/<id>, obligation/<id>):
// a second start of the same id is not an error, it means the work is already under way.
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

/** What an activity or a service needs to start workflows. */
export interface WorkflowStarter {
  client: Pick<Client, 'workflow'>;
  taskQueue: string;
  /** Set search attributes on started workflows (the server has them registered). */
  searchAttributes: boolean;
}

/** Returns true when this call started the workflow, false when it was running already. */
export async function startOnce(client: Pick<Client, 'workflow'>, type: string, options: WorkflowStartOptions<Workflow>): Promise<boolean> {
  try {
    await client.workflow.start(type, options);
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}
