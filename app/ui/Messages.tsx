/**
 * Messages above the landscape: what a link got wrong (listed, until
 * dismissed), notices such as a worker restart, and why an edit was refused.
 */
import type { ReactElement } from 'react';
import { selectEditProblems, selectLinkMessages, selectNotices } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';

/** How many link messages are listed before "and N more". */
const SHOWN_LINK_MESSAGES = 8;

export function Messages(): ReactElement | null {
  const linkMessages = useAppStore(selectLinkMessages);
  const notices = useAppStore(selectNotices);
  const editProblems = useAppStore(selectEditProblems);
  const { dismissLinkMessages, dismissNotice } = appStore.getState();
  if (linkMessages.length === 0 && notices.length === 0 && editProblems.length === 0) return null;
  const hidden = linkMessages.length - SHOWN_LINK_MESSAGES;

  return (
    <div className="messages">
      {linkMessages.length > 0 && (
        <div className="message warning" role="alert" data-testid="link-messages">
          <div className="message-head">
            <strong>Some settings in this link were ignored; the defaults are used for them.</strong>
            <button type="button" className="icon" aria-label="Dismiss" onClick={dismissLinkMessages}>
              ×
            </button>
          </div>
          <ul>
            {linkMessages.slice(0, SHOWN_LINK_MESSAGES).map((message, index) => (
              <li key={index}>{message}</li>
            ))}
            {hidden > 0 && <li>…and {hidden} more.</li>}
          </ul>
        </div>
      )}
      {notices.map((notice, index) => (
        <div className="message info" role="status" data-testid="notice" key={index}>
          <div className="message-head">
            <span>{notice}</span>
            <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismissNotice(index)}>
              ×
            </button>
          </div>
        </div>
      ))}
      {editProblems.length > 0 && (
        <div className="message warning" role="alert" data-testid="edit-problems">
          Not applied: {editProblems.join('; ')}
        </div>
      )}
    </div>
  );
}
