// Plausible values for generated benchmark data.
import type { Feature } from '../scripts/lib/catalogue.ts';

/** A valid value of the feature's type, varied by `seed`. */
export function sampleValue(feature: Feature, seed: number): unknown {
  switch (feature.type) {
    case 'boolean':
      return seed % 4 !== 0;
    case 'integer':
      return seed % 60;
    case 'string':
      return feature.values?.allowed?.[seed % feature.values.allowed.length]?.value ?? `Text ${seed}`;
    case 'string_array':
      if (feature.values?.pattern) return feature.id === 'k8ver' ? ['1.34', '1.33', '1.32'] : ['18', '17', '16'];
      return (feature.values?.allowed ?? [{ value: 'a' }, { value: 'b' }]).slice(0, 1 + (seed % 3)).map((a) => a.value);
  }
}
