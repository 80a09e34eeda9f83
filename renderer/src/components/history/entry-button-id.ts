/** The id of the button that opens a history entry, for focus to be put back on it. */
export const entryButtonId = (recordId: string): string => `history-entry-${recordId}`;
