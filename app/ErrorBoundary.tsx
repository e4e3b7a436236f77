/**
 * Catches a rendering error in one part of the page (the scene, the chart, a
 * panel) and shows what happened there, with a button to try again, so the
 * rest of the page keeps working instead of going blank.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the part, e.g. "3-D view", in the message. */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.area} failed:`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="area-error" role="alert" data-testid="area-error">
        <strong>The {this.props.area} stopped working.</strong>
        <div className="muted">{error.message}</div>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

/** A region of the stage (`className` lays it out) whose rendering errors stay inside it, named `area`. */
export function StageArea({ className, area, children }: Props & { className: string }): ReactNode {
  return (
    <div className={className}>
      <ErrorBoundary area={area}>{children}</ErrorBoundary>
    </div>
  );
}
