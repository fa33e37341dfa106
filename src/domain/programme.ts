import type { Brag } from './brag.ts';
import type { Nation } from './working-days.ts';

export interface Programme {
  id: string;
  name: string;
  timezone: string;
  nation: Nation;
  /** The programme's own status words, mapped onto BRAG. */
  statusWords: Record<string, Brag>;
  slackChannelId: string | null;
  teamsChannelId: string | null;
}

export interface Board {
  id: string;
  programmeId: string;
  name: string;
  meetingRule: string | null;
  askDays: number;
  askTime: string;
  chaseDays: number;
  cutoffDays: number;
  cutoffTime: string;
  slackChannelId: string | null;
  teamsChannelId: string | null;
  autoPostReport: boolean;
}
