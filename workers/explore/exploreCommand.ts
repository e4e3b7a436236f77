/**
 * `npm run explore -- LINK|FILE [options]`: computes an experiment from
 * its link in Node, through the same job modules the page's workers run,
 * and writes the results (app/export): versioned JSON, CSV tables, SVG
 * figures. See {@link USAGE}.
 *
 * The link is read by the page's own codec (`hashToExperiment`), so a link
 * with bad fields gets the page's messages, word for word, and a non-zero
 * exit unless `--accept-defaults` (then the defaults are used for those
 * fields, as on the page). `?backend=` and `?engine=` in the link choose the
 * Node backend (cpu or wasm) and the network engine as they do on the page;
 * `--backend` and `--engine` override them.
 */
// TensorFlow.js registers its gradient functions on load (tfjs-core alone has none; the Hessians need them).
import '@tensorflow/tfjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { csvFiles, type ExportFile } from '../../app/export/csv';
import { RESULTS_FORMAT, resultsToJson, type ResultsDocument } from '../../app/export/results';
import { svgFiles } from '../../app/export/svg/figures';
import { experimentToHash, hashToExperiment } from '../../app/url/hash';
import { useNodeBackend } from '../engine/backends/node';
import { engineFromQuery, preferNetworkEngine, preferredNetworkEngine, NETWORK_ENGINES, type EngineSetting } from '../engine/networks/fast/engine';
import { isNetworkExperiment, validateExperiment, type Experiment } from '../engine/spec/experiment';
import { exploreAnalytic } from './analyticExploration';
import { analyticResults, networkResults } from './exploreResults';
import { exploreNetwork } from './networkExploration';
import { isAbort, SILENT_PROGRESS, type ProgressSink } from './progress';
import { stderrProgress, type ProgressStream } from './stderrProgress';

/** The command's help text. */
export const USAGE = `usage: npm run explore -- LINK|FILE [options]

  LINK                 a link of the page (https://…/?backend=wasm#v=1&…), its query and hash, or a bare hash (#v=1&…)
  FILE                 an experiment as JSON (or a results file: its experiment is computed again)

  --out FILE           write the results as JSON (${RESULTS_FORMAT}) to FILE (default: stdout)
  --csv DIR            write surface, line, trajectories, curves and spectrum tables as CSV into DIR
  --svg DIR            write the contour map, loss curves, line slice and spectrum as SVG into DIR
  --backend cpu|wasm   the TensorFlow.js backend (default: the link's ?backend=, else cpu)
  --engine fast|tfjs   the network engine (default: the link's ?engine=, else the measured choice)
  --curvature-run ID   the run whose latest parameters the curvature report describes (default: the first)
  --no-curvature       no curvature report (network experiments)
  --exact              the exact spectrum too (up to the page's parameter limit)
  --accept-defaults    compute a link with ignored settings (with the defaults for them) instead of stopping
  --quiet              nothing on stderr but link messages and errors
  --help               this text

Exit status: 0 done, 1 a bad link or experiment or a failed computation (what was computed is still written), 2 a bad command line, 130 cancelled.`;

/** The banner's heading above the link's messages (app/ui/Messages.tsx). */
export const LINK_MESSAGES_HEADING = 'Some settings in this link were ignored; the defaults are used for them.';

/** The command line, read. */
export interface ExploreArguments {
  input: string;
  out: string | null;
  csv: string | null;
  svg: string | null;
  backend: 'cpu' | 'wasm' | null;
  engine: EngineSetting | null;
  curvature: boolean;
  curvatureRun: string | null;
  exact: boolean;
  acceptDefaults: boolean;
  quiet: boolean;
  help: boolean;
}

/** A command-line mistake (exit status 2). */
export class UsageError extends Error {}

