// The generator lives with the scenarios (core/scenarios/random.ts); tests and benchmarks use the same one.
export { seededRandom } from '../../core/scenarios';
