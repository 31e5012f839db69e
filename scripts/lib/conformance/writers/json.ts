import type { ConformanceReport } from '../report.ts';

export const writeJson = (report: ConformanceReport): string => `${JSON.stringify(report, null, 2)}\n`;
