/** A titled group of controls in the side panel. */
import type { ReactElement, ReactNode } from 'react';

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <section className="panel-section" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
