import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { recordCspViolations } from './pages/cspViolations';

/**
 * Data of one's own: a CSV file opened in the data panel becomes the data
 * set (standardised, its task read from the labels) and trains like any
 * other; a bad file says why and changes nothing (also when dropped on the
 * panel); the link names the rows by a marker, and a fresh page opening it
 * says it needs the file, offers to open it, and with it is the same experiment.
 */

/** A 2-6-K network, 20 full-batch steps of gradient descent. */
const NETWORK = 'v=1&p=network&n=20&ds=spiral&do=n:80&h=6&ev=10&o=sgd,id:o1,c:4cc9f0,b:0,lr:0.5,w:0';

/** 60 rows in three classes, x₁ around 100 and x₂ around −5 (raw units, so standardisation matters). */
const GOOD_CSV = ['length,width,kind', ...Array.from({ length: 60 }, (_, i) => `${100 + (i % 3) * 4 + ((i * 7) % 5) / 10},${-5 + ((i * 3) % 5) / 10},${'abc'[i % 3]}`)].join('\n');

/** Text in a numeric column on line 5. */
const BAD_CSV = GOOD_CSV.split('\n').map((line, index) => (index === 4 ? '101,oops,a' : line)).join('\n');

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Drops a file on the data panel, as a file manager would. */
async function dropOnDataPanel(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(([fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], fileName, { type: 'text/csv' }));
    return data;
  }, [name, text] as const);
  await page.getByTestId('dataset-panel').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('dataset-panel').dispatchEvent('drop', { dataTransfer: transfer });
}

const hashOf = (page: Page) => new URL(page.url()).hash.slice(1);

test('a CSV file trains like a built-in data set, a bad one changes nothing, and its link asks for the file in a fresh page', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const violations = await recordCspViolations(page);
  const explorer = new ExplorerPage(page);
  await explorer.open({ query: '?backend=wasm', hash: NETWORK });
  await explorer.waitForNetworkData();

  await page.getByTestId('csv-file-input').setInputFiles(csvFile('flowers.csv', GOOD_CSV));
  await expect(page.getByTestId('csv-status')).toHaveText('Opened "flowers.csv": 60 rows, 3 classes (a, b, c).');
  await expect(page.getByTestId('dataset-select')).toHaveValue('csv');
  await expect(page.getByTestId('dataset-description')).toContainText('flowers.csv: 60 rows, length and width (standardised on the training split), 3 classes of kind');
  // 60 rows, a fifth held out; a 2-6-3 network: (2 + 1)·6 + (6 + 1)·3 = 39 parameters.
  const opened = await explorer.waitForState((s) => s.dataView.n === 60 && s.dataView.paramCount === 39, 'the uploaded data in the workers');
  await expect(page.getByTestId('dataset-counts')).toHaveText('48 training and 12 test samples');
  const problem = opened.experiment.problem;
  expect(problem.kind === 'network' && problem.dataset).toBe('csv');
  const link = hashOf(page);
  expect(link).toMatch(/&ds=csv&do=&.*&csv=[0-9a-f]{8}\.60&o=/);

  await explorer.play();
  const trained = await explorer.waitForState((s) => s.runStatus === 'done', 'the run trained on the uploaded data', 30_000);
  const run = trained.networkRuns[0];
  expect(run.step).toBe(20);
  expect(run.trainLoss).not.toBeNull();
  expect(run.trainLoss!).toBeLessThan(run.firstTrainLoss!);
  await explorer.openSideTab('data');
  await explorer.screenshot('80-csv-uploaded-trained');

  // A bad file, picked or dropped on the panel: a sentence naming the line, and nothing changed.
  await page.getByTestId('csv-file-input').setInputFiles(csvFile('bad.csv', BAD_CSV));
  await expect(page.getByTestId('csv-status')).toHaveText('Could not open "bad.csv": line 5, column 2 (width): "oops" is not a number. Nothing was changed.');
  await dropOnDataPanel(page, 'dropped.csv', '1,2\n3,4\n');
  await expect(page.getByTestId('csv-status')).toHaveText('Could not open "dropped.csv": line 1: expected 3 columns (two features and a label or target), found 2. Nothing was changed.');
  // The drop stopped at the panel: the page did not try it as an experiment file.
  await expect(page.getByTestId('share-status')).toHaveCount(0);
  expect(hashOf(page)).toBe(link);
  const after = await explorer.state();
  expect(after.experiment).toEqual(trained.experiment);
  expect(after.networkRuns[0].step).toBe(20);

  // A fresh page has no rows: the default data set, the link's other settings, and the offer to open the file.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fresh = new ExplorerPage(await context.newPage());
  const freshViolations = await recordCspViolations(fresh.page);
  await fresh.page.goto(page.url());
  await fresh.page.waitForFunction(() => window.__explorer !== undefined);
  const marker = link.match(/csv=([0-9a-f]{8})\.60/)![1];
  await expect(fresh.page.getByTestId('csv-missing')).toContainText(`60 rows, content hash ${marker}`);
  await expect(fresh.linkMessages).toContainText(`This link trains on an uploaded CSV file (60 rows, content hash ${marker}) that a link cannot carry`);
  const waiting = await fresh.waitForNetworkData();
  await fresh.screenshot('81-csv-link-needs-its-file');
  const fallback = waiting.experiment.problem;
  expect(fallback.kind === 'network' && [fallback.dataset, fallback.hidden]).toEqual(['spiral', [6]]);
  const chooser = fresh.page.waitForEvent('filechooser');
  await fresh.page.getByTestId('csv-missing-open').click();
  await (await chooser).setFiles(csvFile('flowers.csv', GOOD_CSV));
  await expect(fresh.page.getByTestId('csv-missing')).toHaveCount(0);
  await fresh.waitForState((s) => s.dataView.n === 60 && s.dataView.paramCount === 39, 'the file opened in the fresh page');
  expect(hashOf(fresh.page)).toBe(link);
  // Reading files and markers evaluates no strings as code (the page's policy forbids it).
  expect([...(await violations()), ...(await freshViolations())]).toEqual([]);
  await context.close();
});
