import type { Brag } from '../brag.ts';
import type { CalendarDate, DuePrecision } from '../calendar-date.ts';
import type { Direction } from '../status/status-words.ts';
import type { BragTotals } from './totals.ts';

export type { Direction } from '../status/status-words.ts';
export type { BragTotals } from './totals.ts';

/** ITEM of `report --format json` (DESIGN, Interfaces): keep these names and shapes. */
export interface ReportItem {
  ref: string;
  title: string;
  workstream: string;
  leads: string[];
  due: CalendarDate | null;
  duePrecision: DuePrecision | null;
  status: Brag;
  statusWord: string;
  direction: Direction;
  latestUpdate: {
    status: Brag;
    note: string | null;
    author: string;
    /** ISO 8601 instant. */
    at: string;
  } | null;
}

export type ExceptionReason = 'red' | 'amber' | 'overdue';

/** An action the board should look at: red, amber or overdue (one or more of these). */
export interface ExceptionItem extends ReportItem {
  reasons: ExceptionReason[];
  daysOverdue: number | null;
}

/** An open action whose due date has moved since the register first set it. */
export interface SlippageItem {
  ref: string;
  title: string;
  workstream: string;
  leads: string[];
  originalDue: CalendarDate;
  originalDuePrecision: DuePrecision;
  /** `null` when the date has been withdrawn ("TBC"). */
  due: CalendarDate | null;
  duePrecision: DuePrecision | null;
  /** How many times it has been re-dated (at least 1). */
  timesRedated: number;
  /** Calendar days later than first planned (negative if brought forward); null with no date now. */
  daysMoved: number | null;
}

export interface MovementCounts {
  up: number;
  down: number;
  same: number;
  new: number;
}

export interface WorkstreamSection {
  name: string;
  totals: BragTotals;
  items: ReportItem[];
  // Additions to the contract:
  ref: string | null;
  movement: MovementCounts;
  exceptions: ExceptionItem[];
  slippage: SlippageItem[];
  /** Actions of this workstream flagged "no longer in the register": not in totals or items. */
  notInRegister: number;
}

export interface LeadActions {
  lead: string;
  actions: string[];
}

export interface Readiness {
  /** Open actions (not complete, in the register): the ones leads are asked about. */
  expected: number;
  /** Of those, how many have an update this cycle. */
  updated: number;
  /** Leads of open actions, and how many of them have updated every one of theirs (for "27 of 40 leads have updated"). */
  leads: number;
  leadsUpdated: number;
  /** Leads still to reply (the same people as `missingUpdates`). */
  outstandingLeads: string[];
  /** Leads who have not replied but are on leave. */
  onLeaveLeads: string[];
}

/** `report --format json` (DESIGN, Interfaces), with additions after the contract's fields. */
export interface HighlightReport {
  programme: string;
  board: string | null;
  asOf: CalendarDate;
  totals: BragTotals;
  workstreams: WorkstreamSection[];
  overdue: ReportItem[];
  missingUpdates: LeadActions[];
  dueNext: ReportItem[];
  // Additions to the contract:
  /** Last day of the due-next window (the next meeting, or 31 days after `asOf`). */
  dueNextUntil: CalendarDate;
  nextMeeting: CalendarDate | null;
  cycleStart: string | null;
  previousCutoff: string | null;
  movement: MovementCounts;
  onLeave: LeadActions[];
  readiness: Readiness;
  /** Actions flagged "no longer in the register", across all workstreams. */
  notInRegister: number;
}
