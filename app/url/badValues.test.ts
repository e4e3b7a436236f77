/**
 * Every field a link can hold, given every kind of bad value: each must end
 * as a sentence in the link's messages naming the field, with the rest of
 * the link kept, and never as a thrown error or a link reset to the defaults.
 * The fields come from the tables themselves (fields.ts with the network and
 * landscape fields, the optimizer registry for the run entries), so a field
 * added later is checked too.
 */
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../workers/engine/spec/experiment';
import { DATASETS } from '../../workers/engine/spec/datasets';
import { hyperParameterSpecs, optimizerNamesFor, type ProblemKind } from '../../workers/engine/spec/optimizers/registry';
import { URL_FIELDS, type UrlField } from './fields';
import { hashToExperiment } from './hash';

/** Values no numeric field accepts. */
const BAD_NUMBERS: readonly string[] = ['NaN', 'Infinity', '-Infinity', '-1e308', '1e400', '', 'garbage', '<img src=x onerror=alert(1)>', '0x10', '1,5'];

/** A link in which `field` means something: the quadratic for κ and φ, a network for the network fields. */
function baseFor(field: UrlField<unknown>): string {
  if (field.scope?.name === 'neural networks') return 'p=network';
  if (field.scope?.name === 'the quadratic function') return 'f=quadratic';
  return '';
}

const isNumeric = (field: UrlField<unknown>) => /^(a number|an integer)/.test(field.kind.expects);

/** Reads `hash`, checks that nothing was thrown away wholesale, and returns the messages. */
function readKeepingTheRest(hash: string): string[] {
  const { experiment, messages } = hashToExperiment(hash);
  expect(validateExperiment(experiment), hash).toEqual([]);
  expect(messages.join(' '), hash).not.toContain("Ignored the link's settings");
  return messages;
}

describe('bad values in every field of a link', () => {
  it('covers the numeric fields of every table', () => {
    const numeric = URL_FIELDS.filter(isNumeric).map((field) => field.key);
    // fields.ts, networkFields.ts and landscapeFields.ts each contribute numeric fields.
    for (const key of ['n', 'c', 'x0', 'nx', 's', 'tf', 'isc', 'wd', 'ev', 'la0', 'lr', 'ck', 'cw']) expect(numeric).toContain(key);
  });

  for (const field of URL_FIELDS.filter(isNumeric)) {
    it(`${field.key} (${field.label}): every bad number is a message naming the field`, () => {
      for (const bad of BAD_NUMBERS) {
        const base = baseFor(field);
        const keep = field.key === 'n' ? '' : 'n=37&';
        const hash = `${base}${base ? '&' : ''}${keep}${field.key}=${encodeURIComponent(bad)}`;
        const messages = readKeepingTheRest(hash);
        expect(messages.some((message) => message.includes(`${field.key}=`) && message.includes(field.label)), `${hash}: ${messages.join(' | ')}`).toBe(true);
        // The rest of the link is kept (unless the bad field is the one holding it).
        if (field.key !== 'n') expect(hashToExperiment(hash).experiment.steps, hash).toBe(37);
      }
    });
  }

  for (const field of URL_FIELDS.filter((candidate) => !isNumeric(candidate))) {
    it(`${field.key} (${field.label}): garbage and markup are messages naming the field`, () => {
      for (const bad of ['garbage!', '<script>alert(1)</script>', 'NaN:NaN', '1e400,1e400']) {
        const base = baseFor(field);
        const messages = readKeepingTheRest(`${base}${base ? '&' : ''}${field.key}=${encodeURIComponent(bad)}`);
        expect(messages.some((message) => message.includes(`${field.key}=`)), `${field.key}=${bad}: ${messages.join(' | ')}`).toBe(true);
      }
    });
  }

  it('every option of every data set: bad numbers in do= are messages naming the option', () => {
    for (const dataset of Object.values(DATASETS)) {
      for (const option of dataset.options) {
        for (const bad of ['NaN', 'Infinity', '-1e308', '1e400', '']) {
          const hash = `p=network&ds=${dataset.name}&do=${option.key}:${encodeURIComponent(bad)}`;
          const messages = readKeepingTheRest(hash);
          expect(messages.some((message) => message.includes(option.key) || message.includes('do=')), `${hash}: ${messages.join(' | ')}`).toBe(true);
        }
      }
    }
  });
});

describe('bad values in every setting of a run entry', () => {
  const kinds: readonly ProblemKind[] = ['analytic', 'network'];
  for (const kind of kinds) {
    for (const name of optimizerNamesFor(kind)) {
      it(`${kind} ${name}: every bad number of every hyper-parameter (and the batch size) is a message naming it`, () => {
        const keys = hyperParameterSpecs(name, kind).map((hyper) => hyper.urlKey);
        if (kind === 'network') keys.push('b');
        for (const key of keys) {
          for (const bad of BAD_NUMBERS.filter((value) => !value.includes(','))) {
            const pair = `${key}:${bad}`;
            const hash = `${kind === 'network' ? 'p=network&' : ''}o=${name},${encodeURIComponent(pair)}&o=sgd,id:keep`;
            const { experiment, messages } = hashToExperiment(hash);
            expect(validateExperiment(experiment), hash).toEqual([]);
            expect(messages.some((message) => message.includes(`"${pair}"`)), `${hash}: ${messages.join(' | ')}`).toBe(true);
            // The entry itself and the next one are kept.
            expect(experiment.optimizers.map((run) => run.name), hash).toEqual([name, 'sgd']);
          }
        }
      });
    }
  }
});
