// Integration and e2e specs start real processes and open real files: on a busy machine an api
// takes seconds to start, so a hook or test without its own limit gets a minute, not jest's 5 s.
// A spec's own jest.setTimeout (or a hook's own limit) still decides.
jest.setTimeout(60_000);
