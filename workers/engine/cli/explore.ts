/**
 * `npm run explore -- LINK|FILE [--out FILE] [--csv DIR] [--svg DIR] …`:
 * the experiment of a link computed in Node, its results written as JSON,
 * CSV and SVG (workers/explore/exploreCommand.ts). Ctrl-C stops the
 * running phase and exits with 130; a second Ctrl-C exits at once.
 */
import { runExplore } from '../../explore/exploreCommand';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

runExplore(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`explore: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
