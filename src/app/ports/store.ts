import type { Brag } from '../../domain/brag.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { ExistingAction, ImportPlan } from '../../domain/import/import-plan.ts';
import type { DirectoryPerson } from '../../domain/leads/resolve-lead.ts';
import type { OutboxStore, RunLocks } from './outbox.ts';
import type { PersonRow } from '../../domain/people/people-file.ts';
import type { Board, Programme } from '../../domain/programme.ts';
import type { ReportAction } from '../../domain/report/types.ts';
import type { Grant } from '../../domain/roles/roles.ts';
import type { UpdateStub } from '../../domain/updates/retention.ts';

export type ProgrammeSettings = Omit<Programme, 'id' | 'name'>;

export interface ProgrammeStore {
  list(): Promise<Programme[]>;
  findById(id: string): Promise<Programme | null>;
  findByChannel(platform: ChatPlatform, channelId: string): Promise<Programme | null>;
  findByName(name: string): Promise<Programme | null>;
  create(name: string, settings: ProgrammeSettings): Promise<Programme>;
  update(id: string, settings: Partial<ProgrammeSettings>): Promise<Programme>;
}

export interface ImportRunInfo {
  file: string;
  sheet: string | null;
  actor: string;
  /** The use case's clock, so that statuses read from the sheet are dated as the import. */
  at: Date;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface UnresolvedLead {
  name: string;
  programme: string;
  refs: string[];
}

/** Which updates the report needs: at most the latest overall, the latest before the baseline, and whether any came this cycle. */
export interface ReportWindow {
  previousCutoff: Date | null;
  cycleStart: Date | null;
}

export interface RegisterStore {
  existingActions(programmeId: string): Promise<ExistingAction[]>;
  /** Applies a whole import in one transaction: all of it, or none of it. */
  applyImport(programmeId: string, plan: ImportPlan, run: ImportRunInfo, onProgress?: (done: number, total: number) => void): Promise<ImportCounts>;
  reportActions(programmeId: string, window: ReportWindow): Promise<ReportAction[]>;
  /** Changes whenever anything a programme's report reads is written (here or by another replica): a compiled report stays good while it does not. */
  reportVersion(programmeId: string): Promise<string>;
  /** Open actions (in the register, not complete) that any of these people lead, across programmes. */
  openActionsLedBy(personIds: string[]): Promise<(ReportAction & { programmeId: string; programme: string })[]>;
  /** Per lead, their open actions with due date, status and when a person (not the spreadsheet) last updated each. */
  leadActions(programmeId: string): Promise<{ personId: string; actions: { id: string; due: ReportAction['due']; status: ReportAction['status']; lastUpdateAt: Date | null }[] }[]>;
  /** Programmes in which the person leads at least one action. */
  programmesLedBy(personId: string): Promise<string[]>;
  /** Open actions whose due date is before `asOf`: a narrowing for speed; the domain decides what is overdue. */
  overdueCandidates(programmeId: string, asOf: CalendarDate): Promise<ReportAction[]>;
  unresolvedLeads(programmeId?: string): Promise<UnresolvedLead[]>;
  /** Re-matches every register lead against the directory (after `people import`). */
  resolveLeads(resolve: (name: string) => string | null): Promise<number>;
  /** Top-level workstreams, in register order. */
  workstreams(programmeId: string): Promise<{ id: string; ref: string | null; name: string }[]>;
  /** A workstream by its ref ("3", "C") or name, ignoring case: its id. */
  findWorkstream(programmeId: string, refOrName: string): Promise<string | null>;
  countActions(programmeId: string): Promise<{ total: number; inRegister: number; workstreams: number }>;
}

export type PersonInput = Omit<PersonRow, 'row'>;

export type { ChatPlatform } from '../../domain/platform.ts';
import type { ChatPlatform } from '../../domain/platform.ts';

export interface PersonContact {
  personId: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
  /** {conversationId, serviceUrl, tenantId}: a stored Teams conversation reference. */
  teamsConversation: unknown;
  lastPlatform: ChatPlatform | null;
}

export interface PeopleStore {
  directory(): Promise<DirectoryPerson[]>;
  findById(id: string): Promise<DirectoryPerson | null>;
  findByPlatformUser(platform: ChatPlatform, userId: string): Promise<DirectoryPerson | null>;
  /** How to reach a person: their platform ids and where they last answered. */
  contact(personId: string): Promise<PersonContact | null>;
  /** How to reach everyone, in one read: for a tick that writes to many people at once. */
  contacts(): Promise<PersonContact[]>;
  /** Leave overlapping a period, for these people. */
  absences(personIds: string[], from: CalendarDate, to: CalendarDate): Promise<{ personId: string; from: CalendarDate; to: CalendarDate; delegateId: string | null }[]>;
  addAbsence(personId: string, from: CalendarDate, to: CalendarDate, delegateId: string | null): Promise<void>;
  /** Keeps where to reach a person on Teams proactively ({conversationId, serviceUrl, tenantId}), captured on install or first contact. */
  setTeamsConversation(personId: string, reference: unknown): Promise<void>;
  /** Stores a platform id found for a person (e.g. by email) without saying they answered there. */
  rememberPlatformUser(personId: string, platform: ChatPlatform, userId: string): Promise<void>;
  /** Remembers a person's platform identity (found by email on first contact) and where they last spoke. */
  linkPlatformUser(personId: string, platform: ChatPlatform, userId: string): Promise<void>;
  findByEmail(email: string): Promise<(DirectoryPerson & { slackUserId: string | null; teamsUserId: string | null }) | null>;
  /** Creates or updates by email (by name when there is no email), in one transaction. */
  upsertMany(people: PersonInput[]): Promise<{ created: number; updated: number }>;
}

export interface BoardInput {
  name: string;
  meetingRule: string | null;
  askDays: number;
  slackChannelId: string | null;
  teamsChannelId: string | null;
}

export interface BoardStore {
  findById(id: string): Promise<Board | null>;
  /** The board whose governance channel this is, on that platform. */
  findByChannel(platform: ChatPlatform, channelId: string): Promise<Board | null>;
  list(programmeId: string): Promise<(Board & { meetings: CalendarDate[]; chairs: string[] })[]>;
  findByName(programmeId: string, name: string): Promise<Board | null>;
  create(programmeId: string, input: BoardInput): Promise<Board>;
  update(id: string, patch: Partial<Omit<Board, 'id' | 'programmeId'>>): Promise<Board>;
  /** Only for undoing a board whose settings were refused as it was added. */
  remove(id: string): Promise<void>;
  meetings(boardId: string): Promise<CalendarDate[]>;
  /** Meetings on or after a day, with their ids (outbox keys are per meeting) and any earlier date they moved from. */
  meetingRecords(boardId: string, from: CalendarDate): Promise<{ id: string; date: CalendarDate; movedFrom: CalendarDate | null }[]>;
  /** Adds meetings (existing dates are kept). */
  addMeetings(boardId: string, dates: CalendarDate[]): Promise<void>;
}

export interface GrantInput extends Grant {
  personId: string;
}

export interface GrantStore {
  grant(input: GrantInput): Promise<{ created: boolean }>;
  revoke(input: GrantInput): Promise<number>;
  grantsOf(personId: string): Promise<Grant[]>;
  holders(programmeId: string, role: Grant['role'], boardId?: string): Promise<string[]>;
}

/** What permission checks and the update form need to know about one action. */
export interface ActionForUpdate {
  id: string;
  ref: string;
  title: string;
  programmeId: string;
  /** Its workstream and every ancestor. */
  workstreamIds: string[];
  leadPersonIds: string[];
  status: ReportAction['status'];
  statusWord: string;
  due: ReportAction['due'];
  inRegister: boolean;
}

export interface UpdateInput {
  actionId: string;
  authorId: string;
  authorName: string;
  onBehalfOfId: string | null;
  status: ReportAction['status'];
  statusWord: string;
  note: string | null;
  nextSteps: string | null;
  evidenceUrl: string | null;
  revisedDue: CalendarDate | null;
  source: 'slack' | 'teams' | 'cli';
  correctsId: string | null;
  at: Date;
}

export interface RecordedUpdate {
  id: string;
  at: Date;
}

export interface UpdateStore {
  /** By id, or by ref within a programme. */
  actionForUpdate(key: { id: string } | { programmeId: string; ref: string }): Promise<ActionForUpdate | null>;
  /** The author's latest update on the action at or after an instant (a correction supersedes it). */
  latestBy(actionId: string, authorId: string, since: Date | null): Promise<RecordedUpdate | null>;
  /** Appends the update and moves the action's current status (and due date, when revised), in one transaction. */
  record(input: UpdateInput): Promise<RecordedUpdate>;
  /** Every update of the programme's actions that have any update before `before`: what retention weighs. */
  retentionCandidates(programmeId: string, before: Date): Promise<UpdateStub[]>;
  /** Deletes these updates and writes the audit entry saying so, in one transaction; returns how many went. */
  remove(ids: string[], audit: AuditEntry & { at: Date }): Promise<number>;
}

export interface AuditEntry {
  actor: string;
  programmeId: string | null;
  verb: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
}

export interface Store {
  outbox: OutboxStore;
  locks: RunLocks;
  programmes: ProgrammeStore;
  register: RegisterStore;
  people: PeopleStore;
  boards: BoardStore;
  grants: GrantStore;
  updates: UpdateStore;
  audit: AuditStore;
}

