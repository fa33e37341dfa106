/**
 * The people of the Hull demo that chat tests play, by role. Each platform's harness gives them
 * its own ids; the directory (examples/hull-people.csv, plus the outsider) knows them by email.
 */
export const CAST = {
  /** Leads most of Hull's actions (Assistant Director Learning and Skills). */
  alex: { name: 'Alex Morgan', email: 'alex.morgan@hull.example' },
  /** Leads seven actions, 1.2 among them (Head of Performance and Quality). */
  priya: { name: 'Priya Shah', email: 'priya.shah@hull.example' },
  /** Chairs the SEND Partnership Board. */
  helen: { name: 'Dr Helen Carter', email: 'helen.carter@hull.example' },
  /** Hull's programme manager. */
  nadia: { name: 'Nadia Hussain', email: 'nadia.hussain@hull.example' },
  /** In the directory, but leads nothing and holds no role in Hull. */
  olu: { name: 'Olu Adeyemi', email: 'olu.adeyemi@hull.example' },
  /** Not in the directory at all. */
  stranger: { name: 'Sam Stranger', email: 'sam@elsewhere.example' },
} as const;

export type Who = keyof typeof CAST;
