import { DomainError } from './domain-error';
import {
  optionalCommandId,
  optionalText,
  parseIsoDate,
  requireInteger,
  requireIsoDate,
  requireNonNegativeNumber,
  requireOneOf,
  requirePositiveNumber,
  requireSlug,
  requireText,
  TEXT_FIELDS,
  VALIDATION_ERROR_CODES,
} from './validation';

const failure = (check: () => unknown): DomainError => {
  try {
    check();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('validation', () => {
  describe(requireSlug.name, () => {
    it.each(['a', 'front-desk', '0', 'x'.repeat(64), 'q3-2024'])('should accept %s', (slug) => {
      expect(requireSlug('functionId', slug)).toBe(slug);
    });

    it.each(['', '-front', 'Front', 'front desk', 'front_desk', 'x'.repeat(65), 'a/b'])(
      'should refuse %j naming the field',
      (value) => {
        const error = failure(() => requireSlug('functionId', value));
        expect(error).toMatchObject({
          kind: 'invalid_input',
          code: VALIDATION_ERROR_CODES.notASlug,
          field: 'functionId',
        });
        expect(error.message).toContain('functionId');
      },
    );
  });

  describe(requireText.name, () => {
    it('should trim and accept 200 characters', () => {
      expect(requireText('name', `  ${'n'.repeat(200)}  `)).toBe('n'.repeat(200));
    });

    it('should refuse 201 characters', () => {
      expect(failure(() => requireText('name', 'n'.repeat(201)))).toMatchObject({
        code: VALIDATION_ERROR_CODES.tooLong,
        field: 'name',
      });
    });

    it('should refuse a blank text', () => {
      expect(failure(() => requireText('title', '   '))).toMatchObject({
        code: VALIDATION_ERROR_CODES.required,
      });
    });
  });

  describe(optionalText.name, () => {
    it('should turn absent and blank into null', () => {
      expect(optionalText('evidence', undefined, TEXT_FIELDS.evidence)).toBeNull();
      expect(optionalText('evidence', null, TEXT_FIELDS.evidence)).toBeNull();
      expect(optionalText('evidence', ' ', TEXT_FIELDS.evidence)).toBeNull();
    });

    it('should refuse a text over the limit', () => {
      expect(failure(() => optionalText('evidence', 'e'.repeat(10_001), TEXT_FIELDS.evidence))).toMatchObject(
        {
          code: VALIDATION_ERROR_CODES.tooLong,
          field: 'evidence',
        },
      );
    });
  });

  describe('control characters', () => {
    it.each([
      'Front\u0000desk',
      'Front\u001b[31mdesk',
      'evil\u202Etxt.exe',
      'half \ud800 pair',
      'two\nlines',
      'tab\there',
    ])('should refuse %j in a single-line field, naming the field', (name) => {
      expect(failure(() => requireText('name', name))).toMatchObject({
        code: VALIDATION_ERROR_CODES.controlCharacter,
        field: 'name',
      });
    });

    it('should keep line breaks and tabs in evidence and refuse the other controls there', () => {
      expect(optionalText('evidence', 'line one\r\nline two\tend', TEXT_FIELDS.evidence)).toBe(
        'line one\r\nline two\tend',
      );
      expect(failure(() => optionalText('evidence', 'bell\u0007', TEXT_FIELDS.evidence))).toMatchObject({
        code: VALIDATION_ERROR_CODES.controlCharacter,
        field: 'evidence',
      });
    });

    it('should accept letters of every script and emoji', () => {
      expect(requireText('name', 'Réception – 前台 – الاستقبال 🛎️')).toBe('Réception – 前台 – الاستقبال 🛎️');
    });
  });

  describe(optionalCommandId.name, () => {
    it.each(['c1', '3f0e1b9a-2c4d-4e5f-8a9b-0c1d2e3f4a5b', 'csv-ab12-7', 'A.b_c:d', 'x'.repeat(128)])(
      'should accept %s',
      (commandId) => {
        expect(optionalCommandId('commandId', commandId)).toBe(commandId);
      },
    );

    it.each(['', 'x'.repeat(129), '-leading', 'with space', 'slash/ed', 'é'])(
      'should refuse %j',
      (commandId) => {
        expect(failure(() => optionalCommandId('commandId', commandId))).toMatchObject({
          code: VALIDATION_ERROR_CODES.malformedCommandId,
          field: 'commandId',
        });
      },
    );
  });

  describe(parseIsoDate.name, () => {
    it.each([
      ['2024-03-31', '2024-03-31T00:00:00.000Z'],
      ['2024-03-31T17:00Z', '2024-03-31T17:00:00.000Z'],
      ['2024-03-31T17:00:00', '2024-03-31T17:00:00.000Z'],
      ['2024-03-31T17:00:00.123456+02:00', '2024-03-31T15:00:00.123Z'],
      ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ])('should read %s as %s (UTC when no offset is given)', (input, expected) => {
      expect(requireIsoDate('periodEnd', input)).toBe(expected);
    });

    it.each([
      '',
      'yesterday',
      '31/03/2024',
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-03-31T24:00:00Z',
      '2024-3-1',
      42,
    ])('should refuse %j as malformed', (input) => {
      const error = failure(() => parseIsoDate('periodEnd', input));
      expect(error).toMatchObject({ code: VALIDATION_ERROR_CODES.malformedDate, field: 'periodEnd' });
      expect(error.message).toContain('periodEnd');
    });

    it.each(['1899-12-31', '2201-01-01', '9999-12-31', '0001-01-01'])(
      'should refuse %s, outside 1900-2200',
      (input) => {
        expect(failure(() => parseIsoDate('deployedAt', input))).toMatchObject({
          code: VALIDATION_ERROR_CODES.dateOutOfRange,
          field: 'deployedAt',
        });
      },
    );

    it.each(['1900-01-01', '2200-12-31T23:59:59Z'])('should accept %s at the edge of the range', (input) => {
      expect(() => parseIsoDate('deployedAt', input)).not.toThrow();
    });
  });

  describe('numbers', () => {
    it('should refuse non-finite numbers', () => {
      expect(failure(() => requirePositiveNumber('weight', Number.NaN))).toMatchObject({
        code: VALIDATION_ERROR_CODES.notANumber,
      });
      expect(failure(() => requireNonNegativeNumber('cost', Number.POSITIVE_INFINITY))).toMatchObject({
        code: VALIDATION_ERROR_CODES.notANumber,
      });
    });

    it('should refuse zero as a positive number and accept it as non-negative', () => {
      expect(failure(() => requirePositiveNumber('weight', 0))).toMatchObject({
        code: VALIDATION_ERROR_CODES.outOfRange,
      });
      expect(requireNonNegativeNumber('cost', 0)).toBe(0);
    });

    it('should refuse fractions and values out of range for integers', () => {
      expect(failure(() => requireInteger('level', 2.5, 1, 5))).toMatchObject({
        code: VALIDATION_ERROR_CODES.notAnInteger,
      });
      expect(failure(() => requireInteger('level', 6, 1, 5)).message).toBe(
        'level must be between 1 and 5 (got 6)',
      );
    });
  });

  describe(requireOneOf.name, () => {
    it('should refuse a value outside the enum', () => {
      expect(failure(() => requireOneOf('kind', 'MAGIC', ['OPERATIONAL', 'CAPITAL']))).toMatchObject({
        code: VALIDATION_ERROR_CODES.notAllowed,
        field: 'kind',
      });
    });
  });
});
