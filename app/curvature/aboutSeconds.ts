/** "about 3 s" / "about 2 min": the predicted time the exact eigenvalues add to a report. */
export function aboutSeconds(seconds: number): string {
  if (seconds < 1) return 'under 1 s';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
