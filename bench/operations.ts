/** The measured operations: what the office's screens ask for, as the role that asks. */
export interface Operation {
  name: string;
  /** Demo account that sends it. */
  as: 'admin' | 'advisor' | 'filing' | 'drafter' | 'director';
  query: string;
  variables?: Record<string, unknown>;
  /** Tree depth of the selection's lists (for the "statements ≤ depth + 1" target). */
  depth: number;
}

export const OPERATIONS: Operation[] = [
  {
    name: 'nested proposal page (50)',
    as: 'admin',
    depth: 5,
    query: `{ proposals(first: 50) { nodes { id code title state
        directoryItem { seq title directory { year title } }
        drafts(first: 10) { nodes { number changeNote contentHash } }
        reviewRequests { code status dueOn opinions { number status conclusion findings { seq aspect mustFix text lawName article } } } } } }`,
  },
  {
    name: 'reviews queue (50)',
    as: 'advisor',
    depth: 2,
    query: `{ reviews(first: 50) { totalCount nodes { id code subjectType subjectTitle status dueOn deadline { dueOn } requestedBy { displayName } } } }`,
  },
  {
    name: 'directory with 200 items (100 per page)',
    as: 'admin',
    depth: 2,
    query: `query($year: Int!) { directoryByYear(year: $year) { id year title status items(first: 100) { totalCount nodes { seq title category status sponsorDepartment { name } } } } }`,
  },
  {
    name: 'normative register, newest first (50)',
    as: 'filing',
    depth: 2,
    query: `{ normativeDocuments(first: 50) { totalCount nodes { id title state registrationNumber publishedOn filingDueOn filing { filedOn status } } } }`,
  },
  {
    name: 'filingFlags over 100,000 documents (first 100)',
    as: 'filing',
    depth: 1,
    query: `{ filingFlags(first: 100) { totalCount overdueCount nodes { documentId kind dueOn message } } }`,
  },
  {
    name: 'me',
    as: 'drafter',
    depth: 1,
    query: `{ me { id username displayName department { name } } }`,
  },
];
