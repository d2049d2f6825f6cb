// Findings GitHub's language service makes on main today that another branch resolves: each is
// a real defect (the examples chain an output the action does not declare yet, so the value is
// empty at run time — the demo shows it), listed with what fixes it. The test asserts this list
// exactly: a new finding fails, and so does one that went away (delete its line then).
export interface PendingFinding {
  file: string;
  line: number;
  message: string;
  resolvedBy: string;
}

export const PENDING_FINDINGS: PendingFinding[] = [];
