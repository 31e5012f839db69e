import type { FindingsReport } from '../diagnostic.ts';

export const formatJson = (report: FindingsReport): string => `${JSON.stringify(report, null, 2)}\n`;
