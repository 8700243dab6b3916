export { enqueue, requeue, process, registerHandler, onOperationChange, onOutboxAlarm, resumeOutbox, settle, MAX_ATTEMPTS, type OperationHandler, type HandlerResult } from './outbox';
