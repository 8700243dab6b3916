import type { OperationRecord, StepResults } from './records';
import type { HandlerContext } from './outbox';

/**
 * A durable operation made of steps (e.g. create the employee, then write the job title on their contract).
 * Each step's result is kept on the operation (`delivery.steps[name]`) the moment it is known, so a stopped worker,
 * a failure or Retry resumes at the first step not done, and a done step is never sent again. A step that talks
 * to the vendor before it is done can record that too (`progress`), to tell "my own earlier send" from "someone
 * else's record" when it runs again.
 */

/** What each step recorded, by step name. `done: true` once it completed. */
export type { StepResults };

export interface Step<C> {
  name: string;
  /** How the step is named to people, e.g. in "…, but the job title was not saved". */
  label?(): string;
  /** Whether this operation needs the step, given the context and what earlier steps found. Default: yes. */
  applies?(context: C, results: StepResults): boolean;
  /** Do the step; what it returns is recorded with `done: true`. `progress` records part-way facts. */
  run(context: C, results: StepResults, progress: (facts: Record<string, unknown>) => Promise<void>): Promise<Record<string, unknown>>;
}

/** Run the steps not done yet, in order. A step's failure is passed to `onFailure` (to say which step) and thrown. */
export async function runSteps<C>(
  operation: OperationRecord,
  handler: HandlerContext,
  steps: readonly Step<C>[],
  context: C,
  onFailure: (step: Step<C>, results: StepResults, error: unknown) => unknown = (_step, _results, error) => error,
): Promise<StepResults> {
  const results: StepResults = { ...(operation.delivery.steps ?? {}) };
  for (const step of steps) {
    if (results[step.name]?.done) continue;
    if (step.applies && !step.applies(context, results)) continue;
    const record = async (facts: Record<string, unknown>) => {
      results[step.name] = { ...results[step.name], ...facts };
      await handler.checkpoint({ ...results });
    };
    let facts: Record<string, unknown>;
    try {
      facts = await step.run(context, results, record);
    } catch (error) {
      throw onFailure(step, results, error);
    }
    await record({ ...facts, done: true });
  }
  return results;
}

/** Whether any step of this operation has recorded anything (so Retry should resume it, not start anew). */
export function hasStepProgress(operation: OperationRecord): boolean {
  const steps = operation.delivery.steps;
  return !!steps && Object.keys(steps).length > 0;
}
