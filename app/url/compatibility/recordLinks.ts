/**
 * Writes `links.json`: for every link of `compatibilityLinks()`, the
 * experiment it opens to, the messages it gives and the link the experiment
 * serialises back to, as the code reads and writes them when this runs.
 * Run it (`npx tsx app/url/compatibility/recordLinks.ts`) only to add links;
 * the recorded behaviour is what `links.test.ts` keeps.
 */
import { writeFileSync } from 'node:fs';
import { experimentToHash, hashToExperiment } from '../hash';
import { compatibilityLinks } from './links';

const records = compatibilityLinks().map((link) => {
  const { experiment, messages } = hashToExperiment(link);
  return { link, experiment, messages, serialised: experimentToHash(experiment) };
});
writeFileSync(new URL('./links.json', import.meta.url), `${JSON.stringify(records, null, 1)}\n`);
console.log(`${records.length} links recorded`);
