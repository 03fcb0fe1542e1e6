/** The languages of TransCoder's GeeksforGeeks test scripts: folder, file extension, TOFILL marker and name. */

export const transcoderLanguages = ['python', 'java', 'cpp'] as const;
export type TranscoderLanguage = (typeof transcoderLanguages)[number];

export interface TranscoderLanguageInfo {
  /** The folder under `transcoder_evaluation_gfg/` and the bench `language` value. */
  folder: TranscoderLanguage;
  extension: string;
  /** The line the translation replaces. */
  marker: string;
  label: string;
}

export const transcoderLanguageInfo: Record<TranscoderLanguage, TranscoderLanguageInfo> = {
  python: { folder: 'python', extension: '.py', marker: '#TOFILL', label: 'Python' },
  java: { folder: 'java', extension: '.java', marker: '//TOFILL', label: 'Java' },
  cpp: { folder: 'cpp', extension: '.cpp', marker: '//TOFILL', label: 'C++' },
};

/** True for the three languages the suite has test scripts in. */
export function isTranscoderLanguage(value: string | undefined): value is TranscoderLanguage {
  return (transcoderLanguages as readonly string[]).includes(value ?? '');
}
