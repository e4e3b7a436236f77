/**
 * One hyper-parameter: a slider over its usual range (logarithmic for rates
 * and tolerances) plus a box for the exact value, which may lie outside the
 * slider's range as long as the optimizer accepts it.
 */
import type { ReactElement } from 'react';
import type { HyperParameterSpec } from '../../workers/engine/spec/optimizers/registry';
import { NumberField } from '../ui/NumberField';

/** What a control needs of a hyper-parameter's description. */
export type SliderSpec = Omit<HyperParameterSpec, 'key' | 'urlKey'>;

/** Slider positions from 0 to this. */
const SLIDER_STEPS = 1000;

/** The slider position (0…SLIDER_STEPS) of `value`: linear, or linear in log(value) for log-scaled parameters. */
export function sliderPosition(spec: SliderSpec, value: number): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const fraction =
    spec.scale === 'log'
      ? Math.log(clamped / spec.min) / Math.log(spec.max / spec.min)
      : (clamped - spec.min) / (spec.max - spec.min);
  return Math.round(fraction * SLIDER_STEPS);
}

/**
 * The value at slider position `position` (inverse of {@link sliderPosition}),
 * rounded to 3 significant digits (whole numbers for integer parameters) so links stay short.
 */
export function sliderValue(spec: SliderSpec, position: number): number {
  const fraction = position / SLIDER_STEPS;
  const raw =
    spec.scale === 'log'
      ? spec.min * Math.pow(spec.max / spec.min, fraction)
      : spec.min + fraction * (spec.max - spec.min);
  return spec.integer ? Math.round(raw) : Number(raw.toPrecision(3));
}

export interface HyperParameterControlProps {
  spec: SliderSpec;
  value: number;
  /** Applies the value; returns why it was refused, or null. */
  onCommit(value: number): string | null;
  testId: string;
}

export function HyperParameterControl({ spec, value, onCommit, testId }: HyperParameterControlProps): ReactElement {
  return (
    <div className="hyper">
      <NumberField
        label={spec.label}
        hint={spec.symbol}
        value={value}
        integer={spec.integer}
        onCommit={onCommit}
        testId={testId}
      />
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        value={sliderPosition(spec, value)}
        aria-label={`${spec.label} slider`}
        data-testid={`${testId}-slider`}
        onChange={(event) => onCommit(sliderValue(spec, Number(event.target.value)))}
      />
    </div>
  );
}
