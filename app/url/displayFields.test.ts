import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment } from '../../workers/engine/spec/experiment';
import { experimentToHash, hashToExperiment } from './hash';
import { defaultDisplay, type DisplayState } from './displayFields';
import { linkToState, stateToLink } from './link';
import recorded from './compatibility/links.json';

const network = defaultNetworkExperiment();
const networkHash = experimentToHash(network);
const analyticHash = experimentToHash(defaultExperiment());

/** A display away from every default, on the default network experiment. */
const shown: DisplayState = {
  camera: { position: [3.25, 12.5, -7.75], target: [0.5, 1, -0.25] },
  sideTab: 'curvature',
  selectedRun: network.optimizers[1].id,
  point: [0.125, -0.5],
};

/** Opens the default network link with `extra` pairs appended. */
const openNetwork = (extra: string) => linkToState(`${networkHash}&${extra}`);

describe('the display fields of a link', () => {
  it('round-trips a display away from every default, and leaves the experiment as the experiment link gives it', () => {
    const link = stateToLink(network, shown);
    expect(link.startsWith(`${networkHash}&`)).toBe(true);
    expect(link.slice(networkHash.length)).toBe('&cam=3.25,12.5,-7.75,0.5,1,-0.25&tab=curvature&sel=o2&pt=0.125,-0.5');
    const { experiment, display, messages } = linkToState(link);
    expect(messages).toEqual([]);
    expect(display).toEqual(shown);
    expect(experiment).toEqual(hashToExperiment(networkHash).experiment);
  });

  it('writes nothing for the default display, so the link is the experiment’s', () => {
    expect(stateToLink(network, defaultDisplay())).toBe(networkHash);
    expect(linkToState(networkHash).display).toEqual(defaultDisplay());
  });

  it('opens every link of the compatibility set (written before the display keys) to the same experiment and messages, with the default display', () => {
    for (const record of recorded) {
      const { experiment, display, messages } = linkToState(record.link);
      expect(JSON.parse(JSON.stringify(experiment))).toEqual(record.experiment);
      expect([...messages].sort()).toEqual([...record.messages].sort());
      expect(display).toEqual(defaultDisplay());
      expect(stateToLink(experiment, display)).toBe(record.serialised);
    }
  });

  it('writes the camera to a hundredth of a unit', () => {
    const camera = { position: [1.23456, -0.004, 9.999] as [number, number, number], target: [0, 0.005, 1 / 3] as [number, number, number] };
    const link = stateToLink(defaultExperiment(), { ...defaultDisplay(), camera });
    expect(link.endsWith('&cam=1.23,0,10,0,0.01,0.33')).toBe(true);
  });

  it('keeps the camera of an analytic link, and refuses the network-only fields there with a message each', () => {
    const { display, messages } = linkToState(`${analyticHash}&cam=1,2,3,0,0,0&tab=curvature&sel=o1&pt=0,0`);
    expect(display.camera).toEqual({ position: [1, 2, 3], target: [0, 0, 0] });
    expect(display.sideTab).toBe('data');
    expect(display.selectedRun).toBeNull();
    expect(display.point).toBeNull();
    expect(messages).toEqual([
      'Ignored tab="curvature" (side tab): only network experiments have side tabs.',
      'Ignored sel="o1" (selected run): only network experiments select a run for the data view.',
      'Ignored pt="0,0" (clicked point): only network slices have clicked points.',
    ]);
  });

  const badValues: [string, string, RegExp][] = [
    ['cam', 'abc', /Ignored cam="abc" \(3-D camera\): expected position x, y, z then target x, y, z: 6 comma-separated numbers from -1000 to 1000; using the default\./],
    ['cam', '1,2,3,4,5', /expected position x, y, z then target/],
    ['cam', '1,2,3,4,5,6,7', /expected position x, y, z then target/],
    ['cam', 'NaN,1,1,0,0,0', /Ignored cam="NaN,1,1,0,0,0"/],
    ['cam', 'Infinity,1,1,0,0,0', /Ignored cam="Infinity,1,1,0,0,0"/],
    ['cam', '1e400,1,1,0,0,0', /Ignored cam="1e400,1,1,0,0,0"/],
    ['cam', '1001,1,1,0,0,0', /from -1000 to 1000/],
    ['cam', '1,1,1,1,1,1', /the camera must be 2 to 80 units from its target, not 0; using the default/],
    ['cam', '500,0,0,0,0,0', /the camera must be 2 to 80 units from its target, not 500/],
    ['cam', '1,,2,0,0,0', /Ignored cam="1,,2,0,0,0"/],
    ['cam', '0x10,1,1,0,0,0', /Ignored cam="0x10,1,1,0,0,0"/],
    ['tab', 'settings', /Ignored tab="settings" \(side tab\): expected one of data, curvature; using the default\./],
    ['tab', '', /Ignored tab="" \(side tab\)/],
    ['sel', 'o9', /Ignored sel="o9" \(selected run\): the experiment has no run "o9"; using the default\./],
    ['sel', 'O1', /Ignored sel="O1" \(selected run\): expected a run id/],
    ['sel', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', /Ignored sel="<script>alert\(1\)<\/script>" \(selected run\): expected a run id/],
    ['pt', '2,0', /Ignored pt="2,0" \(clicked point\): \(2, 0\) lies outside the slice's range α ∈ \[-1, 1\], β ∈ \[-1, 1\]; using the default\./],
    ['pt', 'NaN,0', /Ignored pt="NaN,0" \(clicked point\): expected α, β: 2 comma-separated numbers from -100 to 100/],
    ['pt', '-Infinity,0', /Ignored pt="-Infinity,0"/],
    ['pt', '0', /expected α, β: 2 comma-separated numbers/],
    ['pt', '1000,0', /from -100 to 100/],
  ];

  it.each(badValues)('%s=%s keeps the default and says why, losing nothing else', (key, value, message) => {
    const { experiment, display, messages } = openNetwork(`cam=1,2,3,0,0,0&tab=curvature&sel=o1&pt=0.5,0.5&${key}=${value}`.replace(new RegExp(`${key}=[^&]*&?`), '') + `&${key}=${value}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
    expect(experiment).toEqual(network);
    const expected: DisplayState = { camera: { position: [1, 2, 3], target: [0, 0, 0] }, sideTab: 'curvature', selectedRun: 'o1', point: [0.5, 0.5] };
    const field = { cam: 'camera', tab: 'sideTab', sel: 'selectedRun', pt: 'point' }[key] as keyof DisplayState;
    expect(display).toEqual({ ...expected, [field]: defaultDisplay()[field] });
  });

  it('refuses a clicked point on a line slice', () => {
    const { display, messages } = linkToState(`${networkHash.replace('ldim=2', 'ldim=1')}&pt=0,0`);
    expect(display.point).toBeNull();
    expect(messages).toEqual(['Ignored pt="0,0" (clicked point): a point is clicked on a 2-D slice, and this slice is a line; using the default.']);
  });

  it('quotes a megabyte of markup in a short message and keeps the rest of a long link', () => {
    const markup = `<img src=x onerror=alert(1)>${'A'.repeat(3000)}`;
    const { display, messages, experiment } = linkToState(`${networkHash}&tab=curvature&sel=${encodeURIComponent(markup)}`);
    expect(display.sideTab).toBe('curvature');
    expect(display.selectedRun).toBeNull();
    expect(experiment).toEqual(network);
    expect(messages).toHaveLength(1);
    expect(messages[0].length).toBeLessThan(200);
    expect(messages[0]).toContain('Ignored sel="<img src=x onerror=alert(1)>AAAAAAAAAAAA…" (selected run)');
    // A link past the length any link may hold is refused whole, the display with it.
    const huge = linkToState(`${networkHash}&tab=curvature&cam=${'1,'.repeat(5000)}`);
    expect(huge.display).toEqual(defaultDisplay());
    expect(huge.messages).toHaveLength(1);
    expect(huge.messages[0]).toMatch(/characters is more than the 4,096 a link may hold/);
  });

  it('reads the first of repeated display keys, as the experiment’s fields', () => {
    expect(openNetwork('tab=curvature&tab=data').display.sideTab).toBe('curvature');
  });
});
