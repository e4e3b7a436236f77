/**
 * The page: controls on the left, the landscape in the middle with the loss
 * chart below it, and a status bar. Each area has its own error boundary.
 */
import { useState, type ReactElement } from 'react';
import { LossChart } from './charts/LossChart';
import { ErrorBoundary } from './ErrorBoundary';
import { Messages } from './panels/Messages';
import { OptimizerPanel } from './panels/OptimizerPanel';
import { PresetsMenu } from './panels/PresetsMenu';
import { ProblemPanel } from './panels/ProblemPanel';
import { RunControls } from './panels/RunControls';
import { StatusBar } from './panels/StatusBar';
import { useKeyboardShortcuts } from './panels/useKeyboardShortcuts';
import { ViewPanel } from './panels/ViewPanel';
import { StartPanel, WindowPanel } from './panels/WindowPanel';
import { SceneArea } from './SceneArea';

export function App(): ReactElement {
  const [resetViewToken, setResetViewToken] = useState(0);
  useKeyboardShortcuts();

  return (
    <div className="app">
      <aside className="controls" aria-label="Controls">
        <header className="title">
          <h1>Loss-landscape explorer</h1>
        </header>
        <ErrorBoundary area="controls">
          <PresetsMenu />
          <RunControls />
          <ProblemPanel />
          <OptimizerPanel />
          <StartPanel />
          <WindowPanel />
          <ViewPanel onResetCamera={() => setResetViewToken((token) => token + 1)} />
        </ErrorBoundary>
      </aside>
      <main className="stage">
        <Messages />
        <div className="scene">
          <ErrorBoundary area="landscape view">
            <SceneArea resetViewToken={resetViewToken} />
          </ErrorBoundary>
        </div>
        <div className="chart">
          <ErrorBoundary area="loss chart">
            <LossChart />
          </ErrorBoundary>
        </div>
      </main>
      <ErrorBoundary area="status bar">
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
