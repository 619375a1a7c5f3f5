// pure-rand 8 publishes its entry points through package `exports` only, which the repository's
// `moduleResolution: node` cannot see; these declarations mirror the library's own .d.ts files
// for the two entry points the simulation uses (Node resolves them at run time as usual).
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface JumpableRandomGenerator {
    clone(): JumpableRandomGenerator;
    next(): number;
    jump(): void;
    getState(): readonly number[];
  }
  export function xoroshiro128plus(seed: number): JumpableRandomGenerator;
}

declare module 'pure-rand/distribution/uniformFloat64' {
  import type { JumpableRandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
  /** Uniform in [0, 1), multiples of 2**-53. */
  export function uniformFloat64(rng: JumpableRandomGenerator): number;
}
