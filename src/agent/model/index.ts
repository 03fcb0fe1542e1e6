/** The model layer: choosing and building models, call settings, usage and cost, and errors that say what to do. */
export { chooseModelSpec, parseModelSpec } from './model-spec.ts';
export type { ModelChoice } from './model-spec.ts';
export { defaultMaxRetries, defaultRequestTimeoutSeconds, modelFor, resolveModel } from './resolve-model.ts';
export { modelNotConfiguredError } from './not-configured.ts';
export { createLanguageModel } from './create-language-model.ts';
export type { LanguageModelOptions } from './create-language-model.ts';
export { createTimeoutFetch } from './timeout-fetch.ts';
export { modelCallSettings } from './call-settings.ts';
export type { ModelCallSettings } from './call-settings.ts';
export { addUsage, noUsage, usageFromStep } from './usage.ts';
export { describeModelError } from './describe-model-error.ts';
export type { ModelForMessages } from './describe-model-error.ts';
export { describeToolCallProblem } from './describe-tool-call-problem.ts';
export type { ToolCallProblem } from './describe-tool-call-problem.ts';
export { checkModel } from './check-model.ts';
export type { ModelCheck } from './check-model.ts';
export { modelsReport } from './models-report.ts';
export type { ModelsReport, ModelsReportOptions, ProviderStatus } from './models-report.ts';
