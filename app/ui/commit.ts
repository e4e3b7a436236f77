/**
 * Runs a store edit and reports whether the store accepted it: the reason it
 * was refused (the store's validation messages), or null.
 */
import { appStore } from '../store/store';

export function commitEdit(edit: () => void): string | null {
  edit();
  const problems = appStore.getState().editProblems;
  return problems.length > 0 ? problems.join('; ') : null;
}
