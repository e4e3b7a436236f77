/**
 * When a training run counts as diverged although its numbers are still
 * finite. Non-finite losses, gradients, parameters and curvature are caught
 * where they arise; this rule catches the run whose loss explodes (to 1e30,
 * say) while float32 still holds it, which would otherwise end "done".
 *
 * A run has diverged at update t when
 *   L_t > G · max(L_1, F),
 * L_1 the loss of its first update, G = 10⁶ the growth allowed and F = 10⁻³ a
 * floor, so that a run starting near zero loss is not stopped for reaching
 * an ordinary loss (it must pass G·F = 1000, far above any loss a network on
 * these data sets reaches while it learns: cross-entropy of logits ~1000, or
 * squared errors of ~30 on targets of order one).
 */

/** G: how many times its start a loss may grow. */
export const LOSS_GROWTH_LIMIT = 1e6;

/** F: the least start the growth is measured from. */
export const LOSS_GROWTH_FLOOR = 1e-3;

/** Whether `loss` exceeds G · max(start, F) (see the module comment). */
export function lossGrewTooMuch(start: number, loss: number): boolean {
  return loss > LOSS_GROWTH_LIMIT * Math.max(start, LOSS_GROWTH_FLOOR);
}

/** The sentence that says why a run stopped, e.g. "the loss 2.0e+30 grew past 10⁶ times its start 0.693". */
export function lossGrowthReason(start: number, loss: number): string {
  return `the loss ${loss.toPrecision(3)} grew past 10⁶ times its start ${start.toPrecision(3)}`;
}
