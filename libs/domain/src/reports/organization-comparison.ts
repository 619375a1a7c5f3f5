import { type ErrorCodeOf, invalidInput, requireSlug } from '../shared';

export const REPORT_ERROR_CODES = {
  noOrganizations: 'REPORT.NO_ORGANIZATIONS',
  tooManyOrganizations: 'REPORT.TOO_MANY_ORGANIZATIONS',
  organizationTwice: 'REPORT.ORGANIZATION_TWICE',
  differentModels: 'REPORT.DIFFERENT_MODELS',
  fromAfterTo: 'REPORT.FROM_AFTER_TO',
} as const;

export type ReportErrorCode = ErrorCodeOf<typeof REPORT_ERROR_CODES>;

declare module '../shared/domain-error' {
  interface DomainErrorCodes {
    report: ReportErrorCode;
  }
}

/** A hotel group's sites or a bank's regions fit; a page of a hundred columns reads as noise. */
export const MAX_COMPARED_ORGANIZATIONS = 50;

/** The ids of a comparison: at least one, each a slug, none twice, at most MAX_COMPARED_ORGANIZATIONS. */
export function requireComparedOrganizationIds(field: string, ids: readonly unknown[]): string[] {
  if (ids.length === 0) {
    throw invalidInput(field, `${field}: name at least one organisation`, REPORT_ERROR_CODES.noOrganizations);
  }
  if (ids.length > MAX_COMPARED_ORGANIZATIONS) {
    throw invalidInput(
      field,
      `${field}: at most ${MAX_COMPARED_ORGANIZATIONS} organisations can be compared at once (got ${ids.length})`,
      REPORT_ERROR_CODES.tooManyOrganizations,
    );
  }
  const seen = new Set<string>();
  return ids.map((value, position) => {
    const id = requireSlug(`${field}[${position}]`, value);
    if (seen.has(id)) {
      throw invalidInput(field, `${field}: "${id}" is listed twice`, REPORT_ERROR_CODES.organizationTwice);
    }
    seen.add(id);
    return id;
  });
}

/** Organisations are compared capability by capability, so they must share one maturity model. */
export function requireOneModel(
  field: string,
  organizations: readonly { id: string; modelId: string }[],
): void {
  const models = new Set(organizations.map((organization) => organization.modelId));
  if (models.size <= 1) return;
  const listed = organizations.map((organization) => `${organization.id} uses "${organization.modelId}"`);
  throw invalidInput(
    field,
    `${field}: only organisations on the same maturity model can be compared (${listed.join(', ')})`,
    REPORT_ERROR_CODES.differentModels,
  );
}

/** `from` must not come after `to`; both are canonical ISO instants. */
export function requireOrderedRange(from: string, to: string): void {
  if (Date.parse(from) > Date.parse(to)) {
    throw invalidInput('from', `from (${from}) must not be after to (${to})`, REPORT_ERROR_CODES.fromAfterTo);
  }
}
