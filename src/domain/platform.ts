/** The chat platforms Stocktake speaks on. */
export type ChatPlatform = 'slack' | 'teams';
