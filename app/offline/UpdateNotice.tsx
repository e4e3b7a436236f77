/**
 * The notice that a newer version of the app is ready, with the button
 * that switches to it (a reload; the experiment lives in the URL).
 */
import { useSyncExternalStore, type ReactElement } from 'react';
import { offlineState, reloadToUpdate, subscribeOffline } from './serviceWorker';

export function UpdateNotice(): ReactElement | null {
  const { updateWaiting } = useSyncExternalStore(subscribeOffline, offlineState);
  if (!updateWaiting) return null;
  return (
    <div className="message info" role="status" data-testid="update-notice">
      <div className="message-head">
        <span>A new version of the explorer is available.</span>
        <button type="button" onClick={reloadToUpdate}>
          Reload
        </button>
      </div>
    </div>
  );
}
