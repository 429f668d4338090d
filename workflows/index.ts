// The workflow bundle's entry point: every workflow type the worker registers.
export { campaignWorkflow } from './campaign.workflow';
export { deadlineWorkflow } from './deadline.workflow';
export { digestWorkflow } from './digest.workflow';
export { mailWorkflow } from './mail.workflow';
export { obligationWorkflow } from './obligation.workflow';
export { weeklyDigestWorkflow } from './weekly-digest.workflow';
