// A link the page cannot follow as written: it says what it shows instead and what the address becomes.
import { correctPlace, type PlaceCheck } from '../../apps/dashboard/src/shell/place-correction';

const harbour = { id: 'harbour', name: 'Harbour Clinic' };
const screens = [
  { id: 'overview', label: 'Overview' },
  { id: 'setup', label: 'Set-up' },
  { id: 'reports', label: 'Reports' },
];
const plannerScreens = [screens[0]!, screens[2]!];

const check = (place: PlaceCheck['place'], overrides: Partial<PlaceCheck> = {}): PlaceCheck => ({
  place,
  organizations: [harbour],
  shownOrganization: harbour,
  screens,
  visibleScreens: plannerScreens,
  roleName: 'Planner',
  ...overrides,
});

describe('Correcting a place the page cannot show (unit)', () => {
  it('should leave a place the token reaches alone, and an address that names nothing', () => {
    expect(correctPlace(check({ organizationId: 'harbour', view: 'reports' }))).toBeNull();
    expect(correctPlace(check({ organizationId: null, view: null }))).toBeNull();
  });

  it('should name an organisation out of reach, say which one is shown and put the address right', () => {
    expect(correctPlace(check({ organizationId: 'seaview', view: 'reports' }))).toEqual({
      change: { organizationId: 'harbour' },
      messages: ['You don’t have access to “seaview”, or it doesn’t exist: showing Harbour Clinic instead.'],
    });
  });

  it('should drop an organisation out of reach from the address when the token reaches none', () => {
    expect(
      correctPlace(
        check({ organizationId: 'seaview', view: null }, { organizations: [], shownOrganization: null }),
      ),
    ).toEqual({
      change: { organizationId: null },
      messages: ['You don’t have access to “seaview”, or it doesn’t exist.'],
    });
  });

  it("should say a screen is not open to the token's role and which one is shown instead", () => {
    expect(correctPlace(check({ organizationId: 'harbour', view: 'setup' }))).toEqual({
      change: { view: 'overview' },
      messages: [
        'Set-up is not open to a Planner token (ask an admin for a token that may use it): showing the Overview instead.',
      ],
    });
  });

  it('should say a screen that does not exist is not one, and put both wrong parts right at once', () => {
    expect(correctPlace(check({ organizationId: 'seaview', view: 'sales' }))).toEqual({
      change: { organizationId: 'harbour', view: 'overview' },
      messages: [
        'You don’t have access to “seaview”, or it doesn’t exist: showing Harbour Clinic instead.',
        'There is no screen “sales”: showing the Overview instead.',
      ],
    });
  });
});
