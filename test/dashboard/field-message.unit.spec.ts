// A form's error speaks the screen's words: the api's field path at the start of its message
// becomes the labels the user sees; the api's own message is kept otherwise.
import { fieldMessage } from '../../apps/dashboard/src/shared/forms/field-message';

const SLUG_MESSAGE =
  'must be a slug: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters';

describe('fieldMessage', () => {
  it('should name a list item by its label and keep the rest of the message', () => {
    expect(
      fieldMessage(
        { message: 'effects[0].low (2) must not exceed likely (1)', field: 'input.effects[0].low' },
        { effects: (index) => `Effect ${index + 1}`, 'effects[0].low': 'low' },
      ),
    ).toBe('Effect 1: low (2) must not exceed likely (1)');
  });

  it('should say the rest of the path as written when the field has no label of its own', () => {
    expect(
      fieldMessage(
        { message: 'effects[1].likely (3) must not exceed high (2)', field: 'effects[1].likely' },
        { effects: (index) => `Effect ${index + 1}` },
      ),
    ).toBe('Effect 2: likely (3) must not exceed high (2)');
  });

  it('should replace a field path by the label of the field on screen', () => {
    expect(
      fieldMessage(
        {
          message: 'functionId: organisation "seaview" already has a function "rooms"',
          field: 'input.functionId',
        },
        { functionId: 'Id', name: 'Name' },
      ),
    ).toBe('Id: organisation "seaview" already has a function "rooms"');
  });

  it('should say what an id must be in plain words, with a suggestion made from what was typed', () => {
    expect(
      fieldMessage(
        { message: `functionId ${SLUG_MESSAGE}`, field: 'input.functionId', reason: 'VALIDATION.NOT_A_SLUG' },
        { functionId: 'Id' },
        'Reception Desk',
      ),
    ).toBe(
      'Id must be lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters, e.g. reception-desk',
    );
  });

  it('should suggest nothing when what was typed makes no slug', () => {
    expect(
      fieldMessage(
        { message: `functionId ${SLUG_MESSAGE}`, field: 'functionId', reason: 'VALIDATION.NOT_A_SLUG' },
        { functionId: 'Id' },
        '!!!',
      ),
    ).toMatch(/^Id must be lower-case letters, digits and hyphens, .* at most 64 characters$/);
  });

  it('should name an item and the field’s own label when the message begins with the leaf only', () => {
    expect(
      fieldMessage(
        {
          message:
            'invitations[1].raterFunctionId is required for a PEER rating: name the function that gives it',
          field: 'input.invitations[1].raterFunctionId',
        },
        {
          invitations: (index) => `Person ${index + 1}`,
          'invitations[1].raterFunctionId': 'Their own function',
        },
      ),
    ).toBe('Person 2: Their own function is required for a PEER rating: name the function that gives it');
    expect(
      fieldMessage(
        {
          message: 'raterFunctionId is required for a PEER rating: name the function that gives it',
          field: 'invitations[0].raterFunctionId',
        },
        { invitations: (index) => `Person ${index + 1}` },
      ),
    ).toBe('Person 1: raterFunctionId is required for a PEER rating: name the function that gives it');
  });

  it('should name an item once when the field’s label already begins with it', () => {
    expect(
      fieldMessage(
        {
          message: `capabilities[0].id ${SLUG_MESSAGE}`,
          field: 'capabilities[0].id',
          reason: 'VALIDATION.NOT_A_SLUG',
        },
        { capabilities: (index) => `Capability ${index + 1}`, 'capabilities[0].id': 'Capability 1: Id' },
        'Service Recovery',
      ),
    ).toBe(
      'Capability 1: Id must be lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters, e.g. service-recovery',
    );
  });

  it('should name an item when the message begins with the item, not the field', () => {
    expect(
      fieldMessage(
        {
          message: 'invitations[2]: no function "spa" in organisation "seaview"',
          field: 'invitations[2].functionIds',
        },
        { invitations: (index) => `Person ${index + 1}` },
      ),
    ).toBe('Person 3: no function "spa" in organisation "seaview"');
  });

  it('should put the item before a message that does not begin with a path', () => {
    expect(
      fieldMessage(
        { message: 'a SELF rating names exactly one function', field: 'invitations[0].functionIds' },
        { invitations: (index) => `Person ${index + 1}` },
      ),
    ).toBe('Person 1: a SELF rating names exactly one function');
  });

  it('should keep a message that names no labelled field, or names no field at all, as it is', () => {
    const labels = { weight: 'Weight' };
    expect(
      fieldMessage({ message: 'no respondent "r-71" was invited or rated', field: 'respondentId' }, labels),
    ).toBe('no respondent "r-71" was invited or rated');
    expect(fieldMessage({ message: 'level must be 1 to 5', field: 'level' }, labels)).toBe(
      'level must be 1 to 5',
    );
    expect(fieldMessage({ message: 'the store is busy', field: null }, labels)).toBe('the store is busy');
    // A word that only looks like the start of the path is not rewritten.
    expect(fieldMessage({ message: 'weightless links are refused', field: 'weight' }, labels)).toBe(
      'weightless links are refused',
    );
  });

  it('should not lend a top-level field’s label to a nested field of the same name', () => {
    expect(fieldMessage({ message: 'id is taken', field: 'capabilities[0].id' }, { id: 'Model id' })).toBe(
      'id is taken',
    );
  });
});
