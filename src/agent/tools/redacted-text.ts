/** Edits must not carry redaction markers: the model never saw those values, and writing a marker would destroy them. */

/** The start of every marker `redactSecrets` writes. */
export const redactedMarker = '[REDACTED:';

/** What the model is told when its edit contains a marker. */
export const redactedRefusal =
  'not applied: the text contains a [REDACTED:...] marker. Secret values are hidden from you, and writing the marker would replace the real value; ' +
  'change only lines without markers (make search and replace smaller), or ask the user to change the secret value';
