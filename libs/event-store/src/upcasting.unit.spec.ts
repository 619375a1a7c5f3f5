import { UpcasterRegistry } from './upcasting';

describe(UpcasterRegistry.name, () => {
  const registry = new UpcasterRegistry([
    { eventType: 'Rated', fromSchemaVersion: 1, upcast: (data) => ({ ...data, scale: 5 }) },
    { eventType: 'Rated', fromSchemaVersion: 2, upcast: (data) => ({ ...data, comment: '' }) },
  ]);

  it('should apply the upcasters in order from the recorded version', () => {
    expect(registry.upcast('Rated', 1, { level: 3 })).toEqual({
      data: { level: 3, scale: 5, comment: '' },
      schemaVersion: 3,
    });
    expect(registry.upcast('Rated', 2, { level: 3 })).toEqual({
      data: { level: 3, comment: '' },
      schemaVersion: 3,
    });
  });

  it('should leave current and unknown events as they are', () => {
    const data = { level: 3 };
    expect(registry.upcast('Rated', 3, data).data).toBe(data);
    expect(registry.upcast('Other', 1, data)).toEqual({ data, schemaVersion: 1 });
  });

  it('should refuse a second upcaster for the same step', () => {
    expect(() => registry.register('Rated', 1, (data) => data)).toThrow(/already registered/);
  });
});
