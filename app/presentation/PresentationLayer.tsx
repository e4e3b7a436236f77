/**
 * Presentation mode and the keyboard help: marks the document while
 * presenting (the styles in presentation.css then hide the controls, enlarge
 * the type and fill the screen with the stage and the tour), shows the help
 * overlay opened with `?`, and a small bar with the keys that matter most.
 */
import { useEffect, type ReactElement } from 'react';
import { KEY_HELP } from '../tours/navigation';
import { tourStore, useTourStore } from '../tours/tourStore';
import { usePresentationKeys } from './usePresentationKeys';
import './presentation.css';

/** The keyboard help: every key of the page and what it does. */
function HelpOverlay(): ReactElement {
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay">
      <div className="help-card">
        <h2 id="help-title">Keys</h2>
        <table>
          <tbody>
            {KEY_HELP.map((row) => (
              <tr key={row.keys}>
                <th scope="row">
                  <kbd>{row.keys}</kbd>
                </th>
                <td>{row.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="primary" autoFocus onClick={() => tourStore.setState({ helpOpen: false })}>
          Close (Esc)
        </button>
      </div>
    </div>
  );
}

/** The presentation mode's effects on the document, its keys and the help overlay. */
export function PresentationLayer(): ReactElement {
  usePresentationKeys();
  const presenting = useTourStore((state) => state.presenting);
  const controlsShown = useTourStore((state) => state.controlsShown);
  const helpOpen = useTourStore((state) => state.helpOpen);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('presenting', presenting);
    root.classList.toggle('presenting-controls', presenting && controlsShown);
    // The canvases (3-D scene, charts) measure their containers again once the new layout is in place.
    const frame = requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    const later = setTimeout(() => window.dispatchEvent(new Event('resize')), 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(later);
    };
  }, [presenting, controlsShown]);
  return (
    <>
      <div className="presentation-bar" data-testid="presentation-bar">
        <button
          type="button"
          className="secondary"
          data-testid="presentation-toggle"
          aria-pressed={presenting}
          aria-keyshortcuts="P"
          onClick={() => tourStore.setState({ presenting: !presenting, controlsShown: false })}
        >
          {presenting ? 'Leave presentation (p)' : 'Present (p)'}
        </button>
        <button type="button" className="secondary" data-testid="help-toggle" aria-keyshortcuts="?" onClick={() => tourStore.setState({ helpOpen: !helpOpen })}>
          Keys (?)
        </button>
      </div>
      {helpOpen && <HelpOverlay />}
    </>
  );
}
