// Recording changes in the audit log (src/stores/audit.store.ts), for every use case that
// changes something. Call it inside the use case's transaction.
export { appendAudit, type Actor, type AuditEntry, type SystemPrincipal } from '../stores/audit.store';
