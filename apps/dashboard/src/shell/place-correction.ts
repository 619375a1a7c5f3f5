// A link may name an organisation the token does not reach, or a screen its role may not use. The
// page then shows something else: it must say so, and put the address right, so the address never
// claims one organisation (or screen) while the page shows another.
import type { Place } from './navigation';

interface Named {
  id: string;
  name: string;
}

interface Screen {
  id: string;
  label: string;
}

export interface PlaceCheck {
  /** What the address asks for. */
  place: Place;
  /** The organisations the token reaches (loaded). */
  organizations: readonly Named[];
  /** The organisation the page shows instead, or null when there is none. */
  shownOrganization: Named | null;
  /** Every screen of the page, and those this token may use, in navigation order. */
  screens: readonly Screen[];
  visibleScreens: readonly Screen[];
  /** The role as the page names it (Planner). */
  roleName: string;
}

export interface PlaceCorrection {
  /** What to write into the address instead (replacing its history entry). */
  change: Partial<Place>;
  /** One sentence per thing put right, for a notice above the screen. */
  messages: string[];
}

/** What the address asks for that the page cannot show, and what it shows instead; null when nothing. */
export function correctPlace(check: PlaceCheck): PlaceCorrection | null {
  const { place, shownOrganization } = check;
  const change: Partial<Place> = {};
  const messages: string[] = [];

  const requested = place.organizationId;
  if (requested !== null && !check.organizations.some((organization) => organization.id === requested)) {
    change.organizationId = shownOrganization?.id ?? null;
    messages.push(
      `You don’t have access to “${requested}”, or it doesn’t exist${
        shownOrganization ? `: showing ${shownOrganization.name} instead.` : '.'
      }`,
    );
  }

  const view = place.view;
  const fallback = check.visibleScreens[0] ?? null;
  if (view !== null && fallback !== null && !check.visibleScreens.some((screen) => screen.id === view)) {
    change.view = fallback.id;
    const known = check.screens.find((screen) => screen.id === view);
    const instead = `showing the ${fallback.label} instead.`;
    messages.push(
      known
        ? `${known.label} is not open to a ${check.roleName} token (ask an admin for a token that may use it): ${instead}`
        : `There is no screen “${view}”: ${instead}`,
    );
  }

  return messages.length === 0 ? null : { change, messages };
}
