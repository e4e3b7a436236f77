/**
 * The width of an element, followed as it changes (a ResizeObserver), for
 * drawings that lay themselves out in whatever room their container has.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** A ref to attach to the element, and its client width in CSS pixels (0 until it is measured). */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    setWidth(box.clientWidth);
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
