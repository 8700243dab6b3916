export { CheckAgainLater, sendsOf, enqueue, requeue, process, registerHandler, onOperationChange, onOutboxAlarm, resumeOutbox, settle, vendorOf, MAX_ATTEMPTS, OUTBOX_DRAIN_ALARM, type OperationHandler, type OperationOf, type HandlerResult, type HandlerOptions, type HandlerContext } from './outbox';
export { runSteps, hasStepProgress, type Step, type StepResults } from './steps';
export { Pacer, pacerFor, pacedHooks, declarePaceLimits, setPaceLimits, FACTORIAL_POSTS_PER_MINUTE, DEFAULT_PACE_LIMITS, type PacedVendor, type PaceLimits } from './pacing';
