/**
 * The main thread's long tasks (over 50 ms, as the browser reports them to a
 * PerformanceObserver of type 'longtask'), recorded from before the app
 * starts, and a CPU profile of the page over a stretch of time (the Chrome
 * DevTools protocol's Profiler), summarised as the functions that took the
 * most time themselves: what the long tasks were made of.
 */
import type { Page } from '@playwright/test';

/** One long task: when it started (performance.now()) and how long it ran, in milliseconds. */
export interface LongTask {
  start: number;
  duration: number;
}

/** Long tasks in a window of time: how many, the longest, and their total. */
export interface LongTaskFigures {
  windowMs: number;
  count: number;
  longestMs: number;
  totalMs: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Records every long task of every page `page` opens from now on. */
export async function installLongTaskObserver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: LongTask[] = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest long task of the page so far, in milliseconds (0: none). */
export function longestTaskMs(page: Page): Promise<number> {
  return page.evaluate(() => (window.__longTasks ?? []).reduce((most, task) => Math.max(most, task.duration), 0));
}

/**
 * Records uncaught page errors and the main thread's long tasks from the
 * first script on, for the tests that check that a page neither throws nor
 * freezes.
 */
export async function watchPage(page: Page): Promise<{ errors: string[]; longestTaskMs: () => Promise<number> }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await installLongTaskObserver(page);
  return { errors, longestTaskMs: () => longestTaskMs(page) };
}

/** The page's clock (performance.now()). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The long tasks that began between `from` and `to` (page clock). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTaskFigures> {
  const tasks = await page.evaluate(([a, b]) => (window.__longTasks ?? []).filter((task) => task.start >= a && task.start < b), [from, to]);
  return {
    windowMs: Math.round(to - from),
    count: tasks.length,
    longestMs: Math.round(tasks.reduce((most, task) => Math.max(most, task.duration), 0)),
    totalMs: Math.round(tasks.reduce((sum, task) => sum + task.duration, 0)),
  };
}

/** Waits `ms` on the page and returns the long tasks of that stretch. */
export async function longTasksOver(page: Page, ms: number): Promise<LongTaskFigures> {
  const from = await pageNow(page);
  await page.waitForTimeout(ms);
  return longTasksBetween(page, from, await pageNow(page));
}

/** A function of the profile with the milliseconds spent in it (self time). */
export interface ProfileEntry {
  name: string;
  selfMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * Profiles the page's main thread for `ms` and returns the `top` call
 * stacks by time (each named by its innermost `depth` frames, innermost
 * first); idle time is left out, so what remains is what kept the thread busy.
 */
export async function profileMainThread(page: Page, ms: number, top = 15, depth = 5): Promise<ProfileEntry[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(ms);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameName = (node: ProfileNode) => {
    const frame = node.callFrame;
    return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}:${frame.columnNumber}`;
  };
  const stackMs = new Map<string, number>();
  // A sample's time is the delta to the next sample.
  profile.samples.forEach((id, index) => {
    const leaf = byNode.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') return;
    const frames: string[] = [];
    for (let node: ProfileNode | undefined = leaf; node !== undefined && frames.length < depth; node = byNode.get(parentOf.get(node.id) ?? -1)) {
      if (node.callFrame.functionName !== '(root)') frames.push(frameName(node));
    }
    const name = frames.join(' < ');
    stackMs.set(name, (stackMs.get(name) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  return [...stackMs.entries()]
    .map(([name, time]) => ({ name, selfMs: Math.round(time) }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

/** One long task of a trace: its length and the events inside it that took the most time (with their own children excluded). */
export interface TracedLongTask {
  durationMs: number;
  inside: { name: string; selfMs: number }[];
  /** What the GPU process's main thread was doing meanwhile (the page waits on it when its command buffer is full). */
  gpu: { name: string; selfMs: number }[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/**
 * Traces the page for `ms` with the DevTools timeline categories (what the
 * Performance panel records) and returns the main thread's tasks over 50 ms,
 * each with the events that made it up: scripts (with their function),
 * style, layout, paint, garbage collection, canvas and GPU work.
 */
export async function traceLongTasks(page: Page, ms: number): Promise<TracedLongTask[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'gpu', 'cc'] },
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (main === undefined) return [];
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
  const tasks = onMain.filter((event) => event.name === 'RunTask' && event.dur! > 50_000);
  const gpuMain = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrGpuMain');
  const onGpu = gpuMain === undefined ? [] : events.filter((event) => event.pid === gpuMain.pid && event.tid === gpuMain.tid && event.ph === 'X' && event.dur !== undefined);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inner = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur! <= end);
    const meanwhile = onGpu.filter((event) => event.ts + event.dur! > task.ts && event.ts < end);
    return { durationMs: Math.round(task.dur! / 1000), inside: selfTimes(inner), gpu: selfTimes(meanwhile) };
  });
}

/** The events' self times (each event's length less that of the events directly inside it), summed by name, longest first. */
function selfTimes(events: TraceEvent[], top = 12): { name: string; selfMs: number }[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<TraceEvent, number>(sorted.map((event) => [event, event.dur!]));
  const stack: TraceEvent[] = [];
  for (const event of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) self.set(parent, self.get(parent)! - event.dur!);
    stack.push(event);
  }
  const byName = new Map<string, number>();
  for (const [event, time] of self) {
    const data = event.args?.data;
    const what = data?.functionName ? `${event.name} ${data.functionName} ${(data.url ?? '').split('/').pop()}` : data?.type ? `${event.name} ${data.type}` : event.name;
    byName.set(what, (byName.get(what) ?? 0) + time / 1000);
  }
  return [...byName.entries()]
    .map(([name, time]) => ({ name, selfMs: Math.round(time) }))
    .filter((entry) => entry.selfMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}
