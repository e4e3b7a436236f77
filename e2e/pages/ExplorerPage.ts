/**
 * Page object of the explorer: navigation, the controls a test uses, and
 * typed access to the app's test handle (`window.__explorer`).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ExplorerTestState } from '../../app/testHandle';

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = 'e2e/screenshots';

/** The analytic function of the state's experiment, or null when it is about a network. */
export function functionOf(state: ExplorerTestState): string | null {
  const { problem } = state.experiment;
  return problem.kind === 'analytic' ? problem.name : null;
}

export class ExplorerPage {
  readonly landscape: Locator;
  readonly statusBar: Locator;
  readonly linkMessages: Locator;

  constructor(readonly page: Page) {
    this.landscape = page.getByTestId('landscape-view');
    this.statusBar = page.getByTestId('status-bar');
    this.linkMessages = page.getByTestId('link-messages');
  }

  /** Opens the app with an optional query (e.g. `?backend=wasm`) and hash. */
  async open(options: { query?: string; hash?: string } = {}): Promise<void> {
    await this.page.goto(`./${options.query ?? ''}${options.hash ? `#${options.hash}` : ''}`);
    await this.page.waitForFunction(() => window.__explorer !== undefined);
  }

  /** Opens a network experiment and waits until its data and the evaluation at θ₀ are shown. */
  async openNetwork(options: { query?: string; hash: string }, timeout?: number): Promise<ExplorerTestState> {
    await this.open(options);
    return this.waitForNetworkData(timeout);
  }

  /** The app's state as reported by its test handle. */
  async state(): Promise<ExplorerTestState> {
    return this.page.evaluate(() => window.__explorer!.getState());
  }

  /** Waits until the full surface (the experiment's grid) is computed and drawn. */
  async waitForSurface(timeout = 30_000): Promise<ExplorerTestState> {
    await expect
      .poll(async () => (await this.state()).surfacePhase, { timeout, message: 'the full surface' })
      .toBe('full');
    await expect(this.landscape).toHaveAttribute('data-drawn-version', /\d+/, { timeout });
    return this.state();
  }

  /** Waits until `predicate` holds for the state, polling the test handle. */
  async waitForState(predicate: (state: ExplorerTestState) => boolean, message: string, timeout = 30_000): Promise<ExplorerTestState> {
    await expect
      .poll(async () => predicate(await this.state()), { timeout, message, intervals: [50, 100, 250] })
      .toBe(true);
    return this.state();
  }

  async selectFunction(label: string): Promise<void> {
    await this.page.getByTestId('function-select').selectOption({ label });
  }

  /** Types a value into a number field and commits it with Enter. */
  async fill(testId: string, value: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.fill(value);
    await input.press('Enter');
  }

  async setStart(x: number, y: number): Promise<void> {
    await this.fill('start-x', String(x));
    await this.fill('start-y', String(y));
  }

  /** The id of each optimizer card, in order. */
  async optimizerIds(): Promise<string[]> {
    return (await this.state()).experiment.optimizers.map((spec) => spec.id);
  }

  async playButton(): Promise<Locator> {
    return this.page.getByTestId('play');
  }

  async play(): Promise<void> {
    await expect(this.page.getByTestId('play')).toHaveText(/Play|Replay/);
    await this.page.getByTestId('play').click();
  }

  async pause(): Promise<void> {
    await expect(this.page.getByTestId('play')).toHaveText('Pause');
    await this.page.getByTestId('play').click();
  }

  /**
   * Pauses the runs unless they have already finished (then there is nothing
   * to pause). The button is read and pressed in one go inside the page: runs
   * that finish between a look and a click would otherwise be replayed.
   */
  async pauseIfRunning(): Promise<void> {
    await this.page.getByTestId('play').evaluate((button: HTMLButtonElement) => {
      if (button.textContent === 'Pause') button.click();
    });
    await this.waitForState((s) => s.runStatus !== 'running', 'the runs to pause or finish');
  }

  /** Presses a key with nothing focused (so not in a field, nor on a button). */
  async pressKey(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  async setViewMode(mode: '3d' | 'contour'): Promise<void> {
    await this.page.getByTestId(mode === '3d' ? 'view-3d' : 'view-contour').click();
    await expect(this.landscape).toHaveAttribute('data-mode', mode);
  }

  /** The backend shown in the status bar. */
  backendLabel(): Locator {
    return this.page.getByTestId('backend');
  }

  /**
   * Standard deviation of the grey levels of the landscape's pixels (0 for a
   * blank picture). The screenshot is decoded by the browser itself.
   */
  async landscapePixelDeviation(): Promise<number> {
    return this.pixelDeviation(this.landscape);
  }

  /** Standard deviation of the grey levels of `element`'s pixels as shown (0 for a blank area). */
  async pixelDeviation(element: Locator): Promise<number> {
    const png = await element.screenshot();
    return this.greyDeviation(png.toString('base64'));
  }

  /** Standard deviation of the grey levels of the pixels of a PNG picture (given as base64), decoded by the page. */
  private async greyDeviation(pngBase64: string): Promise<number> {
    return this.page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let sum = 0;
      let sumOfSquares = 0;
      const count = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const grey = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        sum += grey;
        sumOfSquares += grey * grey;
      }
      const mean = sum / count;
      return Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
    }, pngBase64);
  }

  /** Chooses an entry of the presets menu by its id (e.g. 'saddle-newton'). */
  async choosePreset(id: string): Promise<void> {
    await this.page.getByTestId('presets-menu').selectOption(id);
  }

  /** Switches between the analytic-function and neural-network modes with the switch at the top of the controls. */
  async switchMode(mode: 'analytic' | 'network'): Promise<void> {
    await this.page.getByTestId(`mode-${mode}`).click();
    await expect(this.page.getByTestId(`mode-${mode}`)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Waits until the network's data and the evaluation at θ₀ are shown (network mode). */
  async waitForNetworkData(timeout = 30_000): Promise<ExplorerTestState> {
    return this.waitForState(
      (s) => s.mode === 'network' && s.dataView.n > 0 && s.networkRuns.length > 0 && s.networkRuns.every((run) => run.trainLoss !== null),
      'the network data and initial losses',
      timeout,
    );
  }

  /**
   * Standard deviation of the grey levels of the data view's picture, its
   * two layers (prediction, points) composited (0 for a blank picture): how
   * much the decision boundary and the points vary.
   */
  async dataViewPixelDeviation(): Promise<number> {
    const png = await this.page.getByTestId('data-view').evaluate((view: HTMLElement) => {
      const layers = [...view.querySelectorAll('canvas')];
      const picture = document.createElement('canvas');
      picture.width = layers[0].width;
      picture.height = layers[0].height;
      const context = picture.getContext('2d')!;
      for (const layer of layers) context.drawImage(layer, 0, 0);
      return picture.toDataURL('image/png').slice('data:image/png;base64,'.length);
    });
    return this.greyDeviation(png);
  }

  /**
   * Chooses the slice's directions and dimension; once the resolution shows
   * that dimension's default (`defaultResolution`), types `resolution` over
   * it and waits until the experiment has it.
   */
  async chooseSlice(directions: string, dims: 1 | 2, defaultResolution: number, resolution: number): Promise<void> {
    await this.page.getByTestId('slice-directions').selectOption(directions);
    await this.page.getByTestId(`slice-dims-${dims}`).click();
    await expect(this.page.getByTestId('slice-resolution')).toHaveValue(String(defaultResolution));
    await this.fill('slice-resolution', String(resolution));
    await this.waitForState(
      (s) => s.experiment.slice.dims === dims && s.experiment.slice.resolution === resolution,
      `a ${resolution}-point ${dims === 1 ? 'line' : 'plane'}`,
    );
  }

  /**
   * Presses "Compute slice" and waits until the slice job has finished with
   * a slice for which `isWanted` holds (the previous slice may also be 'done').
   */
  async computeSlice(isWanted: (slice: NonNullable<ExplorerTestState['slice']>) => boolean, timeout = 60_000): Promise<ExplorerTestState> {
    await this.page.getByTestId('compute-slice').click();
    return this.waitForState((s) => s.slice !== null && s.slice.state === 'done' && isWanted(s.slice), 'the slice', timeout);
  }

  /** Clicks the landscape at fractions (fx, fy) of its width and height from its top-left corner. */
  async clickLandscapeAt(fx: number, fy: number): Promise<void> {
    const box = (await this.landscape.boundingBox())!;
    await this.page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
  }

  /** Shows the data view or the curvature view in the side column of network mode. */
  async openSideTab(tab: 'data' | 'curvature'): Promise<void> {
    await this.page.getByTestId(`side-tab-${tab}`).click();
    await expect(this.page.getByTestId(`side-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  }
}
