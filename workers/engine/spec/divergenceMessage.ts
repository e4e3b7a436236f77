/**
 * The sentence a run stops with when it diverges, the same for analytic and
 * network runs. The update of step t is the one found unusable, so the run
 * stops at step t − 1, the last step its card shows; the sentence names both
 * so that the card's "step 2" and "diverged at step 3" do not read as an
 * off-by-one. A run stopped by a check of the point it already reached (its
 * Hessian at step t, its start) stops at step t itself.
 */

/**
 * "Gradient descent, full batch diverged at step 3, so it stopped at step 2: …".
 * @param run the run's label (`runLabels`), never its id
 * @param divergedAt the step whose result was unusable
 * @param stoppedAt the last step the run completed (divergedAt − 1, or divergedAt when the completed step's point failed a later check)
 * @param reason what was unusable, in words
 */
export function divergenceMessage(run: string, divergedAt: number, stoppedAt: number, reason: string): string {
  const stopped = stoppedAt < divergedAt ? `, so it stopped at step ${stoppedAt}` : '';
  return `${run} diverged at step ${divergedAt}${stopped}: ${reason}`;
}
