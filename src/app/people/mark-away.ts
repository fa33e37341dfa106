import { formatDate } from '../../domain/dates/calendar.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { AppDeps } from '../deps.ts';
import { fail, ok, type Result } from '../result.ts';

export interface AwayRequest {
  email: string;
  from: CalendarDate;
  to: CalendarDate;
  delegateEmail: string | null;
  actor: string;
}

/** Leave and cover: the person is not chased while away, and their delegate is asked in their place. */
export async function markAway(deps: AppDeps, req: AwayRequest): Promise<Result<string>> {
  if (req.to < req.from) return fail('invalid-input', `The last day away (${formatDate(req.to)}) is before the first (${formatDate(req.from)}).`);
  const person = await deps.store.people.findByEmail(req.email);
  if (!person) return fail('person-not-found', `Nobody in the directory has the email ${req.email}.`);
  const delegate = req.delegateEmail ? await deps.store.people.findByEmail(req.delegateEmail) : null;
  if (req.delegateEmail && !delegate) return fail('person-not-found', `Nobody in the directory has the email ${req.delegateEmail}.`);
  if (delegate?.id === person.id) return fail('invalid-input', 'Someone cannot cover for themselves.');
  await deps.store.people.addAbsence(person.id, req.from, req.to, delegate?.id ?? null);
  await deps.store.audit.record({ actor: req.actor, programmeId: null, verb: 'away', entity: 'person', entityId: person.id, details: { from: req.from, to: req.to, delegate: delegate?.id ?? null } });
  return ok(`${person.name} is away from ${formatDate(req.from)} to ${formatDate(req.to)}${delegate ? `; ${delegate.name} is asked instead` : '; nobody is asked in their place'}.`);
}
