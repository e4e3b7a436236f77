/**
 * Link lengths: the default links of both modes and the longest preset
 * link, each with a display away from every default (a moved camera, the
 * curvature tab, a selected run and a clicked point where they apply), stay
 * under the 2,000 characters every browser, chat client and slide tool
 * keeps intact. The figures are printed.
 */
import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { PRESETS } from '../../workers/engine/spec/presets';
import type { DisplayState } from './displayFields';
import { linkToState, stateToLink } from './link';

/** The longest display an experiment can have (camera coordinates with two decimals and a sign each). */
function fullestDisplay(experiment: Experiment): DisplayState {
  const network = experiment.problem.kind === 'network';
  return {
    camera: { position: [-12.34, 15.67, -19.89], target: [-1.23, 0.45, -2.37] },
    sideTab: network ? 'curvature' : 'data',
    selectedRun: network ? experiment.optimizers[experiment.optimizers.length - 1].id : null,
    point: network && experiment.slice.dims === 2 ? [experiment.slice.alpha[0] + 0.123, experiment.slice.beta[1] - 0.877] : null,
  };
}

/** The page's address, the hash's "#" and the link, as the Share button copies it. */
const ORIGIN = 'https://example.github.io/loss-landscape-explorer/';
const shareLength = (experiment: Experiment) => `${ORIGIN}#${stateToLink(experiment, fullestDisplay(experiment))}`.length;

describe('link lengths', () => {
  it('keeps the default links and the longest preset link under 2,000 characters, and each opens without a message', () => {
    const bare = (experiment: Experiment) => `${ORIGIN}#${stateToLink(experiment, linkToState('').display)}`.length;
    const figures: [string, number][] = [
      ['default analytic link, default display', bare(defaultExperiment())],
      ['default network link, default display', bare(defaultNetworkExperiment())],
      ['default analytic link', shareLength(defaultExperiment())],
      ['default network link', shareLength(defaultNetworkExperiment())],
    ];
    const presets = PRESETS.map((preset) => [`preset ${preset.id}`, shareLength(preset.build())] as [string, number]);
    const longest = presets.reduce((a, b) => (b[1] > a[1] ? b : a));
    figures.push([`longest preset link (${longest[0]})`, longest[1]]);
    console.log(`Link lengths with a ${ORIGIN.length}-character address and a full display:\n${figures.map(([name, length]) => `  ${name}: ${length}`).join('\n')}`);
    for (const [, length] of figures) expect(length).toBeLessThan(2000);
    for (const experiment of [defaultExperiment(), defaultNetworkExperiment(), ...PRESETS.map((preset) => preset.build())]) {
      const { messages, display } = linkToState(stateToLink(experiment, fullestDisplay(experiment)));
      expect(messages).toEqual([]);
      expect(display).toEqual(fullestDisplay(experiment));
    }
  });
});
