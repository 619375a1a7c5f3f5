// Test helper (a .fixtures.ts file: for tests only, never built): the error a call throws, to match its kind, code and field.
export const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
};
