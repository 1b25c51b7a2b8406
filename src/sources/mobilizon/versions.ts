// Mobilizon's public API only grew between 3.x and 5.1, so one document per operation is written
// for the newest version and trimmed for older servers. Fields are leaves, removed by name.
/** Compares dotted versions: negative when a < b. Unknown parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

const FIELDS_ADDED: ReadonlyArray<readonly [field: string, version: string]> = [
  ['hideNumberOfParticipants', '5.0.0'],
  ['longEvent', '5.1.0'],
];

/** The document as a server of `version` accepts it. */
export function adaptDocument(document: string, version: string): string {
  let out = document;
  for (const [field, since] of FIELDS_ADDED) {
    if (compareVersions(version, since) < 0) out = out.replace(new RegExp(`\\b${field}\\b(?!\\s*[:(])`, 'g'), '');
  }
  return out;
}

/** The variables as a server of `version` accepts them: `SELF` search exists since 4.1. */
export function adaptVariables(variables: Record<string, unknown>, version: string): Record<string, unknown> {
  if (variables.searchTarget === 'SELF' && compareVersions(version, '4.1.0') < 0) {
    return { ...variables, searchTarget: 'INTERNAL' };
  }
  return variables;
}

/** What GraphQL servers say when a document uses a field, argument or value they do not know. */
export const isSchemaMismatch = (message: string): boolean =>
  /Cannot query field|Unknown argument|Unknown type|got invalid value|Expected type|has invalid value/i.test(message);
