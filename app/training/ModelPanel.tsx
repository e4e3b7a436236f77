/**
 * The network of a network experiment: hidden layers as a list of widths
 * (+ adds a layer, − removes the last), the activation, the initialisation
 * (scheme, scale, seed), weight decay and dropout, and the parameter count.
 */
import { useMemo, type ReactElement } from 'react';
import { ACTIVATIONS, type Activation } from '../../workers/engine/spec/mlp';
import { INIT_SCHEMES, networkShape, type InitScheme, type NetworkProblem } from '../../workers/engine/spec/networkProblem';
import { NETWORK_LIMITS } from '../../workers/engine/spec/limits';
import { selectNetworkProblem } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';
import { SelectField } from '../ui/SelectField';

const ACTIVATION_OPTIONS = ACTIVATIONS.map((value) => ({ value, label: value }));
const INIT_LABELS: Record<InitScheme, string> = { glorot: 'Glorot (uniform)', he: 'He (normal)', normal: 'Normal N(0, σ²)' };
const INIT_OPTIONS = INIT_SCHEMES.map((value) => ({ value, label: INIT_LABELS[value] }));

/** "2-16-16-1 · 337 parameters" (the shape needs the data set's input and output sizes). */
function describeShape(problem: NetworkProblem): string {
  try {
    const { layers, paramCount } = networkShape(problem);
    return `${layers.join('-')} · ${paramCount.toLocaleString('en')} parameters`;
  } catch {
    return 'the data-set options are invalid';
  }
}

/** The network section (nothing for an analytic experiment). */
export function ModelPanel(): ReactElement | null {
  const problem = useAppStore(selectNetworkProblem);
  const shape = useMemo(() => (problem ? describeShape(problem) : ''), [problem]);
  if (problem === null) return null;
  const { setHiddenWidth, addHiddenLayer, removeHiddenLayer, setActivation, setInit, setWeightDecay, setDropout } = appStore.getState();
  const layers = problem.hidden;

  return (
    <Section title="Network" testId="model-panel">
      <div className="field">
        <span className="label">Hidden layers (widths)</span>
        <div className="hidden-layers">
          {layers.map((width, layer) => (
            <div className="hidden-width" key={layer}>
              <NumberField
                label={`${layer + 1}`}
                value={width}
                integer
                testId={`hidden-width-${layer}`}
                onCommit={(next) => setHiddenWidth(layer, next)}
              />
            </div>
          ))}
          {layers.length === 0 && <span className="muted">none (a linear model)</span>}
          <div className="layer-buttons">
            <button
              type="button"
              aria-label="Add a hidden layer"
              title="Add a hidden layer"
              data-testid="add-layer"
              disabled={layers.length >= NETWORK_LIMITS.hiddenLayers.max}
              onClick={() => addHiddenLayer()}
            >
              +
            </button>
            <button
              type="button"
              aria-label="Remove the last hidden layer"
              title="Remove the last hidden layer"
              data-testid="remove-layer"
              disabled={layers.length === 0}
              onClick={removeHiddenLayer}
            >
              −
            </button>
          </div>
        </div>
      </div>
      <p className="note" data-testid="param-count">
        {shape}
      </p>
      <div className="row">
        <SelectField<Activation> label="Activation" value={problem.activation} options={ACTIVATION_OPTIONS} onChange={setActivation} testId="activation" />
        <SelectField<InitScheme>
          label="Initialisation"
          value={problem.init.scheme}
          options={INIT_OPTIONS}
          onChange={(scheme) => setInit({ scheme })}
          testId="init-scheme"
        />
      </div>
      <div className="row">
        <NumberField
          label={problem.init.scheme === 'normal' ? 'Init σ' : 'Init gain'}
          value={problem.init.scale}
          testId="init-scale"
          onCommit={(scale) => setInit({ scale })}
        />
        <NumberField label="Init seed" value={problem.init.seed} integer testId="init-seed" onCommit={(seed) => setInit({ seed })} />
      </div>
      <div className="row">
        <NumberField label="Weight decay" hint="λ" value={problem.weightDecay} testId="weight-decay" onCommit={(value) => setWeightDecay(value)} />
        <NumberField label="Dropout" hint="p" value={problem.dropout} testId="dropout" onCommit={(value) => setDropout(value)} />
      </div>
    </Section>
  );
}
