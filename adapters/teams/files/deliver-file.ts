import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Reply } from '../../../src/chat/replies.ts';
import { notice } from '../../../src/chat/notice.ts';
import { fileConsentCard, fileInfoCard, readFileConsent, type FileConsent, type FileReply } from './file-consent.ts';
import { uploadFile } from './upload-file.ts';

const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

const message = (text: string, attachment?: Partial<Activity>['attachments']): Partial<Activity> => ({
  type: ActivityTypes.Message,
  textFormat: 'plain',
  text,
  ...(attachment ? { attachments: attachment } : {}),
});

/**
 * A file from the chat core, the Teams way (see file-consent.ts): in a 1:1 chat, a consent card;
 * once accepted, the upload and a card that opens the file; elsewhere, where Teams lets no bot
 * send files, where to ask instead.
 */
export async function deliverFile(context: TurnContext, reply: FileReply): Promise<void> {
  const consent = readFileConsent(context.activity);
  const content = bytesOf(reply.attachment.content);
  if (consent?.action === 'accept') {
    try {
      await uploadFile(consent.uploadInfo.uploadUrl, content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await context.sendActivity(message(`Sorry, the ${reply.attachment.title} could not be saved to your OneDrive (${reason}). Press the same button again to try once more.`));
      return;
    }
    await context.sendActivity(message(reply.message.text, [fileInfoCard(consent.uploadInfo)]));
    return;
  }
  if (context.activity.conversation?.conversationType === 'personal') {
    await context.sendActivity(message(`The ${reply.attachment.title} is ready: choose Allow to save it to your OneDrive and open it here.`, [fileConsentCard(reply, content.length)]));
    return;
  }
  await context.sendActivity(
    message(`Teams lets a bot send files only in a 1:1 chat, so the ${reply.attachment.title} cannot come here. Open your chat with Stocktake, send send-report there and press the same button.`),
  );
}

/** The answer to a file that was declined, or whose consent card could not be read. */
export function unacceptedFile(consent: Exclude<FileConsent, { action: 'accept' }>): Reply {
  return {
    kind: 'private',
    message: notice(
      consent.action === 'decline'
        ? 'No problem: nothing was saved to your OneDrive. Press the button again whenever you want the file.'
        : 'That file request could not be read, so nothing was saved. Press the button again for a fresh one.',
    ),
  };
}
