import { z } from 'zod';
import { PRESCRIBED_ROUTINE_MAX_BYTES } from '../content/prescribed-routine';
import { localDay } from '../log/common-fields';

/**
 * Files in and out of the app: host capabilities, since only the host can
 * show a save or open dialog (the desktop app) or start a download (the
 * browser host). Each is defined once here; the preload, the Electron main
 * process and the browser's implementation are derived from it. The
 * services build what is saved (a CSV table, a backup) and check what is
 * opened; the host only moves bytes where the person chose.
 */

export const saveFileChannel = 'system:save-file';
export const openFileChannel = 'system:open-file';
export const printReportChannel = 'system:print-report';
export const reportReadyChannel = 'system:report-ready';

const MB = 1_048_576;

/** A suggested file name: letters, digits, dots, dashes; no folder, so the dialog decides where. */
const fileName = z.string().regex(/^[\w-]+(\.[\w-]+)*$/, 'A plain file name, without folders').max(120);

export const saveFileSchema = z.strictObject({
  fileName,
  mediaType: z.enum(['text/csv', 'application/json']),
  text: z.string().max(256 * MB),
});

/** What can be opened, how the dialog filters it, and how large it may be (read no more than that into memory). */
export const openFileKinds = {
  backup: { label: 'Backcare Coach backup', extensions: ['json'], maxBytes: 256 * MB },
  routine: { label: 'Routine from your therapist', extensions: ['json'], maxBytes: PRESCRIBED_ROUTINE_MAX_BYTES },
} as const;
export type OpenFileKind = keyof typeof openFileKinds;
export const openFileKindSchema = z.enum(Object.keys(openFileKinds) as [OpenFileKind, ...OpenFileKind[]]);

export const paperSizes = ['a4', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** The progress report to print: which lived days, on which paper, for whom. */
export const reportRequestSchema = z
  .strictObject({
    from: localDay,
    to: localDay,
    paper: z.enum(paperSizes),
    patientName: z.string().trim().max(80),
    therapistName: z.string().trim().max(80),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'Must not be before from' });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export type SaveOutcome = { saved: true; where: string } | { saved: false };

export interface OpenedFile {
  name: string;
  text: string;
}

export function describeBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Said before a file is read: the limit keeps a wrong pick (a video, a disk image) out of memory. */
export function tooLargeMessage(kind: OpenFileKind, name: string, bytes: number): string {
  const { label, maxBytes } = openFileKinds[kind];
  return `"${name}" is ${describeBytes(bytes)}; a ${label.toLowerCase()} file can be at most ${describeBytes(maxBytes)}. Is it the right file?`;
}

/** The report's address inside the app: the same print view on both hosts. */
export function reportPrintPath(request: ReportRequest): string {
  const { from, to, paper, patientName, therapistName } = request;
  return `/report/print?${new URLSearchParams({ from, to, paper, patient: patientName, therapist: therapistName }).toString()}`;
}

/** Countries that use US Letter (the rest of the world uses A4): the paper a report defaults to. */
const letterRegions = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR', 'DO', 'SV', 'NI', 'PA', 'HN', 'BZ']);

/** The default paper for a region ("US", "GB"; from the system's locale); A4 when there is none. */
export function defaultPaperFor(region: string | null): PaperSize {
  return region && letterRegions.has(region.toUpperCase()) ? 'letter' : 'a4';
}
