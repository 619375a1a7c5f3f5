export * from './portfolio-input';
export { DEFAULT_ALPHA, EXACT_CANDIDATE_LIMIT, optimizePortfolio } from './optimize-portfolio';
export type { FrontierPoint, PortfolioResult } from './optimize-portfolio';
