/**
 * The page: controls on the left, the landscape in the middle with the loss
 * chart below it, and a status bar. Each area has its own error boundary.
 * The mode switch at the top of the controls chooses between analytic
 * functions and neural networks; each mode has its own panels and stage.
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
import { NetworkStage } from './network/NetworkStage';
import { DatasetPanel } from './panels/network/DatasetPanel';
import { ModeSwitch } from './panels/network/ModeSwitch';
import { ModelPanel } from './panels/network/ModelPanel';
import { SchedulePanel } from './panels/network/SchedulePanel';
import { TrainingRunsPanel } from './panels/network/TrainingRunsPanel';
import { SlicePanel } from './panels/slice/SlicePanel';
import { selectMode } from './store/networkSelectors';
import { useAppStore } from './store/store';

export function App(): ReactElement {
  const [resetViewToken, setResetViewToken] = useState(0);
  const mode = useAppStore(selectMode);
  useKeyboardShortcuts();

  return (
    <div className="app">
      <aside className="controls" aria-label="Controls">
        <header className="title">
          <h1>Loss-landscape explorer</h1>
        </header>
        <ErrorBoundary area="controls">
          <ModeSwitch />
          <PresetsMenu />
          <RunControls />
          {mode === 'analytic' ? (
            <>
              <ProblemPanel />
              <OptimizerPanel />
              <StartPanel />
              <WindowPanel />
            </>
          ) : (
            <>
              <DatasetPanel />
              <ModelPanel />
              <TrainingRunsPanel />
              <SchedulePanel />
              <SlicePanel />
            </>
          )}
          <ViewPanel onResetCamera={() => setResetViewToken((token) => token + 1)} />
        </ErrorBoundary>
      </aside>
      {mode === 'network' ? (
        <NetworkStage resetViewToken={resetViewToken} />
      ) : (
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
      )}
      <ErrorBoundary area="status bar">
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
