/** A titled group of controls in the side panel. */
import type { DragEventHandler, ReactElement, ReactNode } from 'react';

/** Props of {@link Section}: its title and content, and optional handlers for files dragged onto it. */
export interface SectionProps {
  title: string;
  children: ReactNode;
  testId?: string;
  onDragOver?: DragEventHandler<HTMLElement>;
  onDrop?: DragEventHandler<HTMLElement>;
}

/** A `<section>` titled `title`, holding `children`. */
export function Section({ title, children, testId, onDragOver, onDrop }: SectionProps): ReactElement {
  return (
    <section className="panel-section" data-testid={testId} aria-label={title} onDragOver={onDragOver} onDrop={onDrop}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
