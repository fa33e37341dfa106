/** What a chat platform can tell us about its users (Slack's users.info / users.lookupByEmail, Teams' roster). */
export interface PlatformDirectory {
  emailOf(userId: string): Promise<string | null>;
  userIdForEmail(email: string): Promise<string | null>;
}
