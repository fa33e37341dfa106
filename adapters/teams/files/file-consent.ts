import type { Activity, Attachment as CardAttachment } from 'botbuilder';
import { z } from 'zod';
import type { Inbound } from '../../../src/chat/inbound.ts';
import type { Reply } from '../../../src/chat/replies.ts';
import { callerOf, placeOf } from '../translate-activity.ts';

/**
 * Teams' own way for a bot to hand a file to someone, in a 1:1 chat only: the bot sends a consent
 * card (name, size, description); if the person allows it, Teams creates the file in their OneDrive
 * and invokes the bot (`fileConsent/invoke`) with an upload URL; the bot uploads the bytes and sends
 * a card that opens the file. The consent card carries the button press that makes the file (its
 * `remake`), not the file: the bytes are made again on acceptance, so nothing is held in memory and
 * a restart in between loses nothing.
 */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

export type FileReply = Extract<Reply, { kind: 'file' }>;

const remake = z.object({ button: z.string().min(1).max(100), value: z.string().max(2000) });
const uploadInfo = z.object({
  name: z.string().min(1).max(400),
  uploadUrl: z.string().url(),
  contentUrl: z.string().url(),
  uniqueId: z.string().min(1).max(200),
  fileType: z.string().max(50),
});
const consentValue = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), context: remake, uploadInfo }),
  z.object({ action: z.literal('decline') }),
]);

export type UploadInfo = z.infer<typeof uploadInfo>;

export type FileConsent =
  | { action: 'accept'; uploadInfo: UploadInfo; inbound: Inbound }
  | { action: 'decline' }
  /** A consent invoke that cannot be read (tampered with, or from an older card). */
  | { action: 'unreadable' };

/** The consent card for a file the chat core produced. */
export function fileConsentCard(reply: FileReply, sizeInBytes: number): CardAttachment {
  const context = { button: reply.remake.button, value: reply.remake.value };
  return {
    contentType: FILE_CONSENT_CARD,
    name: reply.attachment.filename,
    content: { description: reply.attachment.title, sizeInBytes, acceptContext: context, declineContext: context },
  };
}

/** The card that opens the uploaded file in Teams. */
export function fileInfoCard(info: UploadInfo): CardAttachment {
  return { contentType: FILE_INFO_CARD, contentUrl: info.contentUrl, name: info.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } };
}

export const isFileConsent = (activity: Partial<Activity>): boolean => activity.type === 'invoke' && activity.name === FILE_CONSENT_INVOKE;

/**
 * A `fileConsent/invoke` read: on acceptance, the button press that makes the file again, as a
 * neutral inbound event, so the chat core checks the caller's rights and builds it afresh.
 */
export function readFileConsent(activity: Partial<Activity>): FileConsent | null {
  if (!isFileConsent(activity)) return null;
  const parsed = consentValue.safeParse(activity.value);
  if (!parsed.success) return { action: 'unreadable' };
  if (parsed.data.action === 'decline') return { action: 'decline' };
  const { context } = parsed.data;
  return { action: 'accept', uploadInfo: parsed.data.uploadInfo, inbound: { kind: 'button', caller: callerOf(activity), place: placeOf(activity), id: context.button, value: context.value } };
}
