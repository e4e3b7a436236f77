/**
 * The page: controls on the left, the landscape in the middle with the loss
 * chart below it, and a status bar. Each area has its own error boundary.
 * The mode switch at the top of the controls chooses between analytic
 * functions and neural networks; each mode has its own panels and stage.
 */
import { useState, type ReactElement } from 'react';
import { LossChart } from './analytic/LossChart';
import { ErrorBoundary, StageArea } from './ErrorBoundary';
import { Messages } from './ui/Messages';
import { UpdateNotice } from './offline/UpdateNotice';
import { PresetsMenu } from './presets/PresetsMenu';
import { PresentationLayer } from './presentation/PresentationLayer';
import { TourMenu } from './tours/TourMenu';
import { TourPanel } from './tours/TourPanel';
import { ProblemPanel } from './analytic/ProblemPanel';
import { RunControls } from './analytic/RunControls';
import { StatusBar } from './ui/StatusBar';
import { useKeyboardShortcuts } from './ui/useKeyboardShortcuts';
import { ViewPanel } from './ui/ViewPanel';
import { StartPanel, WindowPanel } from './analytic/WindowPanel';
import { AnalyticStage } from './analytic/AnalyticStage';
import { NetworkStage } from './training/NetworkStage';
import { DatasetPanel } from './training/DatasetPanel';
import { ModeSwitch } from './training/ModeSwitch';
import { ModelPanel } from './training/ModelPanel';
import { SchedulePanel } from './training/SchedulePanel';
import { RunPanel } from './runs/RunPanel';
import { SlicePanel } from './landscape/SlicePanel';
import { OpenedFileStage } from './share/OpenedFileStage';
import { ShareBar } from './share/ShareBar';
import { selectMode } from './store/networkSelectors';
import { useAppStore } from './store/store';

export function App(): ReactElement {
  const [resetViewToken, setResetViewToken] = useState(0);
  const mode = useAppStore(selectMode);
  const fileOpen = useAppStore((state) => state.openedFile !== null);
  useKeyboardShortcuts();

  return (
    <div className="app">
      <aside className="controls" aria-label="Controls">
        <header className="title">
          <h1>Loss-landscape explorer</h1>
        </header>
        <ErrorBoundary area="share and export">
          <ShareBar />
        </ErrorBoundary>
        <ErrorBoundary area="controls">
          <ModeSwitch />
          <PresetsMenu />
          <TourMenu />
          <RunControls />
          {mode === 'analytic' ? (
            <>
              <ProblemPanel />
              <RunPanel kind="analytic" />
              <StartPanel />
              <WindowPanel />
            </>
          ) : (
            <>
              <DatasetPanel />
              <ModelPanel />
              <RunPanel kind="network" />
              <SchedulePanel />
              <SlicePanel />
            </>
          )}
          <ViewPanel onResetCamera={() => setResetViewToken((token) => token + 1)} />
        </ErrorBoundary>
      </aside>
      {fileOpen ? (
        <ErrorBoundary area="opened file">
          <OpenedFileStage />
        </ErrorBoundary>
      ) : mode === 'network' ? (
        <NetworkStage resetViewToken={resetViewToken} />
      ) : (
        <main className="stage">
          <UpdateNotice />
          <Messages />
          <StageArea className="scene" area="landscape view">
            <AnalyticStage resetViewToken={resetViewToken} />
          </StageArea>
          <StageArea className="chart" area="loss chart">
            <LossChart />
          </StageArea>
        </main>
      )}
      <ErrorBoundary area="tour">
        <TourPanel />
      </ErrorBoundary>
      <PresentationLayer />
      <ErrorBoundary area="status bar">
        <StatusBar />
      </ErrorBoundary>
    </div>
  );
}
