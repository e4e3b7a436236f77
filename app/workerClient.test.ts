import { afterEach, describe, expect, it } from 'vitest';
import { ParameterChannel } from './workerClient';

/** Ports handed out in a test (closed after it). */
const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A worker end that keeps the ports it is given, null included. */
function end(): { given: (MessagePort | null)[]; take: (port: MessagePort | null) => void } {
  const given: (MessagePort | null)[] = [];
  return {
    given,
    take: (port) => {
      given.push(port);
      if (port !== null) ports.push(port);
    },
  };
}

/** Whether `a` and `b` are the two ends of one channel: a message posted on one arrives on the other. */
function connected(a: MessagePort, b: MessagePort): Promise<boolean> {
  return new Promise((resolve) => {
    b.onmessage = (event) => resolve(event.data === 'ping');
    a.postMessage('ping');
    setTimeout(() => resolve(false), 500);
  });
}

describe('ParameterChannel', () => {
  it('gives the two workers the two ends of one channel, and a new channel whenever either is replaced', async () => {
    const channel = new ParameterChannel();
    const training = end();
    const landscape = end();
    channel.setLandscape(landscape.take);
    // No training worker yet: the landscape worker is told so.
    expect(landscape.given).toEqual([null]);
    channel.setTraining(training.take);
    expect(await connected(landscape.given[1]!, training.given[0]!)).toBe(true);

    const replacement = end();
    channel.setTraining(replacement.take);
    expect(await connected(landscape.given[2]!, replacement.given[0]!)).toBe(true);
    const newLandscape = end();
    channel.setLandscape(newLandscape.take);
    expect(await connected(newLandscape.given[0]!, replacement.given[1]!)).toBe(true);
    expect(channel.made).toBe(3);

    // The same ends again change nothing; a training worker gone is told to the landscape worker once.
    channel.setLandscape(newLandscape.take);
    channel.setTraining(null);
    channel.setTraining(null);
    expect(newLandscape.given.slice(1)).toEqual([null]);
    expect(channel.made).toBe(3);
  });
});
