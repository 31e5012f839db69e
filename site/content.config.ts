// Every collection the site reads, each loaded and validated by OFM's own code.
import { defineCollection } from 'astro:content';
import { ofmLoader } from './lib/loaders.ts';

export const collections = {
  catalogues: defineCollection({ loader: ofmLoader('catalogue') }),
  operators: defineCollection({ loader: ofmLoader('operator') }),
  submissions: defineCollection({ loader: ofmLoader('submission') }),
  evidence: defineCollection({ loader: ofmLoader('evidence-report') }),
  conformance: defineCollection({ loader: ofmLoader('conformance-report') }),
};
