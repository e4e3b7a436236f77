/**
 * Watching a worker's TensorFlow.js backend for the loss of its GPU (a
 * destroyed WebGPU device, a lost WebGL context, as after a driver reset):
 * the page is told once, and every later call fails fast with the reason
 * instead of hanging on a backend that will never answer.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './engine/backends/select';

/** The GPU handles watched (typed narrowly: only what is used). */
interface WebGpuBackendLike {
  device?: { lost: Promise<{ message: string }>; destroy(): void };
}
interface WebGlBackendLike {
  gpgpu?: { gl: WebGL2RenderingContext | WebGLRenderingContext };
}

/** The loss state of one worker's backend. */
export class BackendLossWatch {
  private lostReason: string | null = null;
  private notify: (reason: string) => void = () => {};

  /** Starts watching the active backend (named `backend`); `onLost` is called once if it goes away. */
  watch(backend: BackendName, onLost: (reason: string) => void): void {
    this.notify = onLost;
    if (backend === 'webgpu') {
      const device = (tf.backend() as unknown as WebGpuBackendLike).device;
      void device?.lost.then((info) => this.report(info.message || 'the WebGPU device was lost'));
    } else if (backend === 'webgl') {
      const canvas = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl.canvas;
      canvas?.addEventListener('webglcontextlost', () => this.report('the WebGL context was lost'));
    }
  }

  /** Throws the reason once the backend is gone. */
  assertUsable(): void {
    if (this.lostReason !== null) throw new Error(`The GPU backend was lost: ${this.lostReason}`);
  }

  /** Test hook: makes the GPU device or WebGL context go away (a CPU-side backend reports a reset). */
  loseForTesting(): void {
    const backend = tf.getBackend();
    if (backend === 'webgpu') {
      (tf.backend() as unknown as WebGpuBackendLike).device?.destroy();
    } else if (backend === 'webgl') {
      (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl.getExtension('WEBGL_lose_context')?.loseContext();
    } else {
      this.report(`the ${backend} backend was reset`);
    }
  }

  private report(reason: string): void {
    if (this.lostReason !== null) return;
    this.lostReason = reason;
    this.notify(reason);
  }
}
