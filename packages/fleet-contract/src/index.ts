export * from './changes.ts';
export type { FunctionView, HealthCheckView, LifecycleHookView } from './function-view.ts';
export { SECRET_MASK } from './function-view.ts';
export * from './index-answers.ts';
export * from './insights.ts';
export * from './list-filters.ts';
export * from './runtime-lifecycle.ts';
export * from './vocabulary.ts';