/** Reads the arguments (without the program's own); throws a UsageError naming a mistake. */
export function parseExploreArguments(args: readonly string[]): ExploreArguments {
  const parsed: ExploreArguments = { input: '', out: null, csv: null, svg: null, backend: null, engine: null, curvature: true, curvatureRun: null, exact: false, acceptDefaults: false, quiet: false, help: false };
  let input: string | null = null;
  const value = (i: number, option: string) => {
    const next = args[i + 1];
    if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${option} needs a value`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    switch (arg) {
      case '--out':
      case '--csv':
      case '--svg':
        parsed[arg.slice(2) as 'out' | 'csv' | 'svg'] = value(i++, arg);
        break;
      case '--backend': {
        const name = value(i++, arg);
        if (name !== 'cpu' && name !== 'wasm') throw new UsageError(`--backend takes cpu or wasm (the backends Node has); got ${name}`);
        parsed.backend = name;
        break;
      }
      case '--engine': {
        const name = value(i++, arg);
        if (!(NETWORK_ENGINES as readonly string[]).includes(name)) throw new UsageError(`--engine takes ${NETWORK_ENGINES.join(' or ')}; got ${name}`);
        parsed.engine = name as EngineSetting;
        break;
      }
      case '--curvature-run':
        parsed.curvatureRun = value(i++, arg);
        break;
      case '--no-curvature':
        parsed.curvature = false;
        break;
      case '--exact':
        parsed.exact = true;
        break;
      case '--accept-defaults':
        parsed.acceptDefaults = true;
        break;
      case '--quiet':
        parsed.quiet = true;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        if (input !== null) throw new UsageError(`one link or file, got a second: ${arg}`);
        input = arg;
    }
  }
  if (input === null && !parsed.help) throw new UsageError('a link or an experiment file is needed');
  parsed.input = input ?? '';
  return parsed;
}

/** What the input names: the experiment, its messages, the link that reproduces it, and the query it came with. */
export interface ReadInput {
  experiment: Experiment;
  /** What the page would say it ignored (a link), or the experiment's problems (a file). */
  messages: string[];
  /** Whether the messages are a link's (the defaults were used) rather than a file's problems (nothing to compute). */
  fromLink: boolean;
  /** The query part of the link ("?backend=wasm"), "" when none. */
  search: string;
}

/** Whether `input` is a link rather than a file: a URL, a query or hash, or `key=value` text. */
function looksLikeLink(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input) || input.startsWith('#') || input.startsWith('?') || (input.includes('=') && !existsSync(input));
}

/**
 * The query and hash of a link: a full URL, "?query#hash", "#hash", or a
 * bare hash ("v=1&p=analytic…").
 */
export function splitLink(link: string): { search: string; hash: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link)) {
    const url = new URL(link);
    return { search: url.search, hash: url.hash };
  }
  const cut = link.indexOf('#');
  if (cut >= 0) return { search: link.slice(0, cut).startsWith('?') ? link.slice(0, cut) : '', hash: link.slice(cut) };
  if (link.startsWith('?')) return { search: link, hash: '' };
  return { search: '', hash: link };
}

/** Reads the experiment `input` names (see {@link ReadInput}); throws a clear error for an unreadable file. */
export function readInput(input: string, cwd: string): ReadInput {
  if (looksLikeLink(input)) {
    const { search, hash } = splitLink(input);
    const { experiment, messages } = hashToExperiment(hash);
    return { experiment, messages, fromLink: true, search };
  }
  const path = resolve(cwd, input);
  if (!existsSync(path)) throw new Error(`no such file: ${input} (a link must contain "#" or "=")`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${input} is not JSON: ${(error as Error).message}`);
  }
  const candidate = (parsed as { format?: unknown; experiment?: unknown } | null)?.format === RESULTS_FORMAT ? (parsed as { experiment: unknown }).experiment : parsed;
  if (candidate === null || typeof candidate !== 'object' || !('problem' in candidate)) {
    throw new Error(`${input} holds no experiment (an object with "problem", "optimizers", …, or a ${RESULTS_FORMAT} file)`);
  }
  const experiment = candidate as Experiment;
  let messages: string[];
  try {
    messages = validateExperiment(experiment);
  } catch (error) {
    messages = [`the experiment cannot be read: ${(error as Error).message}`];
  }
  return { experiment, messages, fromLink: false, search: '' };
}

