/**
 * The deadline that moved a row into `status` during a catch-up: the timed transition out of
 * the state it came from, not the (possibly late) moment the tick noticed. Null if the row
 * did not reach `status`.
 */
export function deadlineOf<S extends string>(
  steps: readonly { from: string; to: string }[],
  status: S,
  nextAt: (from: S) => Date | null,
): Date | null {
  const step = steps.find((candidate) => candidate.to === status);
  return step ? nextAt(step.from as S) : null;
}
