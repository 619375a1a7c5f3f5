// "Not sure" is recorded by the api (setQuestionAside), so every device shows it. Earlier, the page
// kept it on the device only: what an earlier visit kept there is taken once, to be sent like any
// other choice, and the device's copy dropped.
import { readKept, writeKept } from './device-store';

const keyOf = (invitationId: string) => `questionnaire-not-sure:${invitationId}`;

/** The cells (`function/capability`) kept as Not sure on this device by an earlier visit; none after. */
export function takeDeviceNotSure(invitationId: string): string[] {
  const stored = readKept(keyOf(invitationId));
  if (stored === null) return [];
  writeKept(keyOf(invitationId), null);
  return Array.isArray(stored) ? stored.filter((cell): cell is string => typeof cell === 'string') : [];
}