/** Where the command writes, and how it is stopped. */
export interface ExploreIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Fires on Ctrl-C: the running phase stops and the command exits with 130. */
  signal?: AbortSignal;
  /** The folder relative paths are taken from (default: the process's). */
  cwd?: string;
}

/** Writes `files` into `folder` (made if missing) and says so on stderr. */
function writeFiles(folder: string, files: readonly ExportFile[], say: (line: string) => void): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    writeFileSync(join(folder, file.name), file.text);
    say(`wrote ${join(folder, file.name)} (${Buffer.byteLength(file.text)} bytes)`);
  }
}

/** Computes the experiment `input` names (see the module comment); resolves to the exit status. */
export async function runExplore(args: readonly string[], io: ExploreIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let options: ExploreArguments;
  // What was written, and how long it took: not with --quiet (errors and link messages always).
  let tell = say;
  try {
    options = parseExploreArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`explore: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.quiet) tell = () => {};
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  let input: ReadInput;
  try {
    input = readInput(options.input, cwd);
  } catch (error) {
    say(`explore: ${(error as Error).message}`);
    return 1;
  }
  if (input.messages.length > 0) {
    if (input.fromLink) {
      say(LINK_MESSAGES_HEADING);
      for (const message of input.messages) say(`  - ${message}`);
      if (!options.acceptDefaults) {
        say('explore: stopped; run again with --accept-defaults to compute it with the defaults for those settings.');
        return 1;
      }
    } else {
      say(`explore: ${options.input} is not a valid experiment:`);
      for (const message of input.messages) say(`  - ${message}`);
      return 1;
    }
  }

  const query = new URLSearchParams(input.search);
  const linkBackend = query.get('backend');
  if (options.backend === null && linkBackend !== null && linkBackend !== 'cpu' && linkBackend !== 'wasm') {
    say(`explore: the link asks for the ${linkBackend} backend, which Node does not have; give --backend cpu or --backend wasm`);
    return 1;
  }
  const backendName = options.backend ?? (linkBackend as 'cpu' | 'wasm' | null) ?? 'cpu';
  const engineSetting = options.engine ?? engineFromQuery(input.search);
  const experiment = input.experiment;
  const link = `#${experimentToHash(experiment)}`;
  const progress: ProgressSink = options.quiet ? SILENT_PROGRESS : stderrProgress(io.stderr);
  const previousEngine = preferredNetworkEngine();
  const started = performance.now();
  try {
    const backend = await useNodeBackend(backendName);
    preferNetworkEngine(engineSetting);
    const source = { link, backend, linkMessages: input.fromLink ? input.messages : [] };
    let results: ResultsDocument;
    if (isNetworkExperiment(experiment)) {
      const curvatureRun = options.curvature ? (options.curvatureRun ?? experiment.optimizers[0].id) : null;
      const outcome = await exploreNetwork(experiment, { curvatureRun, exact: options.exact }, progress, io.signal);
      results = networkResults(experiment, outcome, source, options.exact, curvatureRun);
    } else {
      const outcome = await exploreAnalytic(experiment, progress, io.signal);
      results = analyticResults(experiment, outcome, source);
    }
    const json = resultsToJson(results);
    if (options.out === null) io.stdout.write(json);
    else {
      const path = resolve(cwd, options.out);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, json);
      tell(`wrote ${options.out} (${Buffer.byteLength(json)} bytes)`);
    }
    if (options.csv !== null) writeFiles(resolve(cwd, options.csv), csvFiles(results), tell);
    if (options.svg !== null) writeFiles(resolve(cwd, options.svg), svgFiles(results), tell);
    // What could not be computed was left out of the files; say so, and do not report success.
    for (const failure of results.failures) say(`explore: ${failure}`);
    if (results.failures.length > 0) return 1;
    tell(`explore: finished in ${((performance.now() - started) / 1000).toFixed(1)} s on ${backend}${results.engine ? `, ${results.engine} engine` : ''}`);
    return 0;
  } catch (error) {
    if (isAbort(error)) {
      say('\nexplore: cancelled; nothing was written.');
      return 130;
    }
    say(`explore: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    preferNetworkEngine(previousEngine);
  }
}
