/**
 * An automated accessibility audit (axe-core, the engine behind most audit
 * tools) of the page in each of its main states: the analytic 3-D view and
 * contour map, network mode with its data and curvature tabs, the keys'
 * help overlay, and a tour in presentation mode. No violation of serious or
 * critical impact may remain; lesser ones are printed.
 *
 * axe runs inside the page through the test driver (the page's own
 * Content-Security-Policy admits no script it did not ship).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The audit's violations of the page as it is now. */
async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  });
}

/** Audits the page; fails on serious or critical violations, naming them and where they are. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await audit(page);
  const lesser = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (lesser.length > 0) console.log(`${state}: ${lesser.map((v) => `${v.impact} ${v.id} (${v.targets.join(', ')})`).join('; ')}`);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), state).toEqual([]);
}

test('the analytic views, the help overlay and a tour in presentation mode pass the audit', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.waitForSurface();
  await expectAccessible(page, 'analytic, 3-D');
  await explorer.setViewMode('contour');
  await expectAccessible(page, 'analytic, contour map');
  await explorer.pressKey('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expectAccessible(page, 'the keys’ help');
  await page.keyboard.press('Escape');
  await page.getByTestId('tours-menu').selectOption('saddles');
  await expect(page.getByTestId('tour-panel')).toBeVisible();
  await explorer.pressKey('p');
  await expectAccessible(page, 'a tour in presentation mode');
});

test('network mode with its data and curvature tabs passes the audit', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'p=network' });
  await explorer.waitForNetworkData();
  await explorer.waitForState((s) => s.slice?.state === 'done', 'the landscape at θ₀', 60_000);
  await expectAccessible(page, 'network, data tab');
  await explorer.openSideTab('curvature');
  await expectAccessible(page, 'network, curvature tab');
});
