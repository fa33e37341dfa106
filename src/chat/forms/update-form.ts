import { recordUpdate } from '../../app/updates/record-update.ts';
import { ACTION_NOT_FOUND, visibleAction } from '../../app/updates/updatable.ts';
import { myOpenActions } from '../../app/updates/my-actions.ts';
import type { ActionForUpdate } from '../../app/ports/store.ts';
import { BRAG, BRAG_LABEL } from '../../domain/brag.ts';
import { formatDate } from '../../domain/dates/calendar.ts';
import { formatDue } from '../../domain/overdue.ts';
import { NEXT_STEPS_LIMIT, NOTE_LIMIT, URL_LIMIT } from '../../domain/updates/validate-update.ts';
import type { ChatContext } from '../context.ts';
import type { ButtonHandler, FormHandler } from '../handlers.ts';
import { rich, bold, statusSpan, type Form } from '../message.ts';
import type { Reply } from '../replies.ts';
import { OPEN_UPDATE } from '../views/my-actions.ts';
import { myActionsMessage } from '../views/my-actions.ts';
import { failureMessage, notice } from '../notice.ts';
import { canUpdateAction } from '../../domain/roles/permissions.ts';

export const UPDATE_FORM = 'update';

/** The update form: status, progress note, next steps, evidence and a revised due date. */
export function updateForm(action: ActionForUpdate): Form {
  return {
    id: UPDATE_FORM,
    title: `Update ${action.ref}`.slice(0, 24),
    submitLabel: 'Save update',
    state: action.id,
    blocks: [
      { type: 'section', text: rich(bold(action.ref), ` ${action.title}`) },
      { type: 'context', text: rich('Now: ', statusSpan(action.status, action.statusWord || undefined), ` · Due ${formatDue(action.due)}`) },
      { type: 'select', id: 'status', label: 'Status', options: BRAG.map((b) => ({ label: BRAG_LABEL[b], value: b })), initial: action.status },
      { type: 'input', id: 'note', label: 'Progress', multiline: true, maxLength: NOTE_LIMIT, optional: true, hint: 'What has happened since the last update? Needed for amber or red.' },
      { type: 'input', id: 'nextSteps', label: 'Next steps', multiline: true, maxLength: NEXT_STEPS_LIMIT, optional: true, hint: 'For amber or red: what will bring it back to green.' },
      { type: 'input', id: 'evidenceUrl', label: 'Evidence link', maxLength: URL_LIMIT, optional: true, format: 'url', placeholder: 'https://' },
      { type: 'input', id: 'revisedDue', label: 'Revised due date', optional: true, format: 'date', placeholder: 'YYYY-MM-DD', hint: 'Only if the due date has to move. The original is kept.' },
    ],
  };
}

export const openUpdateButton: ButtonHandler = {
  id: OPEN_UPDATE,
  async run(ctx, actionId) {
    const action = await visibleAction(ctx.deps, ctx.actor, actionId);
    if (!action) return [{ kind: 'private', message: notice(ACTION_NOT_FOUND) }];
    const permission = canUpdateAction(ctx.actor, action);
    if (!permission.allowed) return [{ kind: 'private', message: notice(permission.reason) }];
    return [{ kind: 'open-form', form: updateForm(action) }];
  },
};

export const updateFormHandler: FormHandler = {
  id: UPDATE_FORM,
  firstField: 'status',
  async run(ctx: ChatContext, actionId, values): Promise<Reply[]> {
    const result = await recordUpdate(ctx.deps, {
      person: { id: ctx.person.id, name: ctx.person.name },
      actionId,
      draft: {
        ...(values.status !== undefined ? { status: values.status } : {}),
        ...(values.note !== undefined ? { note: values.note } : {}),
        ...(values.nextSteps !== undefined ? { nextSteps: values.nextSteps } : {}),
        ...(values.evidenceUrl !== undefined ? { evidenceUrl: values.evidenceUrl } : {}),
        ...(values.revisedDue !== undefined ? { revisedDue: values.revisedDue } : {}),
      },
      source: ctx.platform,
    });
    if (!result.ok) {
      if (result.error.fieldErrors) {
        const action = await ctx.deps.store.updates.actionForUpdate({ id: actionId });
        return [{ kind: 'form-errors', errors: result.error.fieldErrors, values, ...(action ? { form: updateForm(action) } : {}) }];
      }
      return [{ kind: 'private', message: failureMessage(result.error) }];
    }
    const { action, update, correction, onBehalfOfId } = result.value;
    // Recorded: a failure from here on (the database gone) must not read as "not saved", or the update
    // would be saved twice when the person tries again. The confirmation goes without its extras.
    const behalf = onBehalfOfId ? await ctx.deps.store.people.findById(onBehalfOfId).catch(() => null) : null;
    const confirmation = {
      text: `Recorded: ${action.ref} is ${BRAG_LABEL[update.status]}.`,
      blocks: [
        { type: 'section' as const, text: rich(correction ? 'Corrected ' : 'Recorded ', bold(action.ref), ` ${action.title}: `, statusSpan(update.status)) },
        {
          type: 'context' as const,
          text: [
            update.revisedDue ? `New due date ${formatDate(update.revisedDue)} (the original is kept).` : null,
            behalf ? `Recorded on behalf of ${behalf.name}.` : null,
            correction ? 'Your earlier update this cycle is kept in the history.' : null,
          ]
            .filter(Boolean)
            .join(' ') || 'Thank you. You can correct it until the board’s cut-off.',
        },
      ],
    };
    const mine = await myOpenActions(ctx.deps, ctx.person.id).catch(() => null);
    return [{ kind: 'private', message: confirmation }, ...(mine ? [{ kind: 'home' as const, message: myActionsMessage(mine) }] : [])];
  },
};
