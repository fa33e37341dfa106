import type { Brag } from '../brag.ts';
import type { CalendarDate, DueDate } from '../calendar-date.ts';

/** One recorded status update on an action (from chat, the command line or an import). */
export interface ReportUpdate {
  status: Brag;
  /** The words the lead (or the register) used, e.g. "On track some concerns". */
  statusWord: string;
  note: string | null;
  /** The author's display name. */
  author: string;
  at: Date;
  /** Where it came from: "slack", "teams", "cli", "import"… */
  source: string;
}

/** One action of the register as the report needs it: plain values, no store types. */
export interface ReportAction {
  id: string;
  ref: string;
  title: string;
  /** The top-level workstream's (priority's) name. */
  workstream: string;
  /** The workstream's own number or letter ("3", "C"), which orders workstreams when present. */
  workstreamRef: string | null;
  /** People's names where the directory resolves them, else the register's text. */
  leads: string[];
  leadPersonIds: string[];
  due: DueDate | null;
  /** The due date the action first had; differs from `due` once it has been re-dated. */
  originalDue: DueDate | null;
  dueRevisions: number;
  /** The current status. */
  status: Brag;
  statusWord: string;
  /** False once a re-import no longer finds the row ("no longer in the register"). */
  inRegister: boolean;
  /** Every update on the action, in any order. */
  updates: ReportUpdate[];
}

/** What a report is compiled for. Times are passed in as values so the domain stays pure. */
export interface ReportContext {
  programme: string;
  board: string | null;
  asOf: CalendarDate;
  /** When this cycle's asking began: updates at or after it count as "this cycle". */
  cycleStart: Date | null;
  /**
   * The previous meeting's cut-off. Movement compares each action's status with its latest
   * update at or before this instant; an action with none is "new".
   */
  previousCutoff: Date | null;
  /** The due-next window ends on this day; without it, 31 days after `asOf`. */
  nextMeeting: CalendarDate | null;
  /** Leads on leave (names as in `leads`, or person ids): listed as on leave, not as missing. */
  awayLeads?: string[];
}
